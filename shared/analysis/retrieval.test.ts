import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { butNot, retrieve, type CodeQuery } from './retrieval';
import { complementOf, intersectionOf, spanSet, unionOf } from './span-sets';
import { analysisProject, type ProjectSpec } from './fixtures/analysis-project';
import { arbitraryProject, CODE_IDS } from './fixtures/arbitrary-project';
import { analysisScope, subtreeIds } from './scope';

/** Short runs in the normal suite; a long one: GLOSS_PROPERTY_RUNS=20000 npx vitest run --test-timeout=0 shared/analysis */
const runs = (short: number) => Number(process.env.GLOSS_PROPERTY_RUNS) || short;

const spec: ProjectSpec = {
  //                 0         1         2
  //                 012345678901234567890123
  documents: { d1: 'Training was rare; data.', d2: 'Only trust here.' },
  codes: { A: null, B: null, B1: 'B' },
  codings: [
    ['d1', 'A', 0, 17],
    ['d1', 'B', 13, 23, 'ben'],
    ['d1', 'B1', 19, 23],
    ['d2', 'A', 5, 10],
  ],
};

const found = (query: CodeQuery, filter = {}) => retrieve(analysisProject(spec), query, filter).map((p) => [p.document.id, p.text, p.codings.map((c) => c.codeId)]);

describe('AND / OR / NOT retrieval', () => {
  it('finds where A and B overlap, A or B, and A but not B', () => {
    expect(found({ and: [{ code: 'A' }, { code: 'B' }] })).toEqual([['d1', 'rare', ['A', 'B']]]);
    expect(found({ or: [{ code: 'A' }, { code: 'B' }] })).toEqual([
      ['d1', 'Training was rare; data', ['A', 'B']],
      ['d2', 'trust', ['A']],
    ]);
    expect(found(butNot({ code: 'A' }, { code: 'B' }))).toEqual([
      ['d1', 'Training was ', ['A']],
      ['d2', 'trust', ['A']],
    ]);
  });

  it('takes sub-codes in where asked, and the filters of every view', () => {
    expect(found(butNot({ code: 'B', withSubcodes: true }, { code: 'A' }))).toEqual([['d1', '; data', ['B', 'B1']]]);
    expect(found({ and: [{ code: 'A' }, { code: 'B' }] }, { coderIds: ['ana'] })).toEqual([]);
    expect(found({ code: 'A' }, { documentIds: ['d2'] })).toEqual([['d2', 'trust', ['A']]]);
  });

  it('span sets: union, intersection and complement agree with sets of characters', () => {
    const spans = fc.array(fc.tuple(fc.nat(20), fc.nat(20)).map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) })), { maxLength: 6 });
    const chars = (s: { start: number; end: number }[]) => s.flatMap((x) => Array.from({ length: x.end - x.start }, (_, k) => x.start + k));
    fc.assert(
      fc.property(spans, spans, (a, b) => {
        const [x, y] = [spanSet(a), spanSet(b)];
        const [cx, cy] = [new Set(chars(x)), new Set(chars(y))];
        expect(chars(unionOf(x, y))).toEqual([...new Set([...cx, ...cy])].sort((p, q) => p - q));
        expect(chars(intersectionOf(x, y))).toEqual([...cx].filter((c) => cy.has(c)).sort((p, q) => p - q));
        expect(chars(complementOf(x, 20))).toEqual(Array.from({ length: 20 }, (_, k) => k).filter((c) => !cx.has(c)));
        // A set is one list: no two spans overlap or touch.
        for (const s of [unionOf(x, y), intersectionOf(x, y), complementOf(x, 20)]) s.slice(1).forEach((t, i) => expect(t.start).toBeGreaterThan(s[i]!.end));
      }),
    );
  });

  const query: fc.Arbitrary<CodeQuery> = fc.letrec<{ q: CodeQuery }>((tie) => ({
    q: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({ code: fc.constantFrom(...CODE_IDS), withSubcodes: fc.boolean() }),
      fc.record({ and: fc.array(tie('q'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ or: fc.array(tie('q'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ not: tie('q') }),
    ),
  })).q;

  it('holds for exactly the characters where the query is true, character by character', () => {
    fc.assert(
      fc.property(arbitraryProject, query, fc.constantFrom<string[] | undefined>(undefined, ['ana']), (s, q, coderIds) => {
        const state = analysisProject(s);
        const scope = analysisScope(state);
        const filter = coderIds ? { coderIds } : {};
        const got = new Set(retrieve(state, q, filter).flatMap((p) => Array.from({ length: p.end - p.start }, (_, k) => `${p.document.id}:${p.start + k}`)));
        const truth = (doc: string, at: number, node: CodeQuery): boolean => {
          if ('code' in node) {
            const codes = new Set(node.withSubcodes ? subtreeIds(scope, node.code) : [node.code]);
            return s.codings.some(([d, c, start, end, coder]) => d === doc && codes.has(c) && start <= at && at < end && (!coderIds || coderIds.includes(coder!)));
          }
          if ('not' in node) return !truth(doc, at, node.not);
          return 'and' in node ? node.and.every((n) => truth(doc, at, n)) : node.or.some((n) => truth(doc, at, n));
        };
        for (const [doc, text] of Object.entries(s.documents)) {
          for (let at = 0; at < text.length; at++) expect(got.has(`${doc}:${at}`)).toBe(truth(doc, at, q));
        }
      }),
      { numRuns: runs(150) },
    );
  });

  it('obeys the laws of sets: commutative, De Morgan, A AND NOT A is nothing, A OR NOT A is everything', () => {
    fc.assert(
      fc.property(arbitraryProject, query, query, (s, a, b) => {
        const state = analysisProject(s);
        const key = (q: CodeQuery) => retrieve(state, q).map((p) => `${p.document.id}:${p.start}-${p.end}`);
        expect(key({ and: [a, b] })).toEqual(key({ and: [b, a] }));
        expect(key({ or: [a, b] })).toEqual(key({ or: [b, a] }));
        expect(key({ not: { and: [a, b] } })).toEqual(key({ or: [{ not: a }, { not: b }] }));
        expect(key({ and: [a, { not: a }] })).toEqual([]);
        expect(key({ or: [a, { not: a }] })).toEqual(Object.entries(s.documents).sort().map(([d, text]) => `${d}:0-${text.length}`));
        // Every coding a passage lists overlaps it.
        for (const p of retrieve(state, { or: [a, b] })) for (const c of p.codings) expect(c.start < p.end && c.end > p.start).toBe(true);
      }),
      { numRuns: runs(150) },
    );
  });
});
