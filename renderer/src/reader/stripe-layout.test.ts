import { describe, expect, it } from 'vitest';
import { stripeBars } from './stripe-layout';

describe('stripeBars', () => {
  it('gives each code its own column, in the given order, skipping codes without codings', () => {
    const { bars, columns } = stripeBars(
      [
        { codeId: 'b', top: 10, bottom: 30 },
        { codeId: 'a', top: 20, bottom: 40 },
      ],
      ['a', 'unused', 'b'],
    );
    expect(columns).toEqual(['a', 'b']);
    expect(bars).toEqual([
      { codeId: 'a', column: 0, top: 20, height: 20, codings: 1 },
      { codeId: 'b', column: 1, top: 10, height: 20, codings: 1 },
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
});
