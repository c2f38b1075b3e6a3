import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { codeMatrix, matrixCellCodings, type MatrixColumns } from './matrix';
import { codeFrequencies } from './frequencies';
import { analysisProject, type ProjectSpec } from './fixtures/analysis-project';
import { arbitraryProject } from './fixtures/arbitrary-project';

/** Short runs in the normal suite; a long one: GLOSS_PROPERTY_RUNS=20000 npx vitest run --test-timeout=0 shared/analysis */
const runs = (short: number) => Number(process.env.GLOSS_PROPERTY_RUNS) || short;

const spec: ProjectSpec = {
  documents: { 'Interview 2': 'Data sharing took weeks.', 'Interview 1': 'We never had training.', Notes: 'Nothing.' },
  codes: { Barriers: null, Training: 'Barriers' },
  codings: [
    ['Interview 1', 'Training', 9, 22],
    ['Interview 1', 'Training', 12, 22],
    ['Interview 1', 'Barriers', 0, 2],
    ['Interview 2', 'Barriers', 0, 12],
  ],
  cases: { Zoe: { documents: ['Interview 1'], values: { age: 41 } }, Al: { documents: ['Interview 1', 'Interview 2'], values: { age: 7 } } },
  variables: { age: 'number', remote: 'boolean' },
  attributes: { 'Interview 2': { remote: true }, Notes: { remote: false } },
};

describe('code matrices', () => {
  it('codes × documents: codings, documents coded, characters and per cent of the column', () => {
    const m = codeMatrix(analysisProject(spec), { columns: { kind: 'documents' } });
    expect(m.rows.map((r) => r.codePath)).toEqual(['Barriers', 'Barriers > Training']);
    expect(m.columns.map((c) => [c.label, c.characters])).toEqual([['Interview 1', 22], ['Interview 2', 24], ['Notes', 8]]);
    expect(m.codings).toEqual([[1, 1, 0], [2, 0, 0]]);
    expect(m.documents).toEqual([[1, 1, 0], [1, 0, 0]]);
    expect(m.characters).toEqual([[2, 12, 0], [13, 0, 0]]);
    expect(m.percent[1]![0]).toBeCloseTo((100 * 13) / 22);
    const rolled = codeMatrix(analysisProject(spec), { columns: { kind: 'documents' }, withSubcodes: true });
    expect(rolled.codings[0]).toEqual([3, 1, 0]);
    expect(rolled.characters[0]).toEqual([15, 12, 0]);
  });

  it('codes × cases: a document counts in each of its cases; a document in none is in no column', () => {
    const m = codeMatrix(analysisProject(spec), { columns: { kind: 'cases' } });
    expect(m.columns.map((c) => [c.label, c.documentIds])).toEqual([['Al', ['Interview 1', 'Interview 2']], ['Zoe', ['Interview 1']]]);
    expect(m.codings).toEqual([[2, 1], [2, 2]]);
  });

  it('codes × values: one column per value in order, values from the document or its cases, no value last', () => {
    const state = analysisProject(spec);
    const age = codeMatrix(state, { columns: { kind: 'variable', variableId: 'age' } });
    // Interview 1 is in two cases, aged 41 and 7: it is in both columns.
    expect(age.columns.map((c) => [c.label, c.value, c.documentIds])).toEqual([
      ['7', 7, ['Interview 1', 'Interview 2']],
      ['41', 41, ['Interview 1']],
      ['(no value)', null, ['Notes']],
    ]);
    const remote = codeMatrix(state, { columns: { kind: 'variable', variableId: 'remote' } });
    expect(remote.columns.map((c) => c.label)).toEqual(['no', 'yes', '(no value)']);
    expect(remote.codings[0]).toEqual([0, 1, 1]);
  });

  it('opens the codings behind a cell', () => {
    const state = analysisProject(spec);
    const m = codeMatrix(state, { columns: { kind: 'cases' } });
    expect(matrixCellCodings(state, 'Barriers', m.columns[0]!).map((c) => c.documentId)).toEqual(['Interview 1', 'Interview 2']);
    expect(matrixCellCodings(state, 'Barriers', m.columns[1]!, true)).toHaveLength(3);
  });

  it('adds up, column by column, to the code frequencies when each document is in one column, and each cell opens as many codings as it counts', () => {
    const columns: fc.Arbitrary<MatrixColumns> = fc.constantFrom({ kind: 'documents' }, { kind: 'variable', variableId: 'region' }, { kind: 'cases' });
    fc.assert(
      fc.property(arbitraryProject, columns, fc.boolean(), (s, kind, withSubcodes) => {
        const state = analysisProject(s);
        const m = codeMatrix(state, { columns: kind, withSubcodes });
        const frequencies = codeFrequencies(state);
        m.rows.forEach((row, r) => {
          m.columns.forEach((col, c) => expect(matrixCellCodings(state, row.codeId, col, withSubcodes)).toHaveLength(m.codings[r]![c]!));
          if (kind.kind === 'cases') return; // documents outside the case are in no column
          const f = frequencies.find((x) => x.codeId === row.codeId)!;
          const sum = (line: number[]) => line.reduce((a, b) => a + b, 0);
          expect([sum(m.codings[r]!), sum(m.documents[r]!), sum(m.characters[r]!)]).toEqual(
            withSubcodes ? [f.codingsWithSubcodes, f.documentsWithSubcodes, f.charactersWithSubcodes] : [f.codings, f.documents, f.characters],
          );
          m.percent[r]!.forEach((p) => expect(p).toBeLessThanOrEqual(100));
        });
      }),
      { numRuns: runs(150) },
    );
  });
});
