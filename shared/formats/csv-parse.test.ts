import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toCsv, UTF8_BOM } from '../export/csv';
import { parseCsvRecords } from './csv-parse';

describe('parseCsvRecords', () => {
  it('gives the line each record starts on, counting line breaks inside quotes', () => {
    const parsed = parseCsvRecords('a,b\r\n"two\r\nlines",x\n"three\nmore\nlines",y\nlast,z');
    expect(parsed.ok && parsed.value).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['two\r\nlines', 'x'], line: 2 },
      { fields: ['three\nmore\nlines', 'y'], line: 4 },
      { fields: ['last', 'z'], line: 7 },
    ]);
  });

  it('reads back exactly what Gloss’s CSV writer wrote, whatever the fields hold', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\r', '\n', ' ', '😀', ';') });
    // A record of one empty field is written as an empty line, which no CSV reader can tell from none.
    const row = fc.array(text, { minLength: 2, maxLength: 4 });
    fc.assert(
      fc.property(row, fc.array(row, { maxLength: 8 }), (header, rows) => {
        // raw: the formula guard's ' is the writer's business; this reads back what was written.
        const csv = toCsv(header, rows, { raw: true }).slice(UTF8_BOM.length);
        const parsed = parseCsvRecords(csv);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(parsed.value.map((r) => r.fields)).toEqual([header, ...rows]);
        // Each record starts one line after the previous one ends.
        let line = 1;
        parsed.value.forEach((record, i) => {
          expect(record.line).toBe(line);
          const written = [header, ...rows][i]!.join(',');
          line += (written.match(/\r\n|\r|\n/g) ?? []).length + 1;
        });
      }),
      { numRuns: Number(process.env.GLOSS_FUZZ_RUNS ?? 200) },
    );
  });
});
