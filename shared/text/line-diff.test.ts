import { describe, expect, it } from 'vitest';
import { diffLines } from './line-diff';

/** Applies hunks to `a` using the lines of `b`, to check that they really turn a into b. */
function apply(a: string[], b: string[], hunks: NonNullable<ReturnType<typeof diffLines>>): string[] {
  const out: string[] = [];
  let at = 0;
  for (const h of hunks) {
    out.push(...a.slice(at, h.oldStart), ...b.slice(h.newStart, h.newEnd));
    at = h.oldEnd;
  }
  return [...out, ...a.slice(at)];
}

describe('diffLines', () => {
  it('finds the changed stretches between equal lines', () => {
    const a = ['p1', 'p2', 'p3', 'p4', 'p5'];
    const b = ['p1', 'P2', 'p3', 'p4', 'new', 'p5'];
    expect(diffLines(a, b, 100)).toEqual([
      { oldStart: 1, oldEnd: 2, newStart: 1, newEnd: 2 },
      { oldStart: 4, oldEnd: 4, newStart: 4, newEnd: 5 },
    ]);
    expect(diffLines(a, a, 100)).toEqual([]);
    expect(diffLines([], ['x'], 100)).toEqual([{ oldStart: 0, oldEnd: 0, newStart: 0, newEnd: 1 }]);
    expect(diffLines(['x'], [], 100)).toEqual([{ oldStart: 0, oldEnd: 1, newStart: 0, newEnd: 0 }]);
  });

  it('always describes a correct edit, with as few changed lines as possible', () => {
    const cases: [string[], string[], number][] = [
      [['a', 'b', 'c', 'a', 'b', 'b', 'a'], ['c', 'b', 'a', 'b', 'a', 'c'], 5],
      [['x', 'y'], ['y', 'x'], 2],
      [['1', '2', '3'], ['4', '5'], 5],
    ];
    for (const [a, b, edits] of cases) {
      const hunks = diffLines(a, b, 100)!;
      expect(apply(a, b, hunks)).toEqual(b);
      const changed = hunks.reduce((n, h) => n + (h.oldEnd - h.oldStart) + (h.newEnd - h.newStart), 0);
      expect(changed).toBe(edits);
    }
  });

  it('gives up past the edit limit', () => {
    const a = Array.from({ length: 50 }, (_, i) => `old ${i}`);
    const b = Array.from({ length: 50 }, (_, i) => `new ${i}`);
    expect(diffLines(a, b, 99)).toBeNull();
    expect(diffLines(a, b, 100)).toHaveLength(1);
  });
});
