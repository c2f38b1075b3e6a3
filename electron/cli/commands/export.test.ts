/** `gloss export` into something that is not a plain file: a named pipe stays a pipe and receives the export. */
import { spawn, execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGloss } from '../run-gloss';
import { exportProjectFile } from '../../../shared/export/fixtures/export-project';

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-export-pipe-'));
  await fs.writeFile(path.join(dir, 'study.gloss'), JSON.stringify(exportProjectFile()));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Reads everything written into the pipe by another process, as `gloss export … > pipe` would be read. */
function readPipe(pipe: string): { text: Promise<string>; stop: () => void } {
  const cat = spawn('cat', [pipe]);
  let text = '';
  cat.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { text: new Promise((resolve) => cat.on('close', () => resolve(text))), stop: () => cat.kill() };
}

describe.skipIf(process.platform === 'win32')('gloss export to a pipe or device', () => {
  it('writes into a named pipe (as into /dev/stdout) instead of replacing it with a file', async () => {
    const pipe = path.join(dir, 'codebook.pipe');
    execFileSync('mkfifo', [pipe]);
    const reader = readPipe(pipe);
    try {
      const run = await runGloss(dir, ['export', 'study.gloss', '--codebook', pipe]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      // Still a pipe: a temp file renamed over /dev/stdout would have replaced the device for every program.
      expect((await fs.lstat(pipe)).isFIFO()).toBe(true);
      expect(await reader.text).toMatch(/^\uFEFFcode,code_path,parent,description,color,codings,documents\r?\n/);
    } finally {
      reader.stop();
    }
  });
});
