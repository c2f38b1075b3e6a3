import { describe, expect, it } from 'vitest';
import { findMatches, matchAtOrAfter, matchCountText } from './find';

const text = 'Sarah said: sarah’s team, not Sarahs. SARAH agreed (a.k.a. Sarah).';
const texts = (matches: { start: number; end: number }[]) => matches.map((m) => text.slice(m.start, m.end));

describe('findMatches', () => {
  it('finds every occurrence, ignoring case by default, inside words too', () => {
    const matches = findMatches(text, 'sarah', { caseSensitive: false, wholeWord: false });
    expect(texts(matches)).toEqual(['Sarah', 'sarah', 'Sarah', 'SARAH', 'Sarah']);
    expect(matches[0]).toEqual({ start: 0, end: 5 });
  });

  it('respects case when asked', () => {
    expect(findMatches(text, 'Sarah', { caseSensitive: true, wholeWord: false }).map((m) => m.start)).toEqual([0, 30, 59]);
  });

  it('finds whole words only when asked (Sarahs is another word)', () => {
    const matches = findMatches(text, 'sarah', { caseSensitive: false, wholeWord: true });
    expect(matches.map((m) => m.start)).toEqual([0, 12, 38, 59]);
  });

  it('treats regular-expression characters literally', () => {
    expect(findMatches(text, 'a.k.a.', { caseSensitive: false, wholeWord: false }).map((m) => m.start)).toEqual([text.indexOf('a.k.a.')]);
    expect(findMatches(text, '(a', { caseSensitive: true, wholeWord: false }).map((m) => m.start)).toEqual([text.indexOf('(a')]);
    expect(findMatches('a.b', '.', { caseSensitive: true, wholeWord: false })).toEqual([{ start: 1, end: 2 }]);
  });

  it('keeps offsets exact where lower-casing would change lengths', () => {
    const turkish = 'İstanbul and istanbul';
    expect(findMatches(turkish, 'and', { caseSensitive: false, wholeWord: false })).toEqual([{ start: 9, end: 12 }]);
  });

  it('finds nothing for an empty query', () => {
    expect(findMatches(text, '', { caseSensitive: false, wholeWord: false })).toEqual([]);
  });
});

describe('matchAtOrAfter and the count', () => {
  const matches = [
    { start: 5, end: 7 },
    { start: 20, end: 22 },
  ];
  it('starts at the first match from a position, wrapping to the first', () => {
    expect(matchAtOrAfter(matches, 0)).toBe(0);
    expect(matchAtOrAfter(matches, 6)).toBe(1);
    expect(matchAtOrAfter(matches, 21)).toBe(0);
    expect(matchAtOrAfter([], 3)).toBe(-1);
  });
  it('says where the user is', () => {
    expect(matchCountText(2, 12)).toBe('3 of 12');
    expect(matchCountText(-1, 0)).toBe('No matches');
    expect(matchCountText(0, 100_000)).toBe('1 of 100,000+');
  });
});
