import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findMatches, matchAtOrAfter } from './find';

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
});

describe('findMatches on any text', () => {
  const alphabet = fc.constantFrom('a', 'A', 'b', ' ', '.', 'é', 'İ', '😀', '\n');
  const text = fc.array(alphabet, { maxLength: 40 }).map((a) => a.join(''));
  const query = fc.array(alphabet, { minLength: 1, maxLength: 3 }).map((a) => a.join(''));

  it('gives ordered, non-overlapping matches of exactly the query when case counts', () => {
    fc.assert(
      fc.property(text, query, (t, q) => {
        const matches = findMatches(t, q, { caseSensitive: true, wholeWord: false });
        matches.forEach((m, i) => {
          expect(t.slice(m.start, m.end)).toBe(q);
          if (i > 0) expect(m.start).toBeGreaterThanOrEqual(matches[i - 1]!.end);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('finds at least as many ignoring case (all matches are the query’s length, so leftmost-first is the most there can be)', () => {
    fc.assert(
      fc.property(text, query, (t, q) => {
        const exact = findMatches(t, q, { caseSensitive: true, wholeWord: false });
        expect(findMatches(t, q, { caseSensitive: false, wholeWord: false }).length).toBeGreaterThanOrEqual(exact.length);
      }),
      { numRuns: 300 },
    );
  });

  it('finds whole words only where no letter, digit or underscore touches them', () => {
    const wordChar = /[\p{L}\p{M}\p{N}_]/u;
    fc.assert(
      fc.property(text, query, fc.boolean(), (t, q, caseSensitive) => {
        for (const m of findMatches(t, q, { caseSensitive, wholeWord: true })) {
          const found = t.slice(m.start, m.end);
          expect(caseSensitive ? found : found.toLowerCase()).toBe(caseSensitive ? q : q.toLowerCase());
          expect(wordChar.test(t[m.start - 1] ?? '')).toBe(false);
          expect(wordChar.test(t[m.end] ?? '')).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('findMatches with a regular expression (a query handed over from the Search view)', () => {
  it('finds what project search finds, with its flags, and nothing for a pattern that does not compile', () => {
    expect(findMatches(text, 's\\w+h', { caseSensitive: false, wholeWord: true, regex: true }).map((m) => text.slice(m.start, m.end))).toEqual(['Sarah', 'sarah', 'SARAH', 'Sarah']);
    expect(findMatches(text, 'S\\w+h', { caseSensitive: true, wholeWord: false, regex: true }).map((m) => text.slice(m.start, m.end))).toEqual(['Sarah', 'Sarah', 'Sarah']);
    expect(findMatches(text, '^Sarah', { caseSensitive: true, wholeWord: false, regex: true })).toEqual([{ start: 0, end: 5 }]);
    expect(findMatches(text, '(', { caseSensitive: false, wholeWord: false, regex: true })).toEqual([]);
  });
});
