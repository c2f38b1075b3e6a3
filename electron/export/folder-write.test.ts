/** Writing the Markdown notes all or nothing: failures injected into the file system calls. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FolderFileExistsError, FolderWriteError, nodeFolderFs, writeFolderAtomically, type FolderFile, type FolderFs } from './folder-write';

let parent: string;

beforeEach(async () => {
  parent = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-folder-write-'));
});

afterEach(async () => {
  await fs.rm(parent, { recursive: true, force: true });
});

const NOTES: FolderFile[] = [
  { path: 'index.md', content: '# Index\n' },
  { path: 'Barriers.md', content: 'barriers\n' },
  { path: 'Training gaps.md', content: 'training\n' },
  { path: 'sub/Deep.md', content: new TextEncoder().encode('deep\n') },
];

/** Every file under `dir` with its text, and every folder (ending in "/"). */
async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const key = path.relative(dir, full).split(path.sep).join('/');
    out[entry.isDirectory() ? `${key}/` : key] = entry.isDirectory() ? '' : await fs.readFile(full, 'utf8');
  }
  return out;
}

const diskFull = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

/** The real calls, except that the `n`th writeFile (1-based) fails as on a full disk. */
function failingWrite(n: number): FolderFs {
  let count = 0;
  return { ...nodeFolderFs, writeFile: async (file, content) => (++count === n ? Promise.reject(diskFull()) : nodeFolderFs.writeFile(file, content)) };
}

/** The real calls, except that renames from `fromCall` on (1-based) fail, the undoing ones too if `always`. */
function failingRename(fromCall: number, always = false): FolderFs {
  let count = 0;
  return {
    ...nodeFolderFs,
    rename: async (from, to) => {
      count++;
      if (count === fromCall || (always && count > fromCall)) throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
      return nodeFolderFs.rename(from, to);
    },
  };
}

describe('writeFolderAtomically', () => {
  it('creates the folder with every file and leaves nothing else beside it', async () => {
    const dir = path.join(parent, 'notes');
    await writeFolderAtomically(dir, NOTES);
    expect(await tree(dir)).toEqual({ 'index.md': '# Index\n', 'Barriers.md': 'barriers\n', 'Training gaps.md': 'training\n', 'sub/': '', 'sub/Deep.md': 'deep\n' });
    expect(await fs.readdir(parent)).toEqual(['notes']);
  });

  it('a full disk half-way leaves no folder at all, and no staging folder', async () => {
    const dir = path.join(parent, 'notes');
    const error = await writeFolderAtomically(dir, NOTES, { fs: failingWrite(3) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FolderWriteError);
    expect((error as FolderWriteError).file).toBe('Training gaps.md');
    expect(((error as FolderWriteError).cause as NodeJS.ErrnoException).code).toBe('ENOSPC');
    expect(await fs.readdir(parent)).toEqual([]);
  });

  it('a full disk while writing into an existing folder leaves it exactly as it was', async () => {
    const dir = path.join(parent, 'vault');
    await fs.mkdir(dir);
    await fs.writeFile(path.join(dir, 'Barriers.md'), 'my own note');
    await fs.writeFile(path.join(dir, 'unrelated.md'), 'keep me');
    const before = await tree(dir);
    await expect(writeFolderAtomically(dir, NOTES, { replace: true, fs: failingWrite(4) })).rejects.toThrow(FolderWriteError);
    expect(await tree(dir)).toEqual(before);
    expect(await fs.readdir(parent)).toEqual(['vault']);
  });

  it('into an existing folder: adds the files, replaces same-named ones only with replace, keeps the rest', async () => {
    const dir = path.join(parent, 'vault');
    await fs.mkdir(dir);
    await fs.writeFile(path.join(dir, 'Barriers.md'), 'my own note');
    await fs.writeFile(path.join(dir, 'unrelated.md'), 'keep me');
    const before = await tree(dir);
    const refused = await writeFolderAtomically(dir, NOTES).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FolderFileExistsError);
    expect((refused as FolderFileExistsError).file).toBe('Barriers.md');
    expect(await tree(dir)).toEqual(before);

    await writeFolderAtomically(dir, NOTES, { replace: true });
    expect(await tree(dir)).toEqual({ ...before, 'index.md': '# Index\n', 'Barriers.md': 'barriers\n', 'Training gaps.md': 'training\n', 'sub/': '', 'sub/Deep.md': 'deep\n' });
    expect(await fs.readdir(parent)).toEqual(['vault']);
  });

  it('a rename failing half-way takes the new files out again and puts replaced ones back', async () => {
    const dir = path.join(parent, 'vault');
    await fs.mkdir(dir);
    await fs.writeFile(path.join(dir, 'Barriers.md'), 'my own note');
    await fs.writeFile(path.join(dir, 'unrelated.md'), 'keep me');
    const before = await tree(dir);
    // Renames: index.md in (1), Barriers.md aside (2) and in (3), Training gaps.md in (4) fails.
    const error = await writeFolderAtomically(dir, NOTES, { replace: true, fs: failingRename(4) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FolderWriteError);
    expect((error as FolderWriteError).leftIn).toBeNull();
    expect(await tree(dir)).toEqual(before);
    expect(await fs.readdir(parent)).toEqual(['vault']);
  });

  it('when putting back fails too, keeps the staging folder and says where it is', async () => {
    const dir = path.join(parent, 'vault');
    await fs.mkdir(dir);
    await fs.writeFile(path.join(dir, 'Barriers.md'), 'my own note');
    const error = (await writeFolderAtomically(dir, NOTES, { replace: true, fs: failingRename(3, true) }).catch((e: unknown) => e)) as FolderWriteError;
    expect(error).toBeInstanceOf(FolderWriteError);
    expect(error.leftIn).not.toBeNull();
    // The replaced note was moved aside and could not come back: it is still there, not lost.
    expect(await fs.readFile(path.join(error.leftIn!, 'replaced', 'Barriers.md'), 'utf8')).toBe('my own note');
  });
});
