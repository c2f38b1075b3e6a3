import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { codeFrequencies, frequencyCodings } from './frequencies';
import { analysisProject, type ProjectSpec } from './fixtures/analysis-project';
import { arbitraryProject, CODE_IDS } from './fixtures/arbitrary-project';
import { byPosition, subtreeIds, analysisScope } from './scope';
import type { Coding } from '../model/schema';

/** Short runs in the normal suite; a long one: GLOSS_PROPERTY_RUNS=20000 npx vitest run --test-timeout=0 shared/analysis */
const runs = (short: number) => Number(process.env.GLOSS_PROPERTY_RUNS) || short;

const spec: ProjectSpec = {
  documents: { d1: 'We never had any training at all.', d2: 'Data sharing took weeks.', d3: 'Nothing coded here.' },
  codes: { Barriers: null, Data: 'Barriers', Training: 'Barriers', Trust: null },
  codings: [
    ['d1', 'Training', 0, 10],
    ['d1', 'Training', 5, 15], // overlaps the first: 15 characters covered, not 20
    ['d1', 'Barriers', 12, 20],
    ['d2', 'Data', 0, 12, 'ben'],
    ['d2', 'Trust', 0, 4],
  ],
  cases: { Ana: { documents: ['d1'] }, Bo: { documents: ['d2', 'd3'] } },
  variables: { region: 'text' },
  attributes: { d1: { region: 'North' } },
  sets: { early: { kind: 'documents', members: ['d2'] }, top: { kind: 'codes', members: ['Barriers', 'Trust'] } },
};

const row = (rows: ReturnType<typeof codeFrequencies>, code: string) => rows.find((r) => r.codeId === code)!;

describe('code frequencies', () => {
  it('count own codings, documents and covered characters, and the same rolled up with sub-codes', () => {
    const rows = codeFrequencies(analysisProject(spec));
    expect(rows.map((r) => r.codePath)).toEqual(['Barriers', 'Barriers > Data', 'Barriers > Training', 'Trust']);
    expect(row(rows, 'Training')).toMatchObject({ codings: 2, documents: 1, characters: 15, codingsWithSubcodes: 2, documentsWithSubcodes: 1, charactersWithSubcodes: 15 });
    // Barriers' own coding [12, 20) overlaps Training's [0, 15): rolled up, d1 has [0, 20).
    expect(row(rows, 'Barriers')).toMatchObject({
      codings: 1,
      documents: 1,
      characters: 8,
      codingsWithSubcodes: 4,
      documentsWithSubcodes: 2,
      charactersWithSubcodes: 20 + 12,
    });
    expect(row(rows, 'Trust')).toMatchObject({ codings: 1, documents: 1, characters: 4, codingsWithSubcodes: 1 });
  });

  it('count only what the filter lets through: documents, sets, cases, values, coders, code sets', () => {
    const state = analysisProject(spec);
    expect(row(codeFrequencies(state, { coderIds: ['ana'] }), 'Barriers').codingsWithSubcodes).toBe(3);
    expect(row(codeFrequencies(state, { documentSetIds: ['early'] }), 'Barriers').codingsWithSubcodes).toBe(1);
    expect(row(codeFrequencies(state, { caseIds: ['Ana'] }), 'Trust').codings).toBe(0);
    expect(row(codeFrequencies(state, { values: [{ variableId: 'region', values: ['North'] }] }), 'Barriers').codingsWithSubcodes).toBe(3);
    expect(row(codeFrequencies(state, { values: [{ variableId: 'region', values: [null] }] }), 'Barriers').codingsWithSubcodes).toBe(1);
    // A code set chooses the rows; sub-codes outside it still roll up into a shown parent.
    const top = codeFrequencies(state, { codeSetIds: ['top'] });
    expect(top.map((r) => r.codeId)).toEqual(['Barriers', 'Trust']);
    expect(row(top, 'Barriers').codingsWithSubcodes).toBe(4);
    // Ids that name nothing match nothing, rather than everything.
    expect(codeFrequencies(state, { caseIds: ['nobody'] }).every((r) => r.codings === 0)).toBe(true);
  });

  it('open the codings behind a row, own or rolled up, in document order', () => {
    const state = analysisProject(spec);
    expect(frequencyCodings(state, 'Training', false).map((c) => [c.documentId, c.start])).toEqual([['d1', 0], ['d1', 5]]);
    expect(frequencyCodings(state, 'Barriers', true).map((c) => [c.documentId, c.codeId, c.start])).toEqual([
      ['d1', 'Training', 0],
      ['d1', 'Training', 5],
      ['d1', 'Barriers', 12],
      ['d2', 'Data', 0],
    ]);
    expect(frequencyCodings(state, 'Barriers', true, { coderIds: ['ben'] })).toHaveLength(1);
  });

  it('agree with a character-by-character count, and the rows add up to the codings counted', () => {
    fc.assert(
      fc.property(arbitraryProject, fc.constantFrom<string[] | undefined>(undefined, ['ana']), (s, coderIds) => {
        const state = analysisProject(s);
        const rows = codeFrequencies(state, coderIds ? { coderIds } : {});
        const counted = s.codings.filter((c) => !coderIds || coderIds.includes(c[4]!));
        const scope = analysisScope(state);
        expect(rows.reduce((sum, r) => sum + r.codings, 0)).toBe(counted.length);
        for (const r of rows) {
          for (const rolled of [false, true]) {
            const codes = new Set(rolled ? subtreeIds(scope, r.codeId) : [r.codeId]);
            const mine = counted.filter((c) => codes.has(c[1]));
            const characters = new Set(mine.flatMap(([doc, , start, end]) => Array.from({ length: end - start }, (_, k) => `${doc}:${start + k}`)));
            const documents = new Set(mine.map((c) => c[0]));
            expect(rolled ? [r.codingsWithSubcodes, r.documentsWithSubcodes, r.charactersWithSubcodes] : [r.codings, r.documents, r.characters]).toEqual([mine.length, documents.size, characters.size]);
          }
        }
        expect(rows.map((r) => r.codeId).sort()).toEqual([...CODE_IDS]);
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('codings in order of position', () => {
  it('sorts by start, then end, whatever order they come in', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(50), fc.integer({ min: 1, max: 20 })), { maxLength: 60 }), (spans) => {
        const codings = spans.map(([start, length], i) => ({ id: `c${i}`, start, end: start + length }) as Coding);
        const expected = [...codings].sort((a, b) => a.start - b.start || a.end - b.end).map((c) => [c.start, c.end]);
        expect(byPosition(codings).map((c) => [c.start, c.end])).toEqual(expected);
      }),
    );
  });
});
