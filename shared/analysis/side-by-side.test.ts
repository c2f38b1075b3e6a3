import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDocument } from '../agreement/compare-document';
import { coveragePieces, mergeSpans, spanLength, type Span } from '../agreement/intervals';
import { codingSchema, documentSchema } from '../model/schema';
import { emptyProjectFile, stateFromFile } from '../model/state';
import { overlapTotals, passages, runsBetween, sideBySide, verdict } from './side-by-side';

const merged = (perCoder: Span[][], length = 1_000) => perCoder.map((spans) => mergeSpans(spans, length));

describe('side-by-side coverage', () => {
  it('cuts the text at every coder’s boundary and marks who coded each run', () => {
    const runs = runsBetween([[{ start: 2, end: 6 }], [{ start: 4, end: 8 }]], 0, 10);
    expect(runs.map((r) => [r.start, r.end, r.coded])).toEqual([
      [0, 2, [false, false]],
      [2, 4, [true, false]],
      [4, 6, [true, true]],
      [6, 8, [false, true]],
      [8, 10, [false, false]],
    ]);
  });

  it('shows coded stretches with context, joining those whose context overlaps', () => {
    const list = passages(merged([[{ start: 100, end: 110 }, { start: 300, end: 310 }], [{ start: 120, end: 130 }]]), 1000, 20);
    expect(list.map((p) => [p.start, p.end])).toEqual([
      [80, 150],
      [280, 330],
    ]);
    expect(list.map(verdict)).toEqual(['partly', 'differ']);
    expect(list[1]!.spans).toEqual([[{ start: 300, end: 310 }], []]);
  });

  it('counts a coder’s overlapping codings once', () => {
    const [p] = passages(merged([[{ start: 5, end: 10 }, { start: 0, end: 6 }]]), 20, 0);
    expect(p!.spans).toEqual([[{ start: 0, end: 10 }]]);
  });

  it('keeps two codings that only touch apart, as the segment statistics count them, and still calls them agreed when the other coder coded the same characters', () => {
    const perCoder = merged([[{ start: 5, end: 9 }], [{ start: 5, end: 7 }, { start: 7, end: 9 }]], 12);
    const [p] = passages(perCoder, 12, 3);
    expect(verdict(p!)).toBe('agree');
    expect([p!.start, p!.end]).toEqual([2, 12]);
    expect(p!.spans[1]).toEqual([
      { start: 5, end: 7 },
      { start: 7, end: 9 },
    ]);
  });

  it('counts characters coded by all and by any', () => {
    expect(overlapTotals(merged([[{ start: 0, end: 10 }], [{ start: 5, end: 15 }]]))).toEqual({ all: 5, any: 15 });
  });

  it('reads the project: the chosen coders’ codings of the code in the document, in coder order', () => {
    const file = emptyProjectFile('Study', 'x');
    const text = 'We never had any training on the new system at all.';
    file.documents.push(documentSchema.parse({ id: 'd1', name: 'Interview', text, createdAt: 'x', source: null, attributes: {} }));
    const coding = (id: string, coderId: string, codeId: string, start: number, end: number) =>
      codingSchema.parse({ id, documentId: 'd1', codeId, coderId, start, end, quote: text.slice(start, end), prefix: '', suffix: '', createdAt: 'x' });
    file.codings.push(coding('k1', 'ana', 'c1', 3, 12), coding('k2', 'ben', 'c1', 9, 20), coding('k3', 'ana', 'c1', 12, 16), coding('k4', 'ben', 'c2', 0, 5));
    const state = stateFromFile(file);
    const view = sideBySide(state, { documentId: 'd1', codeId: 'c1', coderIds: ['ben', 'ana'] }, 5)!;
    expect(view.codings).toEqual([1, 2]);
    expect(view.totals).toEqual({ all: 16 - 9, any: 20 - 3 });
    expect(view.passages).toHaveLength(1);
    expect(view.passages[0]!.spans).toEqual([[{ start: 9, end: 20 }], [{ start: 3, end: 12 }, { start: 12, end: 16 }]]);
    // The same two touching codings are two segments to the statistics.
    const units = compareDocument(state, { documentId: 'd1', codeId: 'c1', coderIds: ['ben', 'ana'] }).units;
    expect(units.flatMap((u) => u.segments).filter((s) => s.coderId === 'ana')).toHaveLength(2);
    expect(sideBySide(state, { documentId: 'gone', codeId: 'c1', coderIds: ['ana'] }, 5)).toBeNull();
  });
});

describe('side-by-side on any codings', () => {
  const LENGTH = 200;
  const span = fc.tuple(fc.integer({ min: 0, max: LENGTH }), fc.integer({ min: 0, max: LENGTH })).map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) }));
  const coders = fc.array(fc.array(span, { maxLength: 6 }), { minLength: 1, maxLength: 4 });

  it('shows each coder exactly the characters the statistics count, and totals that agree with the statistics’ pieces', () => {
    fc.assert(
      fc.property(coders, fc.integer({ min: 0, max: 30 }), (raw, context) => {
        const perCoder = merged(raw, LENGTH);
        const list = passages(perCoder, LENGTH, context);
        perCoder.forEach((spans, i) => {
          // The passages' spans, put together, are the coder's merged spans, and so are their coded runs.
          expect(list.flatMap((p) => p.spans[i]!)).toEqual(spans);
          const coded = list.flatMap((p) => p.runs).filter((r) => r.coded[i]);
          expect(coded.reduce((n, r) => n + r.end - r.start, 0)).toBe(spanLength(spans));
        });
        // Passages are in order, apart, and within the text.
        list.forEach((p, i) => {
          expect(p.start).toBeGreaterThanOrEqual(i === 0 ? 0 : list[i - 1]!.end + 1);
          expect(p.end).toBeLessThanOrEqual(LENGTH);
        });
        const totals = overlapTotals(perCoder);
        expect(totals.any).toBe(spanLength(mergeSpans(perCoder.flat(), LENGTH)));
        let all = 0;
        for (const p of list) for (const r of p.runs) if (r.coded.every(Boolean)) all += r.end - r.start;
        expect(totals.all).toBe(all);
        const agreed = coveragePieces(perCoder).filter((piece) => piece.coders.length === perCoder.length);
        expect(totals.all).toBe(agreed.reduce((n, piece) => n + piece.end - piece.start, 0));
      }),
      { numRuns: 300 },
    );
  });
});
