/**
 * How the import commands read files: `gloss import`, `import-qdpx` and `import-codebook`
 * refuse oversized files from their size, before reading them, and `gloss import` prints
 * what the import report says about the files it imported.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGloss } from './run-gloss';

let dir: string;
const at = (name: string) => path.join(dir, name);

/** A sparse file: it takes no disk space, but reading it whole would read every byte. */
async function sparse(name: string, size: number, start = ''): Promise<void> {
  await fs.writeFile(at(name), start);
  await fs.truncate(at(name), size);
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-bounded-'));
  await sparse('corpus.txt', 1024 ** 3);
  await sparse('archive.qdpx', 1.5 * 1024 ** 3, 'PK\u0003\u0004');
  await sparse('codes.qdc', 100 * 1024 * 1024, '<?xml version="1.0"?>');
  await fs.writeFile(at('notes.txt'), 'We met at the depot.');
  await fs.copyFile(new URL('../../shared/import/fixtures/damaged-page-tree.pdf', import.meta.url), at('damaged.pdf'));
  await fs.writeFile(at('depot.txt'), 'The depot was closed.');
  await fs.writeFile(at('talk.vtt'), 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello.\n\n00:00:99999.000 --> 00:00:03.000\nThe lost line.\n');
  expect((await runGloss(dir, ['new', 'study.gloss'])).code).toBe(0);
}, 60_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('oversized imports', () => {
  it('gloss import refuses a 1 GB text file by its size and imports the others', async () => {
    const run = await runGloss(dir, ['import', 'study.gloss', 'corpus.txt', 'notes.txt']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^[0-9a-f-]{36}\tnotes\n$/);
    expect(run.stderr).toBe(
      'gloss: corpus.txt: it is 1 GB, more text than one Gloss document can hold (20 MB of text); split it into smaller files; it was not imported.\n',
    );
  });

  it('gloss import-qdpx refuses a 1.5 GB archive and creates nothing', async () => {
    const run = await runGloss(dir, ['import-qdpx', 'archive.qdpx', 'new.gloss']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/^gloss: archive\.qdpx: it is 1\.5 GB, more than the 1 GB Gloss reads; .*; nothing was imported\.\n$/);
    await expect(fs.stat(at('new.gloss'))).rejects.toThrow();
  });

  it('gloss import-codebook refuses a 100 MB codebook and changes nothing', async () => {
    const before = await fs.readFile(at('study.gloss'));
    const run = await runGloss(dir, ['import-codebook', 'study.gloss', 'codes.qdc']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toBe(
      'gloss: codes.qdc: it is 100 MB, far more than a codebook holds (Gloss reads codebooks up to 64 MB); is it the right file? Nothing was imported.\n',
    );
    expect(await fs.readFile(at('study.gloss'))).toEqual(before);
  });

  it('gloss import prints the import report’s notes on stderr, and still succeeds', async () => {
    const run = await runGloss(dir, ['import', 'study.gloss', 'talk.vtt']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^[0-9a-f-]{36}\ttalk\n$/);
    expect(run.stderr).toBe(
      'gloss: talk.vtt: the cue at line 6 has a timing Gloss cannot read (“00:00:99999.000 --> 00:00:03.000”); its text was kept without a timestamp.\n',
    );
  });

  it('gloss import survives a damaged PDF that makes pdf.js reject in the background, and imports the rest (found by the fuzzer)', async () => {
    const run = await runGloss(dir, ['import', 'study.gloss', 'damaged.pdf', 'depot.txt']);
    expect(run.stderr).not.toContain('UnhandledPromiseRejection');
    expect(run.stdout).toMatch(/^[0-9a-f-]{36}\tdepot\n$/);
    expect(run.stderr).toContain('gloss: damaged.pdf: it has no text layer (a scanned PDF?); run OCR first; it was not imported.\n');
    expect(run.code).toBe(1);
  });
});
