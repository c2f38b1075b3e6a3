import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literalQuery } from './search-query';
import { hitContext, searchProject, type SearchHit } from './search';
import { stateWith } from './fixtures/project';

const RUNS = Number(process.env.GLOSS_FUZZ_RUNS ?? 200);

const A = 'Training was missing. Nobody trained us; training came late.\nTRAINING day 😀 training';
const B = 'No training here. Retraining later.';
const state = stateWith(
  [
    { id: 'a', text: A, attributes: { region: 'north' } },
    { id: 'b', text: B, attributes: { region: 'south' } },
    { id: 'c', text: 'nothing to see' },
  ],
  { gaps: 'gaps', sub: ['sub', 'gaps'], other: 'other' },
  [
    { id: 'k1', documentId: 'a', codeId: 'gaps', start: 0, end: 21 },
    { id: 'k2', documentId: 'b', codeId: 'sub', start: 0, end: 17 },
    { id: 'k3', documentId: 'a', codeId: 'other', start: 22, end: 40 },
  ],
  { sets: [{ id: 's', name: 'South', description: '', kind: 'documents', memberIds: ['b'] }], variables: [{ id: 'region', name: 'Region', type: 'text', description: '' }] },
);

const spans = (hits: SearchHit[]) => hits.map((h) => [h.documentId, h.start, h.end]);
const texts = (hits: SearchHit[]) => hits.map((h) => state.documents.get(h.documentId)!.text.slice(h.start, h.end));

function search(...args: Parameters<typeof searchProject> extends [unknown, ...infer R] ? R : never) {
  const r = searchProject(state, ...args);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('searchProject', () => {
  it('finds a literal in any case, in document order then by start, with counts', () => {
    const r = search(literalQuery('training'));
    expect(texts(r.hits)).toEqual(['Training', 'training', 'TRAINING', 'training', 'training', 'training']);
    expect(r.hits.map((h) => h.documentId)).toEqual(['a', 'a', 'a', 'a', 'b', 'b']);
    expect(r.total).toBe(6);
    expect([...r.perDocument]).toEqual([
      ['a', 4],
      ['b', 2],
    ]);
    // UTF-16 offsets: the emoji before the last hit counts two code units.
    expect(r.hits[3]!.start).toBe(A.lastIndexOf('training'));
  });

  it('is case-sensitive and whole-word when asked', () => {
    expect(texts(search(literalQuery('Training', { caseSensitive: true })).hits)).toEqual(['Training']);
    const whole = search(literalQuery('training', { wholeWord: true }));
    expect(whole.total).toBe(5); // not inside "Retraining"
    expect(whole.hits.some((h) => h.documentId === 'b' && h.start === B.indexOf('training', 20))).toBe(false);
  });

  it('runs a regular expression with ^ meaning a line start, and skips empty matches', () => {
    expect(spans(search(literalQuery('^\\w+', { regex: true })).hits)).toEqual([
      ['a', 0, 8],
      ['a', A.indexOf('TRAINING'), A.indexOf('TRAINING') + 8],
      ['b', 0, 2],
      ['c', 0, 7],
    ]);
    expect(search(literalQuery('x*', { regex: true })).total).toBe(0);
    expect(texts(search(literalQuery('\\p{Extended_Pictographic}', { regex: true })).hits)).toEqual(['😀']);
  });

  it('refuses a bad pattern with its place', () => {
    const r = searchProject(state, literalQuery('train(', { regex: true }));
    expect(r.ok ? null : r.error).toEqual({ message: 'not a valid regular expression: a group opened with ( is never closed', index: 5 });
  });

  it('narrows to documents, sets and variable values', () => {
    expect(search(literalQuery('training'), { documentIds: ['b'] }).total).toBe(2);
    expect(search(literalQuery('training'), { setIds: ['s'] }).hits.every((h) => h.documentId === 'b')).toBe(true);
    expect(search(literalQuery('training'), { variable: { variableId: 'region', values: ['north'] } }).total).toBe(4);
  });

  it('keeps only hits inside codings of a code, with or without its sub-codes', () => {
    expect(spans(search(literalQuery('training'), { insideCode: { codeId: 'gaps', withSubcodes: false } }).hits)).toEqual([['a', 0, 8]]);
    expect(search(literalQuery('training'), { insideCode: { codeId: 'gaps', withSubcodes: true } }).total).toBe(2);
    const missing = searchProject(state, literalQuery('x'), { insideCode: { codeId: 'nope', withSubcodes: false } });
    expect(missing.ok).toBe(false);
  });

  it('keeps only hits outside every coding when asked', () => {
    const r = search(literalQuery('training'), { uncodedOnly: true });
    expect(texts(r.hits)).toEqual(['training', 'TRAINING', 'training', 'training']);
    expect(r.hits[0]!.start).toBe(A.indexOf('training came'));
  });

  it('returns at most `limit` hits but counts them all', () => {
    const r = search(literalQuery('training'), {}, { limit: 2 });
    expect(r.hits).toHaveLength(2);
    expect(r.total).toBe(6);
  });
});

describe('hitContext', () => {
  it('shows text either side, cut at line breaks', () => {
    const at = A.indexOf('TRAINING');
    expect(hitContext(A, { start: at, end: at + 8 }, 10)).toEqual({ before: '', match: 'TRAINING', after: ' day 😀 tr' });
  });
  it('never cuts a surrogate pair', () => {
    const text = '😀abc😀';
    const c = hitContext(text, { start: 2, end: 5 }, 1);
    expect(c.before + c.match + c.after).toBe('abc');
  });
});

describe('searchProject on random texts and queries', () => {
  const alphabet = fc.constantFrom('a', 'b', 'A', 'B', ' ', '\n', '.', 'é', 'É', '😀', '_', '1', 'ß', 'İ');
  const text = fc.array(alphabet, { maxLength: 60 }).map((cs) => cs.join(''));
  const word = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((cs) => cs.join(''));

  it('a case-sensitive literal finds exactly the left-to-right occurrences indexOf finds', () => {
    fc.assert(
      fc.property(text, word, (t, w) => {
        const s = stateWith([{ id: 'd', text: t }]);
        const r = searchProject(s, literalQuery(w, { caseSensitive: true }));
        const expected: number[] = [];
        for (let at = t.indexOf(w); at >= 0; at = t.indexOf(w, at + w.length)) expected.push(at);
        expect(r.ok && r.value.hits.map((h) => h.start)).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it('any query: never throws; hits are non-empty, in bounds, on whole characters, sorted, non-overlapping, and match where they stand', () => {
    const tokens = fc.constantFrom('a', 'b', '.', '*', '+', '?', '|', '(', ')', '[', ']', '^', '$', '\\b', '\\w', '\\s', '{1,2}', 'é', '😀', '\\p{L}');
    const pattern = fc.array(tokens, { minLength: 1, maxLength: 8 }).map((ts) => ts.join(''));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), pattern, fc.boolean(), fc.boolean(), fc.boolean(), (ts, p, regex, caseSensitive, wholeWord) => {
        const s = stateWith(ts.map((t, i) => ({ id: `d${i}`, text: t })));
        const r = searchProject(s, literalQuery(p, { regex, caseSensitive, wholeWord }));
        if (!r.ok) {
          expect(regex).toBe(true);
          return;
        }
        let last = { doc: -1, end: 0 };
        for (const h of r.value.hits) {
          const i = Number(h.documentId.slice(1));
          const t = ts[i]!;
          expect(h.end).toBeGreaterThan(h.start);
          expect(h.end).toBeLessThanOrEqual(t.length);
          if (i === last.doc) expect(h.start).toBeGreaterThanOrEqual(last.end);
          else expect(i).toBeGreaterThan(last.doc);
          last = { doc: i, end: h.end };
          expect(/[\udc00-\udfff]/.test(t[h.start] ?? '')).toBe(false);
          if (!regex && caseSensitive) expect(t.slice(h.start, h.end)).toBe(p);
        }
        expect(r.value.total).toBe(r.value.hits.length);
      }),
      { numRuns: RUNS },
    );
  });
});
