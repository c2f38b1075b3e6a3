import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv-parse';
import { readCodebookCsv } from './csv-read';
import { readCodebook } from './read';
import { codebookCsv } from '../../export/csv-codebook';
import { stateFromFile, emptyProjectFile } from '../../model/state';
import type { IncomingCode, IncomingCodebook } from './types';

function read(text: string, fileName = 'codes.csv'): IncomingCodebook {
  const result = readCodebookCsv(text, fileName);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function outline(codes: IncomingCode[], prefix = ''): string[] {
  return codes.flatMap((c) => [
    `${prefix}${c.name} ${c.color ?? '-'}${c.description ? ` “${c.description}”` : ''}`,
    ...outline(c.children, `${prefix}${c.name} > `),
  ]);
}

const HEADER = 'code,code_path,parent,description,color,codings,documents';

describe('parseCsv', () => {
  it('reads quoted delimiters, doubled quotes and line breaks inside quotes, with CRLF or LF', () => {
    const text = 'a,"b, c","say ""hi"""\r\n"two\r\nlines",,x\n"",last';
    expect(parseCsv(text)).toEqual({
      ok: true,
      value: [
        ['a', 'b, c', 'say "hi"'],
        ['two\r\nlines', '', 'x'],
        ['', 'last'],
      ],
    });
  });

  it('keeps a trailing empty field, ignores a final line break, and keeps a quote inside an unquoted field', () => {
    expect(parseCsv('a,\nb"c,d\n')).toEqual({ ok: true, value: [['a', ''], ['b"c', 'd']] });
    expect(parseCsv('')).toEqual({ ok: true, value: [] });
    expect(parseCsv('x;"y;z"', ';')).toEqual({ ok: true, value: [['x', 'y;z']] });
  });

  it('says on which line a quote is never closed or is followed by text', () => {
    expect(parseCsv('a,b\n"c,d\ne')).toEqual({ ok: false, error: 'line 2: a quoted field is never closed' });
    expect(parseCsv('a\n"mul\ntiple"x,y')).toEqual({ ok: false, error: 'line 3: text after a closing quote (a quote inside a field must be doubled)' });
  });
});

describe('readCodebookCsv', () => {
  it('builds the hierarchy from code_path whatever the row order, ignoring counts and the parent column', () => {
    const book = read(
      [
        HEADER,
        'Police,Themes > Trust > Police,Themes > Trust,"Officers, mostly",#AABBCC,4,2',
        'Themes,Themes,,"A folder\nover two lines",#112233,0,0',
        'Trust,Themes > Trust,Themes,,,1,1',
        'Other,Other,,,,0,0',
      ].join('\r\n'),
    );
    expect(outline(book.codes)).toEqual([
      'Themes #112233 “A folder\nover two lines”',
      'Themes > Trust -',
      'Themes > Trust > Police #aabbcc “Officers, mostly”',
      'Other -',
    ]);
    expect(book.codes.every((c) => c.codable && c.guid === null)).toBe(true);
    expect(book.warnings).toEqual([]);
  });

  it('keeps codes of the same name under different parents apart', () => {
    const book = read([HEADER, 'Other,A > Other,A,,,0,0', 'Other,B > Other,B,,,0,0', 'A,A,,,,0,0', 'B,B,,,,0,0'].join('\n'));
    expect(outline(book.codes)).toEqual(['A -', 'A > Other -', 'B -', 'B > Other -']);
  });

  it('creates a parent that has no row, with a warning, and reads a name holding " > "', () => {
    const book = read(['code,code_path', 'Deep,Top > Middle > Deep', 'x > y,Top > x > y', 'Top,Top'].join('\n'));
    expect(outline(book.codes)).toEqual(['Top -', 'Top > Middle -', 'Top > Middle > Deep -', 'Top > x > y -']);
    expect(book.warnings).toEqual(['“Top > Middle” has no row of its own but holds “Top > Middle > Deep”; it was read as a code without colour or description.']);
  });

  it('warns about unknown columns, short colours, bad colours, repeated and blank rows', () => {
    const book = read(
      ['\ufeffCode, Code_Path ,color,notes', 'A,A,#abc,x', 'B,B,blue,', ',,,', 'A,A,#000000,', ',C,,'].join('\n'),
    );
    expect(outline(book.codes)).toEqual(['A #aabbcc', 'B -', 'C -']);
    expect(book.warnings).toEqual([
      'The column “notes” is not a codebook column; it was ignored.',
      'Code “A” has the short colour “#abc”; read as #aabbcc.',
      'Code “B” has colour “blue”, which is not #RRGGBB or #RGB; the colour was left out.',
      'Row 5 repeats the code “A”; only its first row was read.',
      'Row 6 (“C”) has no code name; the last part of its code_path was used.',
    ]);
  });

  it('reads a semicolon-separated file as some spreadsheets save it', () => {
    const book = read('code;code_path;color\r\nA;A;#010203\r\n');
    expect(outline(book.codes)).toEqual(['A #010203']);
    expect(book.warnings).toEqual(['Fields are separated by semicolons, not commas; read that way.']);
  });

  it('refuses a missing required column, an empty file and broken quoting, naming the file', () => {
    expect(readCodebookCsv('code,description\nA,x\n', 'mine.csv')).toEqual({
      ok: false,
      error: "mine.csv: the column “code_path” is missing (a codebook CSV needs the columns code and code_path, as Gloss's codebook export writes them); nothing was imported.",
    });
    expect(readCodebookCsv('code_path\nA\n', 'mine.csv')).toMatchObject({ ok: false, error: expect.stringContaining('the column “code” is missing') });
    expect(readCodebookCsv('', 'empty.csv')).toEqual({ ok: false, error: 'empty.csv: it is empty; nothing was imported.' });
    expect(readCodebookCsv(HEADER + '\n', 'head.csv')).toEqual({ ok: false, error: 'head.csv: it holds no codes (no rows below the header); nothing was imported.' });
    expect(readCodebookCsv('code,code_path\n"A,A\n', 'q.csv')).toEqual({
      ok: false,
      error: 'q.csv: it is not valid CSV (line 2: a quoted field is never closed); nothing was imported.',
    });
  });

  it('is reached through readCodebook for a .csv, Windows-1252 bytes with a warning', () => {
    // "Café" in Windows-1252: é = E9, which is not valid UTF-8 on its own.
    const bytes = new Uint8Array([...new TextEncoder().encode('code,code_path\nCaf'), 0xe9, 0x2c, ...new TextEncoder().encode('Caf'), 0xe9, 0x0a]);
    const result = readCodebook(bytes, 'old.CSV');
    if (!result.ok) throw new Error(result.error);
    expect(outline(result.value.codes)).toEqual(['Café -']);
    expect(result.value.warnings).toEqual(['The file is not UTF-8; it was read as Windows-1252.']);
  });
});

describe('the formula guard of the codebook export', () => {
  it('reads back names, paths and descriptions that a spreadsheet would run, without the added quote mark', () => {
    const T = '2025-01-01T00:00:00.000Z';
    const code = (id: string, name: string, parentId: string | null, description: string) => ({ id, name, color: '#111111', description, parentId, codable: true, createdAt: T });
    const state = stateFromFile({
      ...emptyProjectFile('Study', T),
      codes: [code('a', '+ve', null, '=not a formula'), code('b', '-1 scale', 'a', '@mention'), code('c', "'quoted", null, '')],
    });
    const csv = codebookCsv(state);
    expect(csv).toContain("'+ve,'+ve,,'=not a formula,");
    expect(outline(read(csv).codes)).toEqual(["'quoted #111111", '+ve #111111 “=not a formula”', '+ve > -1 scale #111111 “@mention”']);
    expect(outline(read(codebookCsv(state, { raw: true })).codes)).toEqual(outline(read(csv).codes));
  });
});
