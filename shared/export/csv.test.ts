import { describe, expect, it } from 'vitest';
import type { Coding, ProjectFile } from '../model/schema';
import { stateFromFile } from '../model/state';
import { quoteAt } from '../text/quote';
import { codebookCsv, CODEBOOK_HEADER } from './csv-codebook';
import { excerptsCsv, EXCERPTS_HEADER } from './csv-excerpts';
import { toCsv, UTF8_BOM } from './csv';

describe('toCsv', () => {
  it('starts with a BOM and ends every record with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('\ufeffa,b\r\n1,x\r\n');
  });

  it('quotes commas, quotes and line breaks, and doubles quotes inside', () => {
    const csv = toCsv(['text'], [['one, two'], ['say "hi"'], ['line 1\nline 2'], ['carriage\rreturn'], ['plain']]);
    expect(csv).toBe(`${UTF8_BOM}text\r\n"one, two"\r\n"say ""hi"""\r\n"line 1\nline 2"\r\n"carriage\rreturn"\r\nplain\r\n`);
  });

  it('keeps non-ASCII text as it is (UTF-8 is the file encoding)', () => {
    expect(toCsv(['t'], [['café – naïve 😀 日本語']])).toBe(`${UTF8_BOM}t\r\ncafé – naïve 😀 日本語\r\n`);
  });

  it('writes empty strings and zero', () => {
    expect(toCsv(['a', 'b', 'c'], [['', 0, '']])).toBe(`${UTF8_BOM}a,b,c\r\n,0,\r\n`);
  });
});

const T = (s: number) => `2025-01-01T10:00:0${s}.000Z`;
const police = 'He said "no training", then left.\nWe waited – weeks.';
const council = 'Data sharing was slow.\nVery slow.';

function coding(id: string, documentId: string, text: string, codeId: string, coderId: string, start: number, end: number, at: number): Coding {
  return { id, documentId, codeId, coderId, start, end, ...quoteAt(text, start, end), createdAt: T(at), needsReview: false };
}

/** Two documents, a three-level code path, two coders, a memo with a comma and quotes. */
function project(): ProjectFile {
  const doc = (id: string, name: string, text: string) => ({ id, name, text, createdAt: T(0), source: null, attributes: {}, structure: [] });
  const code = (id: string, name: string, parentId: string | null, color: string, description = '') => ({
    id,
    name,
    color,
    description,
    parentId,
    codable: true,
    createdAt: T(0),
  });
  return {
    format: 'gloss-project',
    version: 1,
    project: { name: 'Study', description: '', createdAt: T(0), modifiedAt: T(0) },
    coders: [
      { id: 'amira', name: 'Amira Haddad', color: '#000000' },
      { id: 'ben', name: "Ben O'Neil", color: '#ffffff' },
    ],
    documents: [doc('d-police', 'Interview, police', police), doc('d-council', 'Council', council)],
    codes: [
      code('k-barriers', 'Barriers', null, '#111111'),
      code('k-sharing', 'Data sharing', 'k-barriers', '#222222', 'Delays, "waiting" for records'),
      code('k-health', 'Health', 'k-sharing', '#444444', 'line one\nline two'),
      code('k-training', 'Training gaps', null, '#333333'),
    ],
    codings: [
      coding('c-quote', 'd-police', police, 'k-training', 'amira', 8, 21, 1),
      coding('c-lines', 'd-police', police, 'k-sharing', 'ben', 23, police.length, 2),
      coding('c-council', 'd-council', council, 'k-sharing', 'amira', 0, 12, 3),
    ],
    memos: [
      {
        id: 'm1',
        target: { kind: 'coding', id: 'c-lines' },
        title: 'Note',
        text: 'first, "second"',
        coderId: 'ben',
        createdAt: T(4),
        modifiedAt: T(4),
      },
    ],
    cases: [],
    variables: [],
    sets: [],
  };
}

describe('excerptsCsv', () => {
  it('writes one row per coding with the exact header, ordered by document and position', () => {
    expect(police.slice(8, 21)).toBe('"no training"');
    const csv = excerptsCsv(stateFromFile(project()));
    expect(EXCERPTS_HEADER.join(',')).toBe('document,code,code_path,coder,start,end,text,memo,created_at');
    expect(csv).toBe(
      UTF8_BOM +
        'document,code,code_path,coder,start,end,text,memo,created_at\r\n' +
        `Council,Data sharing,Barriers > Data sharing,Amira Haddad,0,12,Data sharing,,${T(3)}\r\n` +
        `"Interview, police",Training gaps,Training gaps,Amira Haddad,8,21,"""no training""",,${T(1)}\r\n` +
        `"Interview, police",Data sharing,Barriers > Data sharing,Ben O'Neil,23,52,"then left.\nWe waited – weeks.","Note: first, ""second""",${T(2)}\r\n`,
    );
  });

  it('exports only the chosen codes', () => {
    const csv = excerptsCsv(stateFromFile(project()), new Set(['k-training']));
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(csv).toContain('Training gaps,Training gaps,Amira Haddad,8,21');
  });

  it('orders codings of the same passage by code path, as localeCompare does', () => {
    const file = project();
    const code = (id: string, name: string) => ({ id, name, color: '#000000', description: '', parentId: null, codable: true, createdAt: T(0) });
    file.codes.push(code('k-zeta', 'Zeta'), code('k-alpha', 'alpha'), code('k-beta', 'Beta'));
    for (const [i, codeId] of ['k-zeta', 'k-alpha', 'k-beta', 'k-training'].entries()) {
      file.codings.push(coding(`c-same-${i}`, 'd-council', council, codeId, 'amira', 13, 23, 5));
    }
    file.codings.push({ ...coding('c-gone', 'd-council', council, 'k-gone', 'amira', 13, 23, 5) });
    const lines = excerptsCsv(stateFromFile(file)).split('\r\n').filter((line) => line.includes(',13,23,'));
    expect(lines.map((line) => line.split(',')[2])).toEqual(['', 'alpha', 'Beta', 'Training gaps', 'Zeta']);
  });

  it('takes the text from the document at the stored offsets, not the cached quote', () => {
    const file = project();
    file.codings[0] = { ...file.codings[0]!, quote: 'stale quote' };
    expect(excerptsCsv(stateFromFile(file))).toContain(',8,21,"""no training""",');
  });
});

describe('codebookCsv', () => {
  it('writes the codes in tree order with paths, parents and counts', () => {
    expect(CODEBOOK_HEADER.join(',')).toBe('code,code_path,parent,description,color,codings,documents');
    expect(codebookCsv(stateFromFile(project()))).toBe(
      UTF8_BOM +
        'code,code_path,parent,description,color,codings,documents\r\n' +
        'Barriers,Barriers,,,#111111,0,0\r\n' +
        'Data sharing,Barriers > Data sharing,Barriers,"Delays, ""waiting"" for records",#222222,2,2\r\n' +
        'Health,Barriers > Data sharing > Health,Barriers > Data sharing,"line one\nline two",#444444,0,0\r\n' +
        'Training gaps,Training gaps,,,#333333,1,1\r\n',
    );
  });
});
