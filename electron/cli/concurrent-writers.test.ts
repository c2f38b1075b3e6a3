/**
 * Two `gloss` writers on one project, as real processes: each one that says it saved must
 * find its change in the file, and a project held by the app or the browser host is never
 * written by a command. Each run starts node and tsx (seconds on a busy machine), so the
 * tests make few of them.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProjectFile } from '../../shared/model/schema';
import { serializeProject } from '../../shared/model/serialize';
import { emptyProjectFile } from '../../shared/model/state';
import { quoteAt } from '../../shared/text/quote';
import { startHost, type RunningHost } from '../host/server';
import { lockPath } from '../service/lock';

const BIN = fileURLToPath(new URL('../../bin/gloss.mjs', import.meta.url));
const T0 = '2026-01-01T00:00:00.000Z';
const TEXT = 'We never had training on the new system. Data sharing took weeks. Nobody asked us.';

interface Child {
  /** Resolves with the exit code, stdout and stderr once the process has ended. */
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** Resolves when stderr contains `text` (or the process ended without it). */
  saidOnStderr(text: string): Promise<boolean>;
}

function gloss(dir: string, args: string[]): Child {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, GLOSS_DATA_DIR: path.join(dir, 'data') } });
  let stdout = '';
  let stderr = '';
  const watchers: { text: string; resolve: (said: boolean) => void }[] = [];
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => {
    stderr += s;
    for (const w of watchers.splice(0)) {
      if (stderr.includes(w.text)) w.resolve(true);
      else watchers.push(w);
    }
  });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code) => {
      for (const w of watchers.splice(0)) w.resolve(stderr.includes(w.text));
      resolve({ code, stdout, stderr });
    });
  });
  let ended = false;
  void done.then(() => (ended = true));
  return {
    done,
    saidOnStderr: (text) =>
      stderr.includes(text) || ended ? Promise.resolve(stderr.includes(text)) : new Promise((resolve) => watchers.push({ text, resolve })),
  };
}

function coding(id: string, quote: string, codeId: string) {
  const start = TEXT.indexOf(quote);
  return { id, documentId: 'd1', codeId, coderId: 'alice', start, end: start + quote.length, ...quoteAt(TEXT, start, start + quote.length), createdAt: T0, needsReview: false };
}

function project(): ProjectFile {
  const file = emptyProjectFile('Study', T0);
  file.coders.push({ id: 'alice', name: 'Alice', color: '#aa0000' });
  file.documents.push({ id: 'd1', name: 'Interview', text: TEXT, createdAt: T0, source: null, attributes: {}, structure: [] });
  return file;
}

const readProject = async (file: string) => JSON.parse(await fs.readFile(file, 'utf8')) as ProjectFile;

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-writers-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('two gloss writers on one project', { timeout: 90_000 }, () => {
  it('both codings are in the file when both commands say they coded', async () => {
    const file = path.join(dir, 'study.gloss');
    await fs.writeFile(file, serializeProject(project()));
    // A short gloss command (this test process stands in for it) holds the lock while both
    // start, so that both read the project at the moment it is released.
    const held = { pid: process.pid, host: os.hostname(), user: 'test', since: new Date().toISOString(), kind: 'cli', nonce: 'test' };
    await fs.writeFile(lockPath(file), JSON.stringify(held));
    const first = gloss(dir, ['code', 'study.gloss', '--doc', 'Interview', '--code', 'Training', '--quote', 'never had training', '--coder', 'Alice']);
    const second = gloss(dir, ['code', 'study.gloss', '--doc', 'Interview', '--code', 'Data', '--quote', 'Data sharing', '--coder', 'Alice']);
    const waited = await Promise.all([first.saidOnStderr('waiting'), second.saidOnStderr('waiting')]);
    await fs.rm(lockPath(file));
    const runs = await Promise.all([first.done, second.done]);

    expect(waited).toEqual([true, true]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    for (const run of runs) expect(run.stderr).toMatch(/^gloss: study\.gloss is being changed by another gloss command \(test on .+\); waiting for it to finish\n$/);
    const ids = runs.map((r) => r.stdout.trim());
    const saved = await readProject(file);
    expect(saved.codings.map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(saved.codes.map((c) => c.name).sort()).toEqual(['Data', 'Training']);
    await expect(fs.access(lockPath(file))).rejects.toThrow();
  });

  it('merge -o into a project the browser host holds is refused, naming the host, and the file is untouched', async () => {
    const base = project();
    base.codes.push({ id: 'k1', name: 'Trust', color: '#112233', description: '', parentId: null, codable: true, createdAt: T0 });
    const theirs = structuredClone(base);
    theirs.codings.push(coding('g-theirs', 'Data sharing took weeks', 'k1'));
    await fs.writeFile(path.join(dir, 'base.gloss'), serializeProject(base));
    await fs.writeFile(path.join(dir, 'theirs.gloss'), serializeProject(theirs));
    const held = path.join(dir, 'host.gloss');
    await fs.writeFile(held, serializeProject(base));
    let host: RunningHost | undefined;
    try {
      host = await startHost({ projectFile: held, rendererDir: dir, dataDir: path.join(dir, 'data'), coderName: 'Host', saveDelayMs: 10_000, log: () => {} });
      const before = await fs.readFile(held);
      const merge = await gloss(dir, ['merge', 'host.gloss', 'theirs.gloss', '--base', 'base.gloss', '-o', 'host.gloss']).done;
      expect(merge.code).toBe(1);
      expect(merge.stdout).toBe('');
      expect(merge.stderr).toMatch(/^gloss: host\.gloss is already open in Gloss by .+ \(process \d+, since .+\) in the browser host\. .*nothing was merged/);
      expect(await fs.readFile(held)).toEqual(before);

      // The host's own next save keeps what it has, as it always did; nothing was lost in between.
      const created = host.service.run({ type: 'createCode', name: 'From the host' });
      expect(created.ok).toBe(true);
      await host.close();
      host = undefined;
      const saved = await readProject(held);
      expect(saved.codes.map((c) => c.name).sort()).toEqual(['From the host', 'Trust']);
      expect(saved.codings).toEqual([]);
    } finally {
      await host?.close();
    }
  });
});
