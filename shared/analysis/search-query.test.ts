import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileQuery, describeProblem, literalQuery } from './search-query';

const RUNS = Number(process.env.GLOSS_FUZZ_RUNS ?? 300);
const regex = (text: string, caseSensitive = false) => literalQuery(text, { regex: true, caseSensitive });

function problemOf(text: string) {
  const result = compileQuery(regex(text));
  if (result.ok) throw new Error(`${text} compiled`);
  return result.error;
}

describe('compileQuery', () => {
  it('escapes a literal query, so regex syntax in it is only text', () => {
    const r = compileQuery(literalQuery('a.b (c)?'));
    expect(r.ok && 'xa.b (c)?y'.match(r.value)?.[0]).toBe('a.b (c)?');
    expect(r.ok && 'axb c'.match(r.value)).toBe(null);
  });

  it('is case-insensitive unless asked, with the u, g and m flags always', () => {
    const r = compileQuery(literalQuery('x'));
    expect(r.ok && r.value.flags).toBe('gimu');
    const s = compileQuery(literalQuery('x', { caseSensitive: true }));
    expect(s.ok && s.value.flags).toBe('gmu');
  });

  it('keeps an alternation inside the whole-word guards', () => {
    const r = compileQuery(literalQuery('cat|dog', { regex: true, wholeWord: true }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([...'cats dog catdog cat'.matchAll(r.value)].map((m) => [m.index, m[0]])).toEqual([
      [5, 'dog'],
      [16, 'cat'],
    ]);
  });

  it('refuses an empty query plainly', () => {
    const r = compileQuery(literalQuery(''));
    expect(r.ok ? null : r.error.message).toBe('the search is empty; type what to look for');
  });

  it.each([
    ['a(b', 1, 'a group opened with ( is never closed'],
    ['((a)', 0, 'a group opened with ( is never closed'],
    ['ab)c', 2, 'a ) closes no group'],
    ['[abc', 0, 'a [ is never closed with ]'],
    ['*a', 0, 'has nothing before it to repeat'],
    ['ab|+', 3, 'has nothing before it to repeat'],
    ['a{2,1}', 1, 'n greater than m'],
    ['x\\', 1, 'ends with a lone \\'],
    ['a\\qb', 1, 'this escape is not allowed'],
    ['(?<x>a)(?<x>b)', 7, 'duplicate capture group name'],
    ['\\p{Foo}', 0, 'invalid property name'],
  ])('says where %j goes wrong (index %i) and why', (text, index, words) => {
    const problem = problemOf(text);
    expect(problem.index).toBe(index);
    expect(problem.message).toContain(words);
    expect(problem.message.startsWith('not a valid regular expression: ')).toBe(true);
  });

  it('describes the place for a person: 1-based character and the character itself', () => {
    const q = regex('ab)c');
    const r = compileQuery(q);
    expect(r.ok ? '' : describeProblem(q, r.error)).toBe('not a valid regular expression: a ) closes no group at character 3 (")" in "ab)c")');
  });

  it('never throws on random patterns; a refusal names a place inside the pattern or none', () => {
    const tokens = fc.constantFrom('(', ')', '[', ']', '{', '}', '*', '+', '?', '|', '\\', '^', '$', '.', 'a', 'b', '1', ',', '-', ':', '<', '>', '=', '!', 'k', 'p', 'u', 'é', '😀', ' ');
    const pattern = fc.oneof(fc.string({ maxLength: 40 }), fc.array(tokens, { maxLength: 30 }).map((t) => t.join('')));
    fc.assert(
      fc.property(pattern, fc.boolean(), fc.boolean(), fc.boolean(), (text, isRegex, caseSensitive, wholeWord) => {
        const q = literalQuery(text, { regex: isRegex, caseSensitive, wholeWord });
        const r = compileQuery(q);
        if (text === '' || !isRegex) {
          expect(r.ok).toBe(text !== '');
          return;
        }
        let native = true;
        try {
          new RegExp(text, caseSensitive ? 'gmu' : 'gimu');
        } catch {
          native = false;
        }
        expect(r.ok).toBe(native);
        if (!r.ok) {
          expect(r.error.message.length).toBeGreaterThan(0);
          if (r.error.index !== undefined) {
            expect(r.error.index).toBeGreaterThanOrEqual(0);
            expect(r.error.index).toBeLessThan(text.length);
          }
          expect(describeProblem(q, r.error)).toContain(r.error.message);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
