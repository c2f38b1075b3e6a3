import { describe, expect, it } from 'vitest';
import { refusal } from './fixtures/inspect';
import { MAX_DOCUMENT_BYTES, MAX_TEXT_FILE_BYTES, MAX_TEXT_LENGTH, SNIFF_BYTES } from './limits';
import { IMPORTERS, SUPPORTED_EXTENSIONS, importerFor, refusalBeforeReading, refusalForThrow } from './registry';

describe('importer registry', () => {
  it('chooses an importer by extension, case-insensitively', () => {
    expect(SUPPORTED_EXTENSIONS).toEqual(
      expect.arrayContaining(['.txt', '.md', '.docx', '.pdf', '.html', '.htm', '.xhtml', '.odt', '.epub', '.rtf', '.srt', '.vtt']),
    );
    expect(importerFor('Report.PDF')?.extensions).toContain('.pdf');
    expect(importerFor('folder.v2/notes')).toBeUndefined();
  });

  it('names on each line the extensions, label, size limit and first-bytes check its module declares', async () => {
    for (const entry of IMPORTERS) {
      const module = await entry.load();
      const line = { extensions: entry.extensions, label: entry.label, maxBytes: entry.maxBytes, sniff: entry.sniff };
      expect(line).toEqual({ extensions: module.extensions, label: module.label, maxBytes: module.maxBytes, sniff: module.sniff });
      expect(await entry.load()).toBe(module); // loaded once
    }
  });

  it('reads through the module it loads', async () => {
    const read = await importerFor('notes.md')!.read(new TextEncoder().encode('# Notes\r\nline'), 'notes.md');
    expect(read).toEqual({ ok: true, value: expect.objectContaining({ text: '# Notes\nline' }) });
  });

  it('refuses a document of over 20 MB of text with a clear message', async () => {
    const bytes = new Uint8Array(MAX_TEXT_LENGTH + 1).fill(0x61);
    expect(await refusal(bytes, 'corpus.txt')).toBe(
      'it holds over 20 MB of text, more than one Gloss document can hold; split it into smaller files',
    );
  });

  it('refuses files with no text at all', async () => {
    expect(await refusal(new TextEncoder().encode(' \n\t\n'), 'blank.txt')).toBe('it holds no text');
    expect(await refusal(new TextEncoder().encode('{\\rtf1 {\\info{\\title only metadata}}}'), 'blank.rtf')).toBe('it holds no text');
  });

  it('refuses by size alone, before reading: text files past what a document holds, other documents past 256 MB', () => {
    const none = new Uint8Array(0);
    expect(refusalBeforeReading('corpus.txt', 1024 ** 3, none)).toBe(
      'it is 1 GB, more text than one Gloss document can hold (20 MB of text); split it into smaller files',
    );
    expect(refusalBeforeReading('film.srt', MAX_TEXT_FILE_BYTES + 1, none)).toMatch(/^it is 80 MB, more text than one Gloss document can hold/);
    expect(refusalBeforeReading('scan.pdf', 300 * 1024 * 1024, none)).toBe(
      'it is 300 MB, larger than the 256 MB Gloss reads as one document; save its text alone (e.g. as .txt, or a copy without pictures) and import that',
    );
    expect(refusalBeforeReading('big.docx', MAX_DOCUMENT_BYTES + 1, none)).toMatch(/^it is 256 MB, larger than the 256 MB/);
    expect(refusalBeforeReading('song.mp3', 5, none)).toMatch(/^\.mp3 is not a format Gloss can import yet/);
    expect(refusalBeforeReading('empty.docx', 0, none)).toBe('the file is empty');
  });

  it('refuses by the first bytes alone: binary named as text, a non-ZIP named as a ZIP format, RTF without its header', () => {
    const head = (...bytes: number[]) => Uint8Array.from(bytes);
    const png = head(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d);
    expect(refusalBeforeReading('photo.txt', 70 * 1024 * 1024, png)).toBe('it looks like a binary file, not text');
    expect(refusalBeforeReading('photo.vtt', 10_000, png)).toBe('it looks like a binary file, not text');
    expect(refusalBeforeReading('photo.html', 10_000, png)).toBe('it looks like a binary file, not text');
    expect(refusalBeforeReading('photo.docx', 10_000, png)).toBe('it is not a valid DOCX file (its ZIP container is damaged or it is another kind of file)');
    expect(refusalBeforeReading('photo.epub', 10_000, png)).toBe('it is not a valid EPUB file (its ZIP container is damaged or it is another kind of file)');
    expect(refusalBeforeReading('photo.rtf', 10_000, png)).toBe('it is not an RTF file (it does not start with {\\rtf)');
    // UTF-16 text is full of zero bytes; its BOM says it is text.
    expect(refusalBeforeReading('notes.txt', 10, Uint8Array.from([0xff, 0xfe, 0x61, 0, 0x62, 0]))).toBeNull();
    expect(refusalBeforeReading('notes.docx', 10_000, new TextEncoder().encode('PK\u0003\u0004'))).toBeNull();
  });

  it('reading bytes refuses what the first bytes show, the same as reading by path', async () => {
    // Text after the first 64 KB does not rescue a file whose start is binary.
    const bytes = new Uint8Array(SNIFF_BYTES * 4).fill(0x61);
    bytes[10] = 0;
    expect(await refusal(bytes, 'mixed.txt')).toBe('it looks like a binary file, not text');
  });

  it('does not pass on a library’s own failure as the reason a file is refused (found by the fuzzer)', () => {
    expect(refusalForThrow('scan.pdf', new TypeError("Cannot read properties of null (reading 'tagName')"))).toBe(
      'it could not be read as a PDF file (it is damaged in a way Gloss cannot make sense of)',
    );
    expect(refusalForThrow('scan.pdf', new Error('Invalid XRef stream header'))).toBe('it could not be read as a PDF file (Invalid XRef stream header)');
    // pdf.js passes its own stack overflow on as an UnknownErrorException.
    const overflow = Object.assign(new Error('Maximum call stack size exceeded'), { name: 'UnknownErrorException' });
    expect(refusalForThrow('scan.pdf', overflow)).toBe('it could not be read as a PDF file (it is damaged in a way Gloss cannot make sense of)');
  });
});
