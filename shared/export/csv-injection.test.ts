/**
 * CSV formula injection (issue 9, finding 4): a cell that begins with =, +, -, @, TAB or CR
 * is run by a spreadsheet. Every CSV Gloss writes prefixes such a text cell with ' unless
 * raw cells were asked for.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProjectFile } from '../model/schema';
import { stateFromFile } from '../model/state';
import { parseCsv } from '../formats/csv-parse';
import { quoteAt } from '../text/quote';
import { codebookCsv } from './csv-codebook';
import { excerptRows, excerptsCsv, excerptsCsvBytes, EXCERPTS_HEADER } from './csv-excerpts';
import { exportProject } from './fixtures/export-project';
import { FORMULA_START, safeCell, toCsv, unguardedCell, UTF8_BOM } from './csv';

/** Short runs in the normal suite; GLOSS_PROPERTY_RUNS=100000 for a long one. */
const RUNS = Number(process.env.GLOSS_PROPERTY_RUNS) || 300;

/** The records of a CSV Gloss wrote, read back by an RFC 4180 parser. */
function records(csv: string): string[][] {
  expect(csv.startsWith(UTF8_BOM)).toBe(true);
  const parsed = parseCsv(csv.slice(UTF8_BOM.length));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

const startsWithFormula = (text: string) => /^[=+\-@\t\r]/.test(text);

describe('toCsv and formula characters', () => {
  it.each(['=1+1', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x","y")'])('prefixes %j with a quote mark', (text) => {
    const [, row] = records(toCsv(['t', 'n'], [[text, 1]]));
    expect(row).toEqual([`'${text}`, '1']);
  });

  it('leaves ordinary text, inner formula characters and numbers as they are', () => {
    const csv = toCsv(['a', 'b', 'c', 'd'], [['plain', 'a=b', -1.5, ' =not first']]);
    expect(csv).toBe(`${UTF8_BOM}a,b,c,d\r\nplain,a=b,-1.5, =not first\r\n`);
  });

  it('writes cells raw when asked', () => {
    expect(toCsv(['t'], [['=1+1'], ['-x']], { raw: true })).toBe(`${UTF8_BOM}t\r\n=1+1\r\n-x\r\n`);
  });

  it('property: unguardedCell undoes safeCell, except for text that itself starts with a quote mark and a formula character', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", 'a', ' '), maxLength: 6 }), (text) => {
        const ambiguous = /^'[=+\-@\t\r]/.test(text);
        expect(unguardedCell(safeCell(text))).toBe(ambiguous ? text.slice(1) : text);
      }),
      { numRuns: RUNS },
    );
  });

  it('names exactly the six characters OWASP lists', () => {
    expect([...'=+-@\t\r'].every((c) => FORMULA_START.has(c.charCodeAt(0)))).toBe(true);
    expect(FORMULA_START.size).toBe(6);
  });

  it('property: a safe cell reads back as the text, with a quote mark exactly when it starts with a formula character', () => {
    // Text biased towards formula characters, quotes, delimiters and line breaks, plus any Unicode.
    const tricky = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', "'", ' ', 'a', '😀');
    const text = fc.oneof(fc.string({ unit: tricky, maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (cells) => {
        const header = cells.map((_, i) => `c${i}`);
        const safe = records(toCsv([...header, 'n'], [[...cells, 7]]));
        expect(safe[1]).toEqual([...cells.map((c) => (startsWithFormula(c) ? `'${c}` : c)), '7']);
        const raw = records(toCsv([...header, 'n'], [[...cells, 7]], { raw: true }));
        expect(raw[1]).toEqual([...cells, '7']);
      }),
      { numRuns: RUNS },
    );
  });
});

const T = '2025-01-01T10:00:00.000Z';
const TEXT = '-2+3 is what she wrote. Then more.';

/** Every kind of user text in the CSVs starts with a formula character. */
function hostileProject(): ProjectFile {
  const doc = { id: 'd1', name: '=HYPERLINK("http://evil","click")', text: TEXT, createdAt: T, source: null, attributes: {}, structure: [] };
  const code = (id: string, name: string, parentId: string | null, description: string) => ({ id, name, color: '#111111', description, parentId, codable: true, createdAt: T });
  return {
    format: 'gloss-project',
    version: 1,
    project: { name: '@project', description: '', createdAt: T, modifiedAt: T },
    coders: [{ id: 'k', name: '@coder', color: '#000000' }],
    documents: [doc],
    codes: [code('p', '+parent', null, '\tdescribed'), code('c', '=cmd|calc', 'p', '@SUM(1)')],
    codings: [{ id: 'x', documentId: 'd1', codeId: 'c', coderId: 'k', start: 0, end: 4, ...quoteAt(TEXT, 0, 4), createdAt: T, needsReview: false }],
    memos: [{ id: 'm', target: { kind: 'coding', id: 'x' }, title: '', text: '\rmemo', coderId: 'k', createdAt: T, modifiedAt: T }],
    cases: [],
    variables: [],
    sets: [],
  };
}

describe('the excerpts and codebook CSVs', () => {
  const state = stateFromFile(hostileProject());

  it('excerpts: no cell starts with a formula character; each reads back as the text after a quote mark', () => {
    const [header, row] = records(excerptsCsv(state));
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('document')).toBe(`'=HYPERLINK("http://evil","click")`);
    expect(cell('code')).toBe(`'=cmd|calc`);
    expect(cell('code_path')).toBe(`'+parent > =cmd|calc`);
    expect(cell('coder')).toBe(`'@coder`);
    expect(cell('text')).toBe(`'-2+3`);
    expect(cell('memo')).toBe(`'\rmemo`);
    expect([cell('start'), cell('end')]).toEqual(['0', '4']);
    for (const value of row!) expect(startsWithFormula(value)).toBe(false);
  });

  it('codebook: no cell starts with a formula character', () => {
    const [header, parent, child] = records(codebookCsv(state));
    expect(header).toEqual(['code', 'code_path', 'parent', 'description', 'color', 'codings', 'documents']);
    expect(parent).toEqual([`'+parent`, `'+parent`, '', `'\tdescribed`, '#111111', '0', '0']);
    expect(child).toEqual([`'=cmd|calc`, `'+parent > =cmd|calc`, `'+parent`, `'@SUM(1)`, '#111111', '1', '1']);
  });

  it('the excerpts CSV is exactly toCsv of the excerpt rows, safe and raw', () => {
    for (const project of [state, exportProject()]) {
      expect(excerptsCsv(project)).toBe(toCsv(EXCERPTS_HEADER, excerptRows(project)));
      expect(excerptsCsv(project, undefined, { raw: true })).toBe(toCsv(EXCERPTS_HEADER, excerptRows(project), { raw: true }));
      const some = new Set([...project.codes.keys()].slice(0, 1));
      expect(excerptsCsv(project, some)).toBe(toCsv(EXCERPTS_HEADER, excerptRows(project, some)));
      // The bytes written to files are that text in UTF-8, BOM included.
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(excerptsCsvBytes(project, undefined, { raw: true }))).toBe(excerptsCsv(project, undefined, { raw: true }));
      expect(Buffer.from(excerptsCsvBytes(project)).equals(Buffer.from(excerptsCsv(project), 'utf8'))).toBe(true);
    }
  });

  it('raw: both read back byte-exact', () => {
    const [, row] = records(excerptsCsv(state, undefined, { raw: true }));
    expect(row!.slice(0, 4)).toEqual(['=HYPERLINK("http://evil","click")', '=cmd|calc', '+parent > =cmd|calc', '@coder']);
    expect(row![6]).toBe('-2+3');
    const [, parent] = records(codebookCsv(state, { raw: true }));
    expect(parent![0]).toBe('+parent');
    expect(parent![3]).toBe('\tdescribed');
  });
});
