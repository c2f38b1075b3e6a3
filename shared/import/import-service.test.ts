/**
 * The importers through the service, as the app uses them: a batch of every format imports
 * as one undoable step with its structure, a coding on the imported text exports exactly
 * that text, and a file already in the project waits for the user's word.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, invokeChannel } from '../../electron/service/handlers';
import { ProjectService, type FileToImport } from '../../electron/service/project-service';
import { EXCERPTS_HEADER } from '../export/csv-excerpts';
import { makeDocx, makeEpub, makeOdt, makePdf } from './fixtures/make-documents';
import { readDocument } from './registry';
import { fixture } from './fixtures/inspect';

const coder = { id: 'c-1', name: 'Ana', color: '#1f77b4' };
let dir: string;
const open: ProjectService[] = [];

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-import-'));
});

afterEach(async () => {
  for (const s of open.splice(0)) await s.close().catch(() => {});
  await fs.rm(dir, { recursive: true, force: true });
});

async function create(): Promise<ProjectService> {
  const service = await ProjectService.create(path.join(dir, 'p.gloss'), 'Imports', { coder, saveDelayMs: 10 });
  open.push(service);
  return service;
}

/** Every format, each with a passage to code: in the PDF it spans a line break that was hyphenated. */
const FILES: { file: FileToImport; passage: string }[] = [
  { file: { name: 'interview.docx', bytes: makeDocx() }, passage: 'Data sharing' },
  {
    file: {
      name: 'report.pdf',
      bytes: makePdf([
        [
          { size: 12, x: 72, y: 700, text: 'We collected infor-' },
          { size: 12, x: 72, y: 686, text: 'mation from “partners”, too.' },
        ],
        [{ size: 12, x: 72, y: 700, text: 'Second page.' }],
      ]),
    },
    passage: 'information from “partners”, too',
  },
  { file: { name: 'page.html', bytes: fixture('page.html') }, passage: 'bold text' },
  { file: { name: 'notes.odt', bytes: makeOdt('<text:p>We visited the <text:span>clinic</text:span>, twice.</text:p>') }, passage: 'clinic, twice' },
  { file: { name: 'book.epub', bytes: makeEpub([{ id: 'c1', href: 'c1.xhtml', body: '<p>It began in spring.</p>' }]) }, passage: 'began in spring' },
  { file: { name: 'notes.rtf', bytes: fixture('notes.rtf') }, passage: 'Café naïve “quoted”' },
  { file: { name: 'interview.srt', bytes: fixture('interview.srt') }, passage: 'BEN: Data sharing took weeks.' },
  { file: { name: 'interview.vtt', bytes: fixture('interview.vtt') }, passage: 'Fine & you?' },
];

/** Parses the exported CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const text = csv.replace(/^\ufeff/, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

describe('importing documents through the service', () => {
  it('imports every format in one undoable step, with its structure, and exports codings with the same text', async () => {
    const service = await create();
    const response = await service.importFiles(FILES.map((f) => f.file));
    expect(response.failed).toEqual([]);
    expect(response.duplicates).toEqual([]);
    // Files with the same stem get names of their own, marked by their format.
    expect(response.imported.map((d) => d.name)).toEqual(['interview', 'report', 'page', 'notes', 'book', 'notes (rtf)', 'interview (srt)', 'interview (vtt)']);
    expect(service.history().undo).toBe('Import 8 documents');

    for (const [i, { file, passage }] of FILES.entries()) {
      const doc = service.current.documents.get(response.imported[i]!.id)!;
      const read = await readDocument(file.bytes, file.name);
      expect(read.ok && doc.text).toBe(read.ok && read.value.text);
      expect(doc.structure).toEqual(read.ok && read.value.structure);
      expect(doc.structure.length).toBeGreaterThan(0);
      const start = doc.text.indexOf(passage);
      expect(start, `${passage} in ${file.name}`).toBeGreaterThanOrEqual(0);
      const applied = service.run({ type: 'applyCode', documentId: doc.id, start, end: start + passage.length, newCodeName: `from ${file.name}` });
      expect(applied.ok).toBe(true);
    }

    const [header, ...rows] = parseCsv((await service.exportContent('excerpts-csv')).content);
    expect(header).toEqual([...EXCERPTS_HEADER]);
    const textColumn = EXCERPTS_HEADER.indexOf('text');
    const codeColumn = EXCERPTS_HEADER.indexOf('code');
    const exported = new Map(rows.map((r) => [r[codeColumn]!, r[textColumn]!]));
    for (const { file, passage } of FILES) expect(exported.get(`from ${file.name}`)).toBe(passage);

    // The structure is saved with the document and read back.
    await service.close();
    const reopened = await ProjectService.open(service.file, { coder });
    open.push(reopened);
    const pdf = reopened.current.documents.get(response.imported[1]!.id)!;
    expect(pdf.structure.filter((r) => r.kind === 'page').map((r) => [r.label, pdf.text.slice(r.start, r.end)])).toEqual([
      ['1', 'We collected information from “partners”, too.'],
      ['2', 'Second page.'],
    ]);
  });

  it('undoes a whole batch at once and leaves nothing of it behind', async () => {
    const service = await create();
    await service.importFiles(FILES.map((f) => f.file));
    expect(service.undo().ok).toBe(true);
    expect(service.current.documents.size).toBe(0);
  });

  it('imports the files it can read, names the others, and passes on notes', async () => {
    const service = await create();
    const response = await service.importFiles([
      { name: 'scan.pdf', bytes: makePdf([[]]) },
      { name: 'ok.vtt', bytes: fixture('interview.vtt') },
      { name: 'mixed.pdf', bytes: makePdf([[{ size: 12, x: 72, y: 700, text: 'typed' }], []]) },
      { name: 'slip.epub', bytes: makeEpub([{ id: 'c', href: 'c.xhtml', body: '<p>x</p>' }], { '../x.xhtml': 'x' }) },
    ]);
    expect(response.imported.map((d) => d.name)).toEqual(['ok', 'mixed']);
    expect(response.failed).toEqual([
      { name: 'scan.pdf', error: 'scan.pdf: it has no text layer (a scanned PDF?); run OCR first; it was not imported.' },
      { name: 'slip.epub', error: 'slip.epub: entry “../x.xhtml” points outside the archive; it was not imported.' },
    ]);
    expect(response.notes).toEqual([
      { name: 'ok.vtt', note: 'ok.vtt: its NOTE comment (line 3) was left out, as players leave it out.' },
      { name: 'mixed.pdf', note: 'mixed.pdf: page 2 has no text (scanned or blank?) and is left out.' },
    ]);
  });

  it('holds back a file whose content is already in the project, until copies are asked for', async () => {
    const service = await create();
    const docx = makeDocx();
    await service.importFiles([{ name: 'interview.docx', bytes: docx }]);
    const again = await service.importFiles([
      { name: 'renamed.docx', bytes: docx },
      { name: 'new.txt', bytes: new TextEncoder().encode('new text') },
      { name: 'new copy.txt', bytes: new TextEncoder().encode('new text') },
    ]);
    expect(again.duplicates).toEqual([
      { name: 'renamed.docx', existing: 'interview' },
      { name: 'new copy.txt', existing: 'new' },
    ]);
    expect(again.imported.map((d) => d.name)).toEqual(['new']);
    expect(service.current.documents.size).toBe(2);

    const handlers = createHandlers({ kind: 'browser', session: () => service, coder: () => coder, recent: () => [] });
    const copies = (await invokeChannel(handlers, 'documents:importCopies', [
      { name: 'renamed.docx', base64: Buffer.from(docx).toString('base64') },
    ])) as Awaited<ReturnType<ProjectService['importFiles']>>;
    expect(copies.duplicates).toEqual([]);
    expect(copies.imported.map((d) => d.name)).toEqual(['renamed']);
    const names = [...service.current.documents.values()].map((d) => d.name).sort();
    expect(names).toEqual(['interview', 'new', 'renamed']);
  });
});
