import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cCoefficient, cooccurrence, cooccurrenceTable, cooccurringPassages, pairCounter } from './cooccurrence';
import { analysisProject, type ProjectSpec } from './fixtures/analysis-project';
import { arbitraryProject } from './fixtures/arbitrary-project';
import { paragraphStarts, paragraphsOf } from '../text/paragraphs';

/** Short runs in the normal suite; a long one: GLOSS_PROPERTY_RUNS=20000 npx vitest run --test-timeout=0 shared/analysis */
const runs = (short: number) => Number(process.env.GLOSS_PROPERTY_RUNS) || short;

const spec: ProjectSpec = {
  //          0         1         2         3
  //          0123456789012345678901234567890123456
  documents: { d1: 'First part here.\n\nSecond part there.', d2: 'Other words.' },
  codes: { A: null, B: 'A', C: null },
  codings: [
    ['d1', 'A', 0, 10],
    ['d1', 'B', 5, 8], // inside A's coding: one pair
    ['d1', 'B', 10, 14], // touches A's end only: no pair by characters, one in the same paragraph
    ['d1', 'C', 20, 30],
    ['d1', 'A', 25, 27], // inside C's
    ['d2', 'C', 0, 5],
    ['d2', 'C', 3, 8], // the same code: never a pair
  ],
};

const pairs = (result: ReturnType<typeof cooccurrence>) => result.pairs.map((p) => [p.codeA.codePath, p.codeB.codePath, p.count, p.cCoefficient]);

describe('co-occurrence', () => {
  it('counts pairs of codings that share a character, with the c-coefficient', () => {
    const result = cooccurrence(analysisProject(spec));
    expect(result.codes.map((c) => [c.codePath, c.codings])).toEqual([['A', 2], ['A > B', 2], ['C', 3]]);
    expect(pairs(result)).toEqual([
      ['A', 'A > B', 1, 1 / 3],
      ['A', 'C', 1, 1 / 4],
    ]);
    expect(cooccurrenceTable(result)).toEqual([
      [0, 1, 1],
      [1, 0, 0],
      [1, 0, 0],
    ]);
  });

  it('within the same paragraph, counts codings that touch a common paragraph', () => {
    const result = cooccurrence(analysisProject(spec), { within: 'paragraph' });
    // A [0,10) meets both B codings in the first paragraph; A [25,27) and C [20,30) share the second.
    expect(pairs(result)).toEqual([
      ['A', 'A > B', 2, 1],
      ['A', 'C', 1, 1 / 4],
    ]);
  });

  it('gives no c-coefficient where n12 reaches n1 + n2', () => {
    expect(cCoefficient(4, 2, 2)).toBeNull();
    expect(cCoefficient(3, 1, 3)).toBe(3);
    expect(cCoefficient(0, 1, 1)).toBe(0);
  });

  it('opens the pairs behind a cell, the first code asked for first', () => {
    const state = analysisProject(spec);
    const found = cooccurringPassages(state, 'C', 'A');
    expect(found.map((p) => [p.document.id, p.a.codeId, p.a.start, p.b.codeId, p.b.start])).toEqual([['d1', 'C', 20, 'A', 25]]);
    expect(cooccurringPassages(state, 'A', 'B', { within: 'paragraph' }).map((p) => p.b.start)).toEqual([5, 10]);
    expect(cooccurringPassages(state, 'C', 'C')).toEqual([]);
  });

  it('agrees with counting every pair of codings, is symmetric, and opens as many passages as it counts', () => {
    fc.assert(
      fc.property(arbitraryProject, fc.constantFrom('overlap' as const, 'paragraph' as const), (s, within) => {
        const state = analysisProject(s);
        const result = cooccurrence(state, { within });
        const expected = new Map<string, number>();
        const place = (doc: string, start: number, end: number) =>
          within === 'overlap' ? { start, end } : ((p) => ({ start: p.first, end: p.end }))(paragraphsOf(paragraphStarts(s.documents[doc]!), start, end));
        s.codings.forEach((x, i) =>
          s.codings.slice(i + 1).forEach((y) => {
            if (x[0] !== y[0] || x[1] === y[1]) return;
            const px = place(x[0], x[2], x[3]);
            const py = place(y[0], y[2], y[3]);
            if (px.start < py.end && py.start < px.end) {
              const key = [x[1], y[1]].sort().join();
              expected.set(key, (expected.get(key) ?? 0) + 1);
            }
          }),
        );
        expect(new Map(result.pairs.map((p) => [[p.codeA.codeId, p.codeB.codeId].sort().join(), p.count]))).toEqual(expected);
        const table = cooccurrenceTable(result);
        table.forEach((row, i) => row.forEach((cell, j) => expect(cell).toBe(table[j]![i])));
        for (const p of result.pairs) {
          expect(p.count).toBeLessThanOrEqual(p.codeA.codings * p.codeB.codings);
          expect(cooccurringPassages(state, p.codeB.codeId, p.codeA.codeId, { within })).toHaveLength(p.count);
        }
      }),
      { numRuns: runs(200) },
    );
  });

  it('counts in the same paragraph at least what it counts by shared characters', () => {
    fc.assert(
      fc.property(arbitraryProject, (s) => {
        const state = analysisProject(s);
        const near = new Map(cooccurrence(state, { within: 'paragraph' }).pairs.map((p) => [p.codeA.codeId + p.codeB.codeId, p.count]));
        for (const p of cooccurrence(state).pairs) expect(near.get(p.codeA.codeId + p.codeB.codeId)).toBeGreaterThanOrEqual(p.count);
      }),
      { numRuns: runs(100) },
    );
  });

  it('counts pairs the same in a dense table (up to 1,024 codes) and in a map (beyond)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(99)), (keys) => {
        const dense = pairCounter(10, true);
        const sparse = pairCounter(10, false);
        for (const key of keys) {
          dense.add(key);
          sparse.add(key);
        }
        expect(sparse.entries()).toEqual(dense.entries());
        expect(dense.entries().reduce((sum, [, n]) => sum + n, 0)).toBe(keys.length);
      }),
    );
  });
});
