import { describe, expect, it } from 'vitest';
import type { GlossDocument } from '../../../shared/model/schema';
import type { Progress } from '../../../shared/ipc/contract';
import { contentHash, readBatch } from './batch-import';

const enc = (s: string) => new TextEncoder().encode(s);

function existingDocument(name: string, content: string): GlossDocument {
  return {
    id: `doc-${name}`,
    name,
    text: content,
    createdAt: '2024-01-01T00:00:00.000Z',
    source: { fileName: `${name}.txt`, type: 'text/plain', size: content.length, sha256: contentHash(enc(content)) },
    attributes: {},
  } as GlossDocument;
}

describe('readBatch', () => {
  it('reads each file through the importer registry, named after the file, with its size and sha256', async () => {
    const batch = await readBatch([{ name: 'uploads/2024/officer.txt', bytes: enc('We never had training.\r\nNone.') }], []);
    expect(batch.failed).toEqual([]);
    expect(batch.documents).toEqual([
      {
        name: 'officer',
        text: 'We never had training.\nNone.',
        source: { fileName: 'officer.txt', type: 'text/plain', size: 29, sha256: contentHash(enc('We never had training.\r\nNone.')) },
        structure: expect.any(Array),
      },
    ]);
    // sha256 of "fine", as any sha256 tool prints it.
    expect(contentHash(enc('fine'))).toBe('d14a58bae804a2b80b5b76a010239c88ffca1fc7951a90f8e9131beda1e23c1b');
  });

  it('holds back content the project has, and a repeat within the batch, naming the document it repeats', async () => {
    const batch = await readBatch(
      [
        { name: 'again.txt', bytes: enc('already here') },
        { name: 'new.txt', bytes: enc('new content') },
        { name: 'new-copy.txt', bytes: enc('new content') },
      ],
      [existingDocument('original', 'already here')],
    );
    expect(batch.documents.map((d) => d.name)).toEqual(['new']);
    expect(batch.duplicates).toEqual([
      { name: 'again.txt', existing: 'original' },
      { name: 'new-copy.txt', existing: 'new' },
    ]);
  });

  it('reads duplicates as copies when allowed', async () => {
    const batch = await readBatch(
      [
        { name: 'again.txt', bytes: enc('already here') },
        { name: 'again2.txt', bytes: enc('already here') },
      ],
      [existingDocument('original', 'already here')],
      { allowDuplicates: true },
    );
    expect(batch.documents.map((d) => d.name)).toEqual(['again', 'again2']);
    expect(batch.duplicates).toEqual([]);
  });

  it('names each file it cannot read and still reads the others', async () => {
    const batch = await readBatch(
      [
        { name: 'photo.txt', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]) },
        { name: 'good.md', bytes: enc('# fine') },
        { name: 'slides.pptx', bytes: enc('x') },
      ],
      [],
    );
    expect(batch.documents.map((d) => d.name)).toEqual(['good']);
    expect(batch.failed).toEqual([
      { name: 'photo.txt', error: 'photo.txt: it looks like a binary file, not text; it was not imported.' },
      { name: 'slides.pptx', error: expect.stringMatching(/^slides\.pptx: \.pptx is not a format Gloss can import yet .*; it was not imported\.$/) },
    ]);
  });

  it('reports progress per file, and the status line only for more than one file', async () => {
    const counts: string[] = [];
    const status: (Progress | null)[] = [];
    await readBatch([{ name: 'a.txt', bytes: enc('one') }, { name: 'b.txt', bytes: enc('one') }], [], {
      onProgress: (done, total) => counts.push(`${done}/${total}`),
      onStatus: (p) => status.push(p),
    });
    expect(counts).toEqual(['0/2', '1/2', '1/2', '2/2']);
    expect(status).toEqual([
      { task: 'Importing documents', done: 0, total: 2, current: 'a.txt' },
      { task: 'Importing documents', done: 1, total: 2, current: undefined },
      { task: 'Importing documents', done: 1, total: 2, current: 'b.txt' },
      { task: 'Importing documents', done: 2, total: 2, current: undefined },
      null,
    ]);
    const single: (Progress | null)[] = [];
    await readBatch([{ name: 'a.txt', bytes: enc('one') }], [], { onStatus: (p) => single.push(p) });
    expect(single).toEqual([]);
  });
});
