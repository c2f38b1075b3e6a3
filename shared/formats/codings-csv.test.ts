import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toCsv, UTF8_BOM } from '../export/csv';
import { readCodingsCsv, type CodingsTable } from './codings-csv';

/** Short runs in the normal suite; GLOSS_FUZZ_RUNS=20000 for a long one. */
const RUNS = Number(process.env.GLOSS_FUZZ_RUNS ?? 200);

const table = (text: string): CodingsTable => {
  const read = readCodingsCsv(text);
  if (!read.ok) throw new Error(read.error);
  return read.value;
};

describe('readCodingsCsv', () => {
  it('reads rows by quote and by offsets, with coder and memo, each with the line it starts on', () => {
    const read = table(
      '\ufeffDocument,Code,Quote,Occurrence,Start,End,Coder,Memo,text\r\n' +
        'police,Barriers > Training,"training\r\ngaps",2,,,Alice,"a memo, with a comma"\r\n' +
        "council,'-draft code,,,3,9,,,ignored\r\n" +
        '\r\n' +
        ',,,,,,,,\r\n' +
        'council,Delays,weeks,,4,9,,,\r\n',
    );
    expect(read.ignored).toEqual(['text']);
    expect(read.problems).toEqual([]);
    expect(read.rows).toEqual([
      { line: 2, document: 'police', code: 'Barriers > Training', passage: { quote: 'training\ngaps', occurrence: 2 }, coder: 'Alice', memo: 'a memo, with a comma' },
      // The export's formula guard comes off: the code is "-draft code".
      { line: 4, document: 'council', code: '-draft code', passage: { start: 3, end: 9 }, coder: null, memo: null },
      { line: 7, document: 'council', code: 'Delays', passage: { start: 4, end: 9, quote: 'weeks' }, coder: null, memo: null },
    ]);
  });

  it('refuses a file whose header cannot say what to code, in words', () => {
    expect(readCodingsCsv('')).toEqual({ ok: false, error: 'it is empty; it needs a header row such as document,code,quote' });
    expect(readCodingsCsv('document,quote\nx,y')).toMatchObject({ ok: false, error: expect.stringContaining('no “code” column') });
    expect(readCodingsCsv('document,code,start\nx,y,1')).toEqual({ ok: false, error: 'the header has “start” without “end”' });
    expect(readCodingsCsv('document,code,code,quote\n')).toEqual({ ok: false, error: 'the column “code” appears twice in the header' });
    expect(readCodingsCsv('document,code,quote\n"open')).toMatchObject({ ok: false, error: expect.stringMatching(/^it is not valid CSV \(.*line 2/) });
  });

  it('names each bad row by its line', () => {
    const read = table(
      [
        'document,code,quote,occurrence,start,end',
        'a,b,q,0,,',
        'a,b,,,1,x',
        'a,b,q,2,1,4',
        'a,,q,,,',
        'a,b,,,,',
        'a,b,q,,,,extra',
        'a,b,q,,,',
      ].join('\n'),
    );
    expect(read.problems).toEqual([
      { line: 2, message: 'occurrence must be a whole number of at least 1, not "0"' },
      { line: 3, message: 'start and end must both be whole numbers of at least 0 (got "1" and "x")' },
      { line: 4, message: 'occurrence goes with a quote, not with start and end' },
      { line: 5, message: 'the code is empty' },
      { line: 6, message: 'it gives neither a quote nor start and end' },
      { line: 7, message: 'it has 7 fields but the header has 6 (a comma in a value needs the value in double quotes)' },
    ]);
    expect(read.rows.map((r) => r.line)).toEqual([8]);
  });

  it('never throws, whatever the text', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.string({ unit: fc.constantFrom('document', 'code', 'quote', 'start', 'end', 'occurrence', ',', '"', '\r', '\n', '1', '-1', 'x', ' ', "'"), maxLength: 60 }),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const read = readCodingsCsv(text);
        if (read.ok) for (const p of read.value.problems) expect(p.line).toBeGreaterThan(1);
        else expect(read.error.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });

  it('accounts for every row: read, or a problem naming the line it starts on', () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\r', '\n', ' ', '😀', '=', "'"), maxLength: 6 }),
      fc.constantFrom('', ' ', '0', '1', '7', '-1', 'x', '12'),
    );
    const header = fc.constantFrom(
      ['document', 'code', 'quote'],
      ['document', 'code', 'quote', 'occurrence'],
      ['document', 'code', 'start', 'end'],
      ['memo', 'start', 'document', 'end', 'quote', 'code', 'coder', 'occurrence'],
    );
    // Some rows get one more field than the header, which is always a problem.
    const rows = header.chain((h) => fc.tuple(fc.constant(h), fc.array(fc.array(cell, { minLength: h.length, maxLength: h.length + 1 }), { maxLength: 10 })));
    fc.assert(
      fc.property(rows, ([h, records]) => {
        const read = table(toCsv(h, records, { raw: true }).slice(UTF8_BOM.length));
        // Where each record starts: one line after the previous one ends.
        const lines: number[] = [];
        let line = 2;
        for (const record of records) {
          lines.push(line);
          line += (record.join(',').match(/\r\n|\r|\n/g) ?? []).length + 1;
        }
        const blank = (record: string[]) => record.every((f) => f.trim() === '');
        const expected = lines.filter((_, i) => !blank(records[i]!));
        const seen = [...read.rows.map((r) => r.line), ...read.problems.map((p) => p.line)].sort((a, b) => a - b);
        expect(seen).toEqual(expected);
        records.forEach((record, i) => {
          if (blank(record)) return;
          const problem = read.problems.find((p) => p.line === lines[i]);
          // A row that cannot be read is always named, and the ones that must fail do.
          if (record.length > h.length) expect(problem?.message).toMatch(/fields but the header has/);
          else if (record[h.indexOf('document')]!.trim() === '') expect(problem?.message).toBe('the document is empty');
        });
      }),
      { numRuns: RUNS },
    );
  });
});
