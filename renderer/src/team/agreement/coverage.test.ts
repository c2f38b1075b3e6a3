import { describe, expect, it } from 'vitest';
import { mergeSpans, overlapTotals, passages, runsBetween, verdict } from './coverage';

describe('side-by-side coverage', () => {
  it('merges a coder’s overlapping codings so they count once', () => {
    expect(mergeSpans([{ start: 5, end: 10 }, { start: 0, end: 6 }, { start: 20, end: 25 }, { start: 10, end: 12 }])).toEqual([
      { start: 0, end: 12 },
      { start: 20, end: 25 },
    ]);
  });

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
    const list = passages([[{ start: 100, end: 110 }, { start: 300, end: 310 }], [{ start: 120, end: 130 }]], 1000, 20);
    expect(list.map((p) => [p.start, p.end])).toEqual([
      [80, 150],
      [280, 330],
    ]);
    expect(list.map(verdict)).toEqual(['partly', 'differ']);
    expect(list[1]!.spans).toEqual([[{ start: 300, end: 310 }], []]);
  });

  it('calls a passage agreed when every coded character is coded by all', () => {
    const [p] = passages([[{ start: 5, end: 9 }], [{ start: 5, end: 7 }, { start: 7, end: 9 }]], 12, 3);
    expect(verdict(p!)).toBe('agree');
    expect([p!.start, p!.end]).toEqual([2, 12]);
  });

  it('counts characters coded by all and by any', () => {
    expect(overlapTotals([[{ start: 0, end: 10 }], [{ start: 5, end: 15 }]])).toEqual({ all: 5, any: 15 });
  });
});
