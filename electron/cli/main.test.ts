import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeProject } from '../../shared/model/serialize';
import { emptyProjectFile } from '../../shared/model/state';
import { BIN } from './run-gloss';

const dir = mkdtempSync(path.join(os.tmpdir(), 'gloss-cli-pipe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gloss on a pipe', () => {
  it('stops quietly when the reader closes the pipe early (gloss info … | head -1)', async () => {
    const file = emptyProjectFile('Many codes', '2026-01-01T00:00:00.000Z');
    for (let i = 0; i < 20_000; i++) {
      file.codes.push({ id: `k${i}`, name: `code number ${i} with a long enough name`, color: '#aabbcc', description: '', parentId: null, codable: true, createdAt: 't' });
    }
    const project = path.join(dir, 'many.gloss');
    writeFileSync(project, serializeProject(file));
    const child = spawn(process.execPath, [BIN, 'info', project], { env: { ...process.env, GLOSS_DATA_DIR: path.join(dir, 'data') } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Read one chunk, then go away as `head` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);
});
