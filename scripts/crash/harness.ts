/**
 * The concurrency and crash harness: rounds of `gloss code` and `gloss merge -o` writers,
 * with a browser host on the same project in some rounds, all started close together and
 * killed with SIGKILL at random. After every round, each acknowledged change must be in the
 * project file, and the project must open:
 *   - a `gloss code` that exited 0 and printed a coding id: that coding;
 *   - a `gloss merge … -o study.gloss --ours` that exited 0: the code it merged in;
 *   - a host change (ops:run) once the host reported it saved: that code.
 * Everything a round starts is ended within its time bound (killed if need be). At the end
 * the project is opened by a lock holder, which clears crashed writers' temp files, and
 * what is left beside it is counted.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ProjectFile } from '../../shared/model/schema';
import { serializeProject } from '../../shared/model/serialize';
import { emptyProjectFile } from '../../shared/model/state';
import { loadProjectFile } from '../../electron/service/durable-file';
import { ProjectService } from '../../electron/service/project-service';
import { hostUrl, launchers, start, type HostClient, type Running } from './processes';

export interface HarnessOptions {
  /** Where the project and everything beside it live (an empty folder). */
  dir: string;
  rounds: number;
  /** Writer processes per round. */
  writers: number;
  /** Chance that a round has a browser host on the project (0–1). */
  hostChance: number;
  /** Chance that a process is killed at a random moment of its life (0–1). */
  killChance: number;
  /** Kills land within this many ms of a process's start (its likely life on a busy machine). */
  killWindowMs: number;
  /**
   * Kill every round's host, once it has served for this many ms (it serves at least a second),
   * whatever killChance draws, and then start one more writer, which must take over the lock
   * the host left and be saved: a short run then surely has a kill while the host holds the
   * project and a change acknowledged after it, however fast or slow the machine is.
   */
  killHostAfterMs?: number;
  /** What is still running this long after a round started is killed. */
  roundLimitMs: number;
  /** Seed of the random choices (the timings themselves are the machine's). */
  seed: number;
  /** Run through tsx (bin/gloss.mjs) rather than from a bundle: slower, the very files a user runs. */
  tsx?: boolean;
  /** Progress, one line per round. */
  log?: (line: string) => void;
}

export interface HarnessFigures {
  rounds: number;
  writers: number;
  hosts: number;
  kills: number;
  /** Changes whose process said they were saved. */
  acknowledged: number;
  /** Writers that ended without acknowledging (refused, timed out, killed). */
  unacknowledged: number;
  /** How the processes that did not acknowledge ended, by kind ("killed", "refused: the browser host holds it", …). */
  outcomes: Record<string, number>;
  /** Acknowledged changes missing from the file after a round: must be 0. */
  lost: number;
  /** Rounds after which the project did not open: must be 0. */
  unopenable: number;
  /** Gloss's hidden files (temp files, lock leftovers) beside the project before the final open by a lock holder… */
  tempsBeforeOpen: number;
  /** …and after it: must be 0. */
  leftoverTemps: number;
  seconds: number;
  /** What went wrong, for the report. */
  problems: string[];
}

const T0 = '2026-01-01T00:00:00.000Z';
const TEXT = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');

/** mulberry32: a small seeded generator, so a run's choices can be repeated. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function startingProject(): ProjectFile {
  const file = emptyProjectFile('Crash harness', T0);
  file.coders.push({ id: 'alice', name: 'Alice', color: '#aa0000' });
  file.documents.push({ id: 'd1', name: 'Interview', text: TEXT, createdAt: T0, source: null, attributes: {}, structure: [] });
  return file;
}

/** A copy to merge in: the same document, and one new code under a known id. */
function theirs(codeId: string): ProjectFile {
  const file = startingProject();
  file.codes.push({ id: codeId, name: `merged ${codeId.slice(0, 8)}`, color: '#336699', description: '', parentId: null, codable: true, createdAt: T0 });
  return file;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What one process acknowledged: ids that must be in the file (codings or codes). */
interface Acks {
  codings: string[];
  codes: string[];
}

/**
 * Drives the host for one round: changes until `enough`, each acknowledged once the host
 * says it is saved (waited for until `gone`). Changes made but not yet seen saved are
 * returned: a host stopped with Ctrl+C (SIGTERM) that exits 0 has saved them too.
 */
async function driveHost(client: HostClient, round: number, enough: () => boolean, gone: () => boolean, acks: Acks): Promise<string[]> {
  const unsaved: string[] = [];
  for (let k = 0; !enough() && !gone(); k++) {
    const response = await client.invoke('ops:run', { type: 'createCode', name: `host ${round}.${k}` }).catch(() => null);
    const codeId = response?.ok && response.result?.ok ? (response.result.created?.codeId as string | undefined) : undefined;
    if (!codeId) break;
    unsaved.push(codeId);
    // Saved: the host has written every change made so far, this one included.
    while (!gone()) {
      const snapshot = await client.invoke('project:snapshot').catch(() => null);
      if (!snapshot?.ok) return unsaved;
      if (snapshot.result.save.status === 'saved') {
        acks.codes.push(...unsaved.splice(0));
        break;
      }
      await sleep(40);
    }
  }
  return unsaved;
}

/**
 * How a process that did not acknowledge ended. Each expected way has a name; anything else
 * (an internal error, a failed save) is "unexpected" and is listed as a problem.
 */
function outcomeOf(code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  if (signal === 'SIGKILL') return 'killed';
  if (/already open in Gloss by .* in the browser host/.test(stderr)) return 'refused: the browser host holds it';
  if (/already open in Gloss by .* in the Gloss app/.test(stderr)) return 'refused: the app holds it';
  if (/did not finish in time/.test(stderr)) return 'refused: waited out another gloss command';
  return `unexpected (exit ${code ?? signal})`;
}

function tally(figures: HarnessFigures, outcome: string, detail: string): void {
  figures.outcomes[outcome] = (figures.outcomes[outcome] ?? 0) + 1;
  if (outcome.includes('unexpected')) figures.problems.push(detail);
}

/** Runs the harness; resolves to its figures (it does not throw on a lost change: `lost` says so). */
export async function runHarness(options: HarnessOptions): Promise<HarnessFigures> {
  const started = Date.now();
  const rnd = random(options.seed);
  const log = options.log ?? (() => {});
  const project = path.join(options.dir, 'study.gloss');
  const dataDir = path.join(options.dir, 'data');
  const rendererDir = path.join(options.dir, 'renderer');
  await fs.mkdir(rendererDir, { recursive: true });
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Gloss</title>');
  await fs.writeFile(project, serializeProject(startingProject()));

  const figures: HarnessFigures = { rounds: 0, writers: 0, hosts: 0, kills: 0, acknowledged: 0, unacknowledged: 0, outcomes: {}, lost: 0, unopenable: 0, tempsBeforeOpen: 0, leftoverTemps: 0, seconds: 0, problems: [] };
  const acknowledged: Acks = { codings: [], codes: [] };
  const run = await launchers(options.tsx ?? false);
  try {
    for (let round = 1; round <= options.rounds; round++) {
      const roundStart = Date.now();
      const overdue = () => Date.now() - roundStart > options.roundLimitMs;
      const running: Running[] = [];
      const timers: NodeJS.Timeout[] = [];
      const maybeKill = (p: Running) => {
        if (rnd() >= options.killChance) return;
        timers.push(setTimeout(() => p.kill() && figures.kills++, rnd() * options.killWindowMs));
      };

      const writerAcks: Acks = { codings: [], codes: [] };
      /** One gloss writer (a coding, or now and then a merge -o), started after `delay` ms. */
      const writer = async (i: number | string, delay: number, mayBeKilled: boolean) => {
        const merge = rnd() < 0.25;
        const startAt = Math.floor(rnd() * (TEXT.length - 40));
        const endAt = startAt + 1 + Math.floor(rnd() * 30);
        await sleep(delay);
        figures.writers++;
        let mergedCode: string | null = null;
        let args: string[];
        if (merge) {
          mergedCode = randomUUID();
          const other = path.join(options.dir, `theirs-${round}-${i}.gloss`);
          await fs.writeFile(other, serializeProject(theirs(mergedCode)));
          args = ['merge', 'study.gloss', path.basename(other), '-o', 'study.gloss', '--ours'];
        } else {
          args = ['code', 'study.gloss', '--doc', 'Interview', '--code', `code ${round}.${i}`, '--start', String(startAt), '--end', String(endAt), '--coder', 'Alice'];
        }
        const process = start([...run.gloss, ...args], options.dir, dataDir);
        running.push(process);
        if (mayBeKilled) maybeKill(process);
        const { code, signal } = await process.exit;
        const printed = process.stdout().trim();
        if (code === 0 && mergedCode) writerAcks.codes.push(mergedCode);
        else if (code === 0 && UUID.test(printed)) writerAcks.codings.push(printed);
        else {
          figures.unacknowledged++;
          tally(figures, outcomeOf(code, signal, process.stderr()), `round ${round}, gloss ${args[0]}: ${process.stderr().trim()}`);
        }
      };

      // The host, when there is one, starts first and holds the project while writers begin.
      const hostsBefore = figures.hosts;
      let hostDone: Promise<void> = Promise.resolve();
      const hostAcks: Acks = { codings: [], codes: [] };
      if (rnd() < options.hostChance) {
        figures.hosts++;
        const host = start([...run.serve, '--project', project, '--renderer-dir', rendererDir, '--coder', 'Host'], options.dir, dataDir);
        running.push(host);
        maybeKill(host);
        const life = 1_000 + rnd() * 3_000;
        hostDone = (async () => {
          const client = await hostUrl(host, options.roundLimitMs);
          const serving = Date.now();
          const killAfter = options.killHostAfterMs;
          if (killAfter !== undefined) timers.push(setTimeout(() => host.kill() && figures.kills++, Math.min(killAfter, life / 2)));
          const gone = () => host.ended() || overdue();
          const unsaved = client ? await driveHost(client, round, () => Date.now() - serving > life, gone, hostAcks) : [];
          // Stopped as a user stops it (Ctrl+C saves first), unless it was killed.
          if (!host.ended()) host.child.kill('SIGTERM');
          const { code, signal } = await host.exit;
          if (code === 0 && signal === null) hostAcks.codes.push(...unsaved);
          if (code !== 0) tally(figures, `host ${outcomeOf(code, signal, host.stderr())}`, `round ${round}, host: ${host.stderr().trim()}`);
          // A writer after the host was killed must take over the lock it left and be saved.
          if (killAfter !== undefined && signal === 'SIGKILL') await writer('after-host', 0, false);
        })();
      }

      const writers: Promise<void>[] = [];
      for (let i = 0; i < options.writers; i++) writers.push(writer(i, rnd() * 1_500, true));

      // The time bound: whatever still runs is killed.
      const bound = setInterval(() => {
        if (overdue()) for (const p of running) if (p.kill()) figures.kills++;
      }, 200);
      await Promise.all([...writers, hostDone]);
      clearInterval(bound);
      for (const t of timers) clearTimeout(t);

      for (const acks of [writerAcks, hostAcks]) {
        acknowledged.codings.push(...acks.codings);
        acknowledged.codes.push(...acks.codes);
        figures.acknowledged += acks.codings.length + acks.codes.length;
      }
      figures.rounds++;

      // Every change acknowledged so far is in the file, and the file opens.
      try {
        const saved = await loadProjectFile(project);
        const codings = new Set(saved.codings.map((c) => c.id));
        const codes = new Set(saved.codes.map((c) => c.id));
        const missing = [...acknowledged.codings.filter((id) => !codings.has(id)), ...acknowledged.codes.filter((id) => !codes.has(id))];
        if (missing.length > 0) {
          figures.lost += missing.length;
          figures.problems.push(`round ${round}: acknowledged but not in the file: ${missing.join(', ')}`);
          // Counted once: the next rounds check the rest.
          acknowledged.codings = acknowledged.codings.filter((id) => codings.has(id));
          acknowledged.codes = acknowledged.codes.filter((id) => codes.has(id));
        }
      } catch (e) {
        figures.unopenable++;
        figures.problems.push(`round ${round}: the project did not open: ${(e as Error).message}`);
      }
      log(
        `round ${round}: ${writerAcks.codings.length + writerAcks.codes.length} writer and ` +
          `${figures.hosts > hostsBefore ? `${hostAcks.codes.length} host` : 'no host'} changes acknowledged; ` +
          `${figures.kills} kills so far; ${Math.round((Date.now() - roundStart) / 100) / 10} s`,
      );
    }

    // A lock holder opening the project clears what crashed writers left.
    const hidden = async () => (await fs.readdir(options.dir)).filter((n) => n.startsWith('.study.gloss.'));
    figures.tempsBeforeOpen = (await hidden()).length;
    const holder = await ProjectService.open(project, { coder: { id: 'alice', name: 'Alice', color: '#aa0000' }, holder: 'app' });
    await holder.close();
    const left = await hidden();
    figures.leftoverTemps = left.length;
    if (left.length > 0) figures.problems.push(`left beside the project: ${left.join(', ')}`);
  } finally {
    await run.dispose();
  }
  figures.seconds = Math.round((Date.now() - started) / 100) / 10;
  return figures;
}

/** The figures as lines for a person. */
export function figureLines(f: HarnessFigures): string[] {
  return [
    `rounds: ${f.rounds}`,
    `writer processes: ${f.writers}`,
    `browser hosts: ${f.hosts}`,
    `kills (SIGKILL): ${f.kills}`,
    `acknowledged changes: ${f.acknowledged}`,
    `writers that did not acknowledge: ${f.unacknowledged}`,
    ...Object.entries(f.outcomes).map(([outcome, n]) => `  ${outcome}: ${n}`),
    `lost: ${f.lost}`,
    `rounds after which the project did not open: ${f.unopenable}`,
    `Gloss's hidden files beside the project before a lock holder opened it: ${f.tempsBeforeOpen}; after: ${f.leftoverTemps}`,
    `time: ${f.seconds} s`,
    ...f.problems.map((p) => `PROBLEM: ${p}`),
  ];
}
