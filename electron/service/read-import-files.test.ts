import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SNIFF_BYTES } from '../../shared/import/limits';
import { readFileChecked, readFilesToImport } from './read-import-files';

let dir: string;
const at = (name: string) => path.join(dir, name);

/** Counts the bytes every FileHandle reads, to show what was (not) read. */
async function countReads(): Promise<{ bytes: number }> {
  const counter = { bytes: 0 };
  const probe = await fs.open(at('probe'), 'w');
  const proto = Object.getPrototypeOf(probe) as { read: (...args: unknown[]) => Promise<{ bytesRead: number }> };
  await probe.close();
  const original = proto.read;
  vi.spyOn(proto, 'read').mockImplementation(async function (this: unknown, ...args: unknown[]) {
    const result = await original.apply(this, args);
    counter.bytes += result.bytesRead;
    return result;
  });
  const readFile = fs.readFile;
  vi.spyOn(fs, 'readFile').mockImplementation(async (...args: Parameters<typeof fs.readFile>) => {
    const content = await readFile(...args);
    counter.bytes += content.length;
    return content;
  });
  return counter;
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-read-import-'));
  // Sparse files: they take no disk space, but reading them would mean reading every byte.
  await fs.writeFile(at('corpus.txt'), '');
  await fs.truncate(at('corpus.txt'), 1024 ** 3);
  await fs.writeFile(at('scan.pdf'), '%PDF-1.7\n');
  await fs.truncate(at('scan.pdf'), 300 * 1024 * 1024);
  const binary = new Uint8Array(SNIFF_BYTES * 16).fill(0x61);
  binary.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);
  await fs.writeFile(at('photo.txt'), binary);
  await fs.writeFile(at('notes.txt'), 'We met at the depot.\n');
  await fs.writeFile(at('song.mp3'), 'ID3');
  await fs.mkdir(at('folder.txt'));
});

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('reading files to import by path', () => {
  it('refuses a 1 GB text file from its size, reading none of it', async () => {
    const reads = await countReads();
    const { files, unreadable } = await readFilesToImport([at('corpus.txt'), at('scan.pdf')]);
    expect(files).toEqual([]);
    expect(unreadable).toEqual([
      'corpus.txt: it is 1 GB, more text than one Gloss document can hold (20 MB of text); split it into smaller files; it was not imported.',
      'scan.pdf: it is 300 MB, larger than the 256 MB Gloss reads as one document; save its text alone (e.g. as .txt, or a copy without pictures) and import that; it was not imported.',
    ]);
    expect(reads.bytes).toBe(0);
  });

  it('refuses a binary file from its first bytes, reading no more of it', async () => {
    const reads = await countReads();
    const { files, unreadable } = await readFilesToImport([at('photo.txt')]);
    expect(files).toEqual([]);
    expect(unreadable).toEqual(['photo.txt: it looks like a binary file, not text; it was not imported.']);
    expect(reads.bytes).toBe(SNIFF_BYTES);
  });

  it('refuses a format Gloss does not read without opening it, and says a folder is one', async () => {
    const reads = await countReads();
    const { unreadable } = await readFilesToImport([at('song.mp3'), at('folder.txt'), at('missing.txt')]);
    expect(unreadable[0]).toMatch(/^song\.mp3: \.mp3 is not a format Gloss can import yet .*; it was not imported\.$/);
    expect(unreadable.slice(1)).toEqual([
      'folder.txt: it is a folder, not a file; it was not imported.',
      'missing.txt: the file does not exist; it was not imported.',
    ]);
    expect(reads.bytes).toBe(0);
  });

  it('reads an ordinary file whole', async () => {
    const { files, unreadable } = await readFilesToImport([at('notes.txt')]);
    expect(unreadable).toEqual([]);
    expect(files.map((f) => [f.name, new TextDecoder().decode(f.bytes)])).toEqual([['notes.txt', 'We met at the depot.\n']]);
  });

  it('refuses a device or a pipe, which could be read forever', async () => {
    await expect(readFileChecked('/dev/zero', () => null)).rejects.toThrow('it is not a regular file (a device, a pipe or a socket)');
    expect((await readFilesToImport(['/dev/zero'])).unreadable).toEqual(['zero: it is not a regular file (a device, a pipe or a socket); it was not imported.']);
  });
});
