import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mapCodes, parseQuery } from './query-text';
import type { CodeQuery } from './retrieval';

const parsed = (text: string) => {
  const r = parseQuery(text);
  return r.ok ? r.value : r.error;
};

describe('typed retrieval queries', () => {
  it('reads names of several words and paths, AND before OR, NOT on what follows, brackets and quotes', () => {
    expect(parsed('Barriers > Data sharing AND NOT Trust')).toEqual({ and: [{ code: 'Barriers > Data sharing' }, { not: { code: 'Trust' } }] });
    expect(parsed('A OR B AND C')).toEqual({ or: [{ code: 'A' }, { and: [{ code: 'B' }, { code: 'C' }] }] });
    expect(parsed('(A OR B) AND C')).toEqual({ and: [{ or: [{ code: 'A' }, { code: 'B' }] }, { code: 'C' }] });
    expect(parsed('Not sure or maybe')).toEqual({ code: 'Not sure or maybe' });
    expect(parsed('"Fear AND hope" OR "say ""no"""')).toEqual({ or: [{ code: 'Fear AND hope' }, { code: 'say "no"' }] });
  });

  it('says what was expected where a query goes wrong', () => {
    expect(parsed('')).toMatch(/empty/);
    expect(parsed('A AND')).toBe('a code name was expected before the end in: A AND');
    expect(parsed('(A OR B')).toBe('")" was expected before the end in: (A OR B');
    expect(parsed('A ) B')).toBe('AND or OR was expected before ")" in: A ) B');
    expect(parsed('"open')).toMatch(/not closed/);
  });

  it('reads back any query it writes', () => {
    const name = fc.stringMatching(/^[a-z][a-z ]{0,8}[a-z]$/).filter((s) => !/ {2}/.test(s));
    const query: fc.Arbitrary<CodeQuery> = fc.letrec<{ q: CodeQuery }>((tie) => ({
      q: fc.oneof(
        { depthSize: 'small' },
        name.map((code) => ({ code })),
        fc.record({ and: fc.array(tie('q'), { minLength: 2, maxLength: 3 }) }),
        fc.record({ or: fc.array(tie('q'), { minLength: 2, maxLength: 3 }) }),
        fc.record({ not: tie('q') }),
      ),
    })).q;
    const write = (q: CodeQuery): string =>
      'code' in q ? q.code : 'not' in q ? `NOT (${write(q.not)})` : `(${('and' in q ? q.and : q.or).map(write).join('and' in q ? ' AND ' : ' OR ')})`;
    fc.assert(
      fc.property(query, (q) => {
        expect(parsed(write(q))).toEqual(q);
      }),
    );
    expect(mapCodes({ and: [{ code: 'a' }, { not: { code: 'b' } }] }, (c) => c.toUpperCase())).toEqual({ and: [{ code: 'A' }, { not: { code: 'B' } }] });
  });
});
