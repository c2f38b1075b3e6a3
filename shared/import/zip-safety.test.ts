import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeZip } from './fixtures/make-documents';
import { readZip, resolveEntryPath, unsafeEntryName } from './zip-safety';

/** Rewrites the uncompressed size the central directory declares for every entry. */
function claimSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('ZIP safety', () => {
  it('inflates a well-formed archive', () => {
    const entries = readZip(makeZip({ 'a.xml': '<a/>', 'dir/b.txt': 'bee' }), 'test');
    expect(entries.ok && new TextDecoder().decode(entries.value['dir/b.txt'])).toBe('bee');
  });

  it('refuses absolute names and names that climb out', () => {
    expect(unsafeEntryName('/etc/passwd')).toBe('entry “/etc/passwd” has an absolute path');
    expect(unsafeEntryName('C:\\Windows\\x.dll')).toBe('entry “C:\\Windows\\x.dll” has an absolute path');
    expect(unsafeEntryName('word/../../x')).toBe('entry “word/../../x” points outside the archive');
    expect(unsafeEntryName('word\\..\\x')).toBe('entry “word\\..\\x” points outside the archive');
    expect(unsafeEntryName('word/document.xml')).toBeNull();
    expect(unsafeEntryName('my..file.xml')).toBeNull();
    expect(readZip(makeZip({ '/abs.xml': '<a/>' }), 'test')).toEqual({ ok: false, error: 'entry “/abs.xml” has an absolute path' });
  });

  it('refuses a large entry compressed more than 100:1, before inflating it', () => {
    const bomb = makeZip({ 'content.xml': new Uint8Array(4 * 1024 * 1024) }); // 4 MB of zeros deflate to a few KB
    expect(readZip(bomb, 'test')).toEqual({
      ok: false,
      error: 'entry “content.xml” is compressed more than 100:1, which real documents never are (a ZIP bomb?)',
    });
  });

  it('refuses an archive whose entries claim more than 200 MB in all', () => {
    // Stored (not deflated) 2 MB entries claiming 150 MB each stay under 100:1; only the total is too much.
    const stored = (): [Uint8Array, { level: 0 }] => [new Uint8Array(2 * 1024 * 1024), { level: 0 }];
    const zip = claimSize(zipSync({ 'a.bin': stored(), 'b.bin': stored() }), 150 * 1024 * 1024);
    expect(readZip(zip, 'test')).toEqual({
      ok: false,
      error: 'its content would take over 200 MB uncompressed, far more than a document holds (a ZIP bomb?)',
    });
  });

  it('refuses many entries each just under the per-entry floor that inflate far past what the archive weighs', () => {
    // 190 entries of (1 MiB − 1) zeros: each one is too small for the per-entry ratio check,
    // together they are 190 MB from a few hundred KB. Only the directory is read to say so.
    const entries: Record<string, Uint8Array> = {};
    for (let i = 0; i < 190; i++) entries[`word/part${i}.xml`] = new Uint8Array(8);
    const zip = claimSize(makeZip(entries), 1024 * 1024 - 1);
    const read = readZip(zip, 'DOCX');
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error).toMatch(/^its 190 entries would inflate to 190 MB from \d+ (?:KB|bytes), \d+ times what the archive holds; real documents never compress that well \(a ZIP bomb\?\)$/);
  });

  it('refuses the same bomb built honestly, with real zeros', () => {
    const entries: Record<string, Uint8Array> = {};
    for (let i = 0; i < 20; i++) entries[`p${i}.xml`] = new Uint8Array(1024 * 1024 - 1);
    const read = readZip(makeZip(entries), 'DOCX');
    expect(!read.ok && read.error).toMatch(/^its 20 entries would inflate to 20 MB from \d+ KB/);
  });

  it('lets a small archive compress as well as it likes', () => {
    // 100 KB of spaces is 1000:1, but under the 1 MiB floor nothing needs checking.
    const read = readZip(makeZip({ 'a.xml': new Uint8Array(100 * 1024).fill(32) }), 'test');
    expect(read.ok && read.value['a.xml']!.length).toBe(100 * 1024);
  });

  it('cuts an entry that lies about its size short instead of inflating it all', () => {
    const zip = claimSize(makeZip({ 'a.txt': 'abcdefghij' }), 4);
    const entries = readZip(zip, 'test');
    expect(entries.ok && entries.value['a.txt']!.length).toBe(4);
  });

  it('refuses bytes that are not a ZIP', () => {
    expect(readZip(new TextEncoder().encode('not a zip'), 'EPUB')).toEqual({
      ok: false,
      error: 'it is not a valid EPUB file (its ZIP container is damaged or it is another kind of file)',
    });
  });

  it('resolves manifest links inside the archive only', () => {
    expect(resolveEntryPath('OEBPS', 'text/ch%201.xhtml#top')).toBe('OEBPS/text/ch 1.xhtml');
    expect(resolveEntryPath('OEBPS/text', '../images/a.png')).toBe('OEBPS/images/a.png');
    expect(resolveEntryPath('OEBPS', '../../x')).toBeNull();
    expect(resolveEntryPath('', '/etc/passwd')).toBeNull();
    expect(resolveEntryPath('OEBPS', 'https://example.org/x.xhtml')).toBeNull();
  });
});
