import { describe, expect, it } from 'vitest';
import { refusal } from './fixtures/inspect';
import { MAX_DOCUMENT_BYTES, MAX_TEXT_FILE_BYTES, MAX_TEXT_LENGTH, SNIFF_BYTES } from './limits';
import { IMPORT_FORMATS_TEXT, IMPORTERS, SUPPORTED_EXTENSIONS, importerFor, refusalBeforeReading, refusalForThrow, type RegisteredImporter } from './registry';
import { FILE_CHOOSERS } from '../app/file-choosers';
import { IMPORT_TARGETS } from './fuzz/targets';
import { extensionOf } from './file-names';

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

/** What is wrong with the importer registry's lines, one message per problem. */
function importerLineProblems(lines: readonly RegisteredImporter[]): string[] {
  const problems: string[] = [];
  for (const line of lines) {
    const name = line.label.trim() || `(no label: ${line.extensions.join(' ')})`;
    if (line.extensions.length === 0) problems.push(`${name}: no extension`);
    for (const ext of line.extensions) if (!/^\.[a-z0-9]+$/.test(ext)) problems.push(`${name}: extension ${JSON.stringify(ext)} is not a lower-case ".ext"`);
    if (line.named.length === 0 || line.named.some((ext) => !line.extensions.includes(ext))) problems.push(`${name}: the extensions it names are not among its own`);
    if (!(Number.isSafeInteger(line.maxBytes) && line.maxBytes > 0)) problems.push(`${name}: no size limit`);
    if (typeof line.load !== 'function') problems.push(`${name}: no module to load`);
  }
  const all = lines.flatMap((l) => l.extensions);
  const twice = all.filter((ext, i) => all.indexOf(ext) !== i);
  if (twice.length > 0) problems.push(`extension read by two importers: ${twice.join(', ')}`);
  const labels = lines.map((l) => l.label);
  if (new Set(labels).size < labels.length) problems.push('two importers with one label');
  return problems;
}

describe('importer registry lines', () => {
  it('has no incomplete line', () => {
    expect(importerLineProblems(IMPORTERS)).toEqual([]);
  });

  it('finds an incomplete line (the check above can fail)', () => {
    const good = IMPORTERS[0]!;
    const broken: RegisteredImporter[] = [good, { ...good, label: ' ', extensions: ['TXT', '.md'], named: ['.doc'], maxBytes: 0 }];
    expect(importerLineProblems(broken)).toEqual([
      '(no label: TXT .md): extension "TXT" is not a lower-case ".ext"',
      '(no label: TXT .md): the extensions it names are not among its own',
      '(no label: TXT .md): no size limit',
      'extension read by two importers: .md',
    ]);
  });

  it('is fuzzed line by line: each importer reads one of the fuzzer’s targets', () => {
    const fuzzed = IMPORT_TARGETS.map((target) => extensionOf(target.fileName));
    for (const line of IMPORTERS) expect(line.extensions.some((ext) => fuzzed.includes(ext)), line.label).toBe(true);
  });

  it('is where the file choosers and hints take their extensions from', () => {
    expect(FILE_CHOOSERS.documents.extensions).toEqual(SUPPORTED_EXTENSIONS);
    expect(IMPORT_FORMATS_TEXT).toBe('.txt, .md, .docx, .pdf, .html, .odt, .epub, .rtf, .srt, .vtt');
    for (const line of IMPORTERS) for (const ext of line.named) expect(IMPORT_FORMATS_TEXT.split(', ')).toContain(ext);
  });
});
