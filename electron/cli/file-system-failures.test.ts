/**
 * What `gloss` says when the file system refuses: a read-only folder, a full disk, a path
 * too long. Plain words and the way out, never "internal error", and the project as it was.
 * Run in-process; the failures are made by failing the file calls Gloss makes (tests may not
 * mount a read-only disk), except the long path, which is real.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serializeProject } from '../../shared/model/serialize';
import { emptyProjectFile } from '../../shared/model/state';
import { infoCommand } from './commands/info';
import { runCli } from './run';

const T0 = '2026-01-01T00:00:00.000Z';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

function errnoError(code: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed, open '${file}'`), { code, path: file });
}

/** Makes every creation of a file inside `dir` (by name test) fail as the file system would with `code`. */
function failWrites(dir: string, code: string, test: (name: string) => boolean = () => true) {
  const realWriteFile = fs.writeFile;
  const realOpen = fs.open;
  vi.spyOn(fs, 'writeFile').mockImplementation(async (file, ...rest) => {
    if (typeof file === 'string' && file.startsWith(dir) && test(path.basename(file))) throw errnoError(code, file);
    return realWriteFile(file, ...rest);
  });
  vi.spyOn(fs, 'open').mockImplementation(async (file, flags, ...rest) => {
    if (typeof file === 'string' && file.startsWith(dir) && flags === 'w' && test(path.basename(file))) throw errnoError(code, file);
    return realOpen(file, flags, ...rest);
  });
}

let dir: string;
let project: string;
let cwd: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-fs-'));
  const file = emptyProjectFile('Study', T0);
  file.coders.push({ id: 'alice', name: 'Alice', color: '#aa0000' });
  file.documents.push({ id: 'd1', name: 'Interview', text: 'We never had training.', createdAt: T0, source: null, attributes: {}, structure: [] });
  project = path.join(dir, 'study.gloss');
  await fs.writeFile(project, serializeProject(file));
  cwd = process.cwd();
  process.chdir(dir);
});

afterEach(async () => {
  vi.restoreAllMocks();
  process.chdir(cwd);
  await fs.rm(dir, { recursive: true, force: true });
});

const code = () => run('code', 'study.gloss', '--doc', 'Interview', '--code', 'Training', '--quote', 'never had training', '--coder', 'Alice');

describe('gloss and a file system that refuses', () => {
  it('says a read-only folder in plain words: writing commands are refused with the way out, reading ones still work', async () => {
    const before = await fs.readFile(project, 'utf8');
    failWrites(dir, 'EROFS');
    expect(await code()).toEqual({
      code: 1,
      out: [],
      err: [
        'gloss: study.gloss cannot be changed here: the disk is read-only. Commands that only read it (gloss info, gloss export, --dry-run) still work; to change it, copy it to a folder you can write to.',
      ],
    });
    const info = await run('info', 'study.gloss', '--json');
    expect(info.code).toBe(0);
    expect(JSON.parse(info.out[0]!)).toMatchObject({ documents: 1, codings: 0 });
    const exported = await run('export', 'study.gloss', '--excerpts', 'out.csv');
    expect(exported).toEqual({ code: 1, out: [], err: ['gloss: out.csv: could not be written: the disk is read-only. Choose another folder.'] });
    expect(await fs.readFile(project, 'utf8')).toBe(before);
  });

  it('says permission denied the same way', async () => {
    failWrites(dir, 'EACCES');
    const result = await code();
    expect(result.code).toBe(1);
    expect(result.err).toEqual([expect.stringMatching(/^gloss: study\.gloss cannot be changed here: permission denied\. Commands that only read it/)]);
  });

  it('says a full disk when the save fails, and leaves the project as it was, unlocked', async () => {
    const before = await fs.readFile(project, 'utf8');
    // The lock can be written; the project's temp file cannot.
    failWrites(dir, 'ENOSPC', (name) => name.startsWith('.study.gloss.') && !name.startsWith('.study.gloss.lock'));
    expect(await code()).toEqual({
      code: 1,
      out: [],
      err: ['gloss: study.gloss could not be saved: the disk is full; it was left as it was. Free some space and run the command again.'],
    });
    expect(await fs.readFile(project, 'utf8')).toBe(before);
    expect((await fs.readdir(dir)).sort()).toEqual(['study.gloss']);
  });

  it('says a path too long (a real one: the lock and temp names are longer than the project name)', async () => {
    const long = `${'a'.repeat(246)}.gloss`;
    await fs.copyFile(project, path.join(dir, long));
    const result = await run('code', long, '--doc', 'Interview', '--code', 'Training', '--quote', 'never had training', '--coder', 'Alice');
    expect(result).toEqual({
      code: 1,
      out: [],
      err: [`gloss: ${long} cannot be changed here: the file name or its path is too long. Move or rename it to a shorter path and run the command again.`],
    });
    expect((await run('info', long, '--json')).code).toBe(0);
  });

  it('says a new project cannot be created in a read-only folder, and where to go instead', async () => {
    failWrites(dir, 'EROFS');
    expect(await run('new', 'fresh.gloss')).toEqual({
      code: 1,
      out: [],
      err: ['gloss: fresh.gloss could not be created: the disk is read-only. Choose another folder.'],
    });
    await expect(fs.access(path.join(dir, 'fresh.gloss'))).rejects.toThrow();
  });

  it('names the file and the reason for a file-system failure no command words itself, rather than an internal error', async () => {
    vi.spyOn(infoCommand, 'run').mockRejectedValue(errnoError('EIO', path.join(dir, 'study.gloss')));
    expect(await run('info', 'study.gloss')).toEqual({ code: 1, out: [], err: ['gloss: study.gloss: the disk reported an error'] });
  });
});
