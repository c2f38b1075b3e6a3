/** `npm run serve` as a user runs it: a child process, its one stdout line, signals, refusals. */
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectService } from '../service/project-service';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const URL_LINE = /^Gloss is serving at (http:\/\/127\.0\.0\.1:(\d+))\/\?token=([A-Za-z0-9_-]{32})\n$/;

interface Served {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function serve(args: string[], dataDir: string): Served {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/serve.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, GLOSS_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

/** Resolves with the URL line once it is printed, or rejects when the process exits first. */
async function urlLine(served: Served): Promise<RegExpExecArray> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const match = URL_LINE.exec(served.stdout());
    if (match) return match;
    const exited = await Promise.race([served.exit.then(() => true), new Promise((r) => setTimeout(() => r(false), 50))]);
    if (exited) throw new Error(`serve exited: ${served.stderr()}`);
  }
  throw new Error('serve printed no URL');
}

describe('npm run serve', () => {
  let dir: string;
  let renderer: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-serve-'));
    renderer = path.join(dir, 'renderer');
    await fs.mkdir(renderer);
    await fs.writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>Gloss</title>');
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('prints one line with the URL, serves with the token, and saves and unlocks on SIGTERM', async () => {
    const project = path.join(dir, 'study.gloss');
    const served = serve(['--project', project, '--renderer-dir', renderer, '--coder', 'Robin'], dir);
    const [, origin, , token] = await urlLine(served);
    expect((await fetch(`${origin}/`)).status).toBe(403);
    expect((await fetch(`${origin}/?token=${token}`)).status).toBe(200);
    const created = await fetch(`${origin}/api/invoke/ops:run`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': token! },
      body: JSON.stringify({ arg: { type: 'createCode', name: 'training gaps' } }),
    });
    expect((await created.json()).result.ok).toBe(true);

    served.child.kill('SIGTERM');
    expect(await served.exit).toBe(0);
    expect(served.stdout().split('\n')).toHaveLength(2); // one line and its newline
    const file = JSON.parse(await fs.readFile(project, 'utf8'));
    expect(file.project.name).toBe('study');
    expect(file.codes.map((c: { name: string }) => c.name)).toEqual(['training gaps']);
    await expect(fs.access(`${project}.lock`)).rejects.toThrow();
  });

  it('refuses a project another process holds, then serves it with --read-only', async () => {
    const project = path.join(dir, 'held.gloss');
    // This test process holds the lock, as another Gloss window would.
    const holder = await ProjectService.create(project, 'held', { coder: { id: 'c', name: 'Holder', color: '#000000' } });
    try {
      const refused = serve(['--project', project, '--renderer-dir', renderer], dir);
      expect(await refused.exit).toBe(1);
      expect(refused.stdout()).toBe('');
      const lines = refused.stderr().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('held.gloss is already open in Gloss by');
      expect(lines[0]).toContain('add --read-only');

      const readOnly = serve(['--project', project, '--renderer-dir', renderer, '--read-only'], dir);
      const [, origin, , token] = await urlLine(readOnly);
      const snapshot = await fetch(`${origin}/api/invoke/project:snapshot`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': token! },
        body: '{}',
      });
      expect((await snapshot.json()).result.readOnly).toBe(true);
      readOnly.child.kill('SIGINT');
      expect(await readOnly.exit).toBe(0);
    } finally {
      await holder.close();
    }
  });

  it('refuses a corrupt project, naming it, and leaves it untouched', async () => {
    const project = path.join(dir, 'broken.gloss');
    const broken = '{"format": "gloss-project", "version": 1, "project": ';
    await fs.writeFile(project, broken);
    const served = serve(['--project', project, '--renderer-dir', renderer], dir);
    expect(await served.exit).toBe(1);
    expect(served.stdout()).toBe('');
    expect(served.stderr()).toMatch(/^gloss serve: broken\.gloss could not be opened: .+\n$/);
    expect(await fs.readFile(project, 'utf8')).toBe(broken);
    await expect(fs.access(`${project}.bak`)).rejects.toThrow();
  });
});
