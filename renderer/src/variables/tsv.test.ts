/** Reading a block pasted from a spreadsheet. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatTsv, parseTsv } from './tsv';

const RUNS = Number(process.env.GLOSS_PROPERTY_RUNS ?? 200);

describe('parseTsv', () => {
  it('reads rows and cells as Excel copies them, with a final line break', () => {
    expect(parseTsv('North\t41\r\nSouth\t\r\n')).toEqual([['North', '41'], ['South', '']]);
  });

  it('reads a lone value as one cell, and nothing as no rows', () => {
    expect(parseTsv('North')).toEqual([['North']]);
    expect(parseTsv('')).toEqual([]);
  });

  it('reads quoted cells holding tabs, line breaks and quotes', () => {
    expect(parseTsv('"two\nlines"\t"say ""hi"""\t"a\tb"\n')).toEqual([['two\nlines', 'say "hi"', 'a\tb']]);
  });

  it('keeps a value that only starts with a quote as it stands', () => {
    expect(parseTsv('"Quoted" title\tx\n')).toEqual([['"Quoted" title', 'x']]);
  });

  it('gives back any block a spreadsheet copies (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '"', '\t', '\n', '\r\n', 'é', '😀') });
    const block = fc.integer({ min: 1, max: 4 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 5 }));
    fc.assert(
      fc.property(block, (rows) => {
        // A row of one empty cell copies as an empty line, which reads back as one empty cell too.
        expect(parseTsv(formatTsv(rows))).toEqual(rows);
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws and keeps every character outside quotes and separators (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '"', '\t', '\n', '\r', 'x') }), (text) => {
        const rows = parseTsv(text);
        const kept = rows.flat().join('').replace(/["\t\r\n]/g, '');
        expect(kept).toBe(text.replace(/["\t\r\n]/g, ''));
      }),
      { numRuns: RUNS },
    );
  });
});
