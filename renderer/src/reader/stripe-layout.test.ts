import { describe, expect, it } from 'vitest';
import { stripeBars } from './stripe-layout';

describe('stripeBars', () => {
  it('puts overlapping codings of different codes in separate columns, ordered by the code order', () => {
    const { bars, columns } = stripeBars(
      [
        { codeId: 'b', top: 10, bottom: 30 },
        { codeId: 'a', top: 10, bottom: 40 },
        { codeId: 'c', top: 35, bottom: 50 },
      ],
      ['a', 'b', 'c'],
    );
    expect(columns).toBe(2);
    expect(bars).toEqual([
      { codeId: 'a', column: 0, top: 10, height: 30, codings: 1 },
      { codeId: 'b', column: 1, top: 10, height: 20, codings: 1 },
      // c starts after b has ended, so it reuses b's column rather than opening a third.
      { codeId: 'c', column: 1, top: 35, height: 15, codings: 1 },
    ]);
  });

  it('packs bars that do not overlap into the first column', () => {
    const { bars, columns } = stripeBars(
      [
        { codeId: 'a', top: 0, bottom: 20 },
        { codeId: 'b', top: 50, bottom: 70 },
      ],
      ['b', 'a'],
    );
    expect(columns).toBe(1);
    expect(bars.map((b) => [b.codeId, b.column])).toEqual([
      ['a', 0],
      ['b', 0],
    ]);
  });

  it('joins overlapping or touching codings of one code into one bar and keeps distant ones apart', () => {
    const { bars } = stripeBars(
      [
        { codeId: 'a', top: 0, bottom: 20 },
        { codeId: 'a', top: 21, bottom: 40 },
        { codeId: 'a', top: 10, bottom: 15 },
        { codeId: 'a', top: 100, bottom: 120 },
      ],
      [],
    );
    expect(bars).toEqual([
      { codeId: 'a', column: 0, top: 0, height: 40, codings: 3 },
      { codeId: 'a', column: 0, top: 100, height: 20, codings: 1 },
    ]);
  });

  it('marks a bar needing review when any of its codings does', () => {
    const { bars } = stripeBars(
      [
        { codeId: 'a', top: 0, bottom: 20 },
        { codeId: 'a', top: 10, bottom: 30, review: true },
        { codeId: 'a', top: 100, bottom: 120, review: false },
      ],
      [],
    );
    expect(bars.map((b) => [b.top, b.codings, b.review ?? false])).toEqual([
      [0, 2, true],
      [100, 1, false],
    ]);
  });

  it('gives each coder of a code bars of their own when coders are told apart', () => {
    const { bars, columns } = stripeBars(
      [
        { codeId: 'a', coderId: 'ben', top: 10, bottom: 30 },
        { codeId: 'a', coderId: 'ana', top: 12, bottom: 30 },
        { codeId: 'a', coderId: 'ana', top: 28, bottom: 40 },
      ],
      ['a'],
    );
    expect(columns).toBe(2);
    expect(bars).toEqual([
      { codeId: 'a', coderId: 'ben', column: 0, top: 10, height: 20, codings: 1 },
      // Ana's two touching codings join, but not with Ben's coding of the same code.
      { codeId: 'a', coderId: 'ana', column: 1, top: 12, height: 28, codings: 2 },
    ]);
  });
});
