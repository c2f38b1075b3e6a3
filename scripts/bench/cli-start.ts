/**
 * How long the `gloss` command takes to answer (issue 10): `gloss info` on a small project
 * (the three sample interviews) and `gloss --help`, each a fresh `node bin/gloss.mjs`
 * process as a user or a script starts it, against a bare `node -e 0` started the same way.
 * Runs are interleaved, so a busy moment of the machine weighs on all three alike; the
 * figures are medians of wall time from spawn to exit.
 *
 *   npx tsx scripts/bench/cli-start.ts [--runs N]   this part alone, as a table
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median, now } from './measure';

const root = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(root, 'bin', 'gloss.mjs');
const SAMPLE = path.join(root, 'build', 'sample');

/** The bound: `gloss info` within this many times a bare node start. */
export const CLI_START_TARGET = 4;
const WARMUPS = 2;
const RUNS = 15;

export interface CliStartFigures {
  /** `gloss info small.gloss`, median ms. */
  cli_info_ms: number;
  /** `gloss --help`, median ms. */
  cli_help_ms: number;
  /** `node -e 0`, median ms. */
  node_bare_ms: number;
  /** cli_info_ms / node_bare_ms. */
  cli_start_ratio: number;
  /** What bin/gloss.mjs ran: the prebuilt bundle, or the sources through tsx (and why). */
  cli_runs: string;
  cli_runs_count: number;
}

/** Runs node with `args` in `dir` and returns the wall time in ms; throws when it fails. */
function timedNode(args: string[], env: NodeJS.ProcessEnv, dir: string): number {
  const start = now();
  const result = spawnSync(process.execPath, args, { cwd: dir, env, encoding: 'utf8' });
  const ms = now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed (${result.status}): ${result.stderr.trim()}`);
  return ms;
}

/** Makes the small project: a new project with the sample's interview transcripts. */
async function smallProject(dir: string, env: NodeJS.ProcessEnv): Promise<string> {
  const file = path.join(dir, 'small.gloss');
  const interviews = (await fs.readdir(SAMPLE)).filter((f) => f.endsWith('.txt')).map((f) => path.join(SAMPLE, f));
  timedNode([BIN, 'new', file], env, dir);
  timedNode([BIN, 'import', file, ...interviews], env, dir);
  return file;
}

/** Which way bin/gloss.mjs runs the CLI here, as it says with GLOSS_DEBUG set. */
function whichCli(env: NodeJS.ProcessEnv, dir: string): string {
  const result = spawnSync(process.execPath, [BIN, '--version'], { cwd: dir, env: { ...env, GLOSS_DEBUG: '1' }, encoding: 'utf8' });
  if (/^gloss: running the prebuilt CLI /m.test(result.stderr)) return 'bundle';
  const reason = /^gloss: running the TypeScript sources through tsx: (.*)$/m.exec(result.stderr)?.[1];
  return `sources (${reason ?? 'it did not say why'})`;
}

/** Times the CLI's start in a temp folder of its own. */
export async function measureCliStart(runs = RUNS): Promise<CliStartFigures> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-cli-start-'));
  try {
    // Settings (the coder's name) stay in the temp folder; GLOSS_DEBUG would add a line.
    const env: NodeJS.ProcessEnv = { ...process.env, GLOSS_DATA_DIR: path.join(dir, 'data'), GLOSS_DEBUG: '' };
    const file = await smallProject(dir, env);
    const samples = { info: [] as number[], help: [] as number[], bare: [] as number[] };
    for (let i = 0; i < WARMUPS + runs; i++) {
      const info = timedNode([BIN, 'info', file], env, dir);
      const help = timedNode([BIN, '--help'], env, dir);
      const bare = timedNode(['-e', '0'], env, dir);
      if (i < WARMUPS) continue;
      samples.info.push(info);
      samples.help.push(help);
      samples.bare.push(bare);
    }
    const cli_info_ms = median(samples.info);
    const node_bare_ms = median(samples.bare);
    return {
      cli_info_ms,
      cli_help_ms: median(samples.help),
      node_bare_ms,
      cli_start_ratio: cli_info_ms / node_bare_ms,
      cli_runs: whichCli(env, dir),
      cli_runs_count: runs,
    };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The figures as lines for the bench's table. */
export function cliStartTable(f: CliStartFigures): string {
  const mark = f.cli_start_ratio <= CLI_START_TARGET ? 'PASS' : 'MISS';
  return [
    `CLI start (a fresh process each, median of ${f.cli_runs_count}; gloss runs the ${f.cli_runs})`,
    `  gloss info, small project  ${Math.round(f.cli_info_ms)} ms`,
    `  gloss --help               ${Math.round(f.cli_help_ms)} ms`,
    `  node -e 0                  ${Math.round(f.node_bare_ms)} ms`,
    `  info / bare node ${f.cli_start_ratio.toFixed(2)}× (target ≤ ${CLI_START_TARGET}×)  ${mark}`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--runs');
  const runs = at > 0 ? Number(process.argv[at + 1]) : RUNS;
  measureCliStart(Number.isInteger(runs) && runs > 0 ? runs : RUNS)
    .then((figures) => process.stdout.write(`${cliStartTable(figures)}\n`))
    .catch((e: unknown) => {
      process.stderr.write(`cli-start bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    });
}
