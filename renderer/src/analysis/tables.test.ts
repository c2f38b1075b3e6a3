import { describe, expect, it } from 'vitest';
import { cooccurrenceTables, frameworkTable, frequenciesTable, matrixTable, sortedBy, formatCoefficient } from './tables';
import { codeFrequencies } from '../../../shared/analysis/frequencies';
import { cooccurrence } from '../../../shared/analysis/cooccurrence';
import { codeMatrix } from '../../../shared/analysis/matrix';
import { frameworkMatrix } from '../../../shared/analysis/framework';
import { analysisProject, TWO_INTERVIEWS, type ProjectSpec } from '../../../shared/analysis/fixtures/analysis-project';
import type { Summary } from '../../../shared/model/schema';

const spec: ProjectSpec = { ...TWO_INTERVIEWS, cases: { Zoe: { documents: ['Interview 1', 'Interview 2'] } } };
const state = analysisProject(spec);

describe('analysis views as tables', () => {
  it('frequencies: a row per code with all six figures, in the order shown', () => {
    const rows = codeFrequencies(state);
    expect(frequenciesTable(rows)).toEqual({
      name: 'Frequencies',
      header: ['Code', 'Codings', 'Documents', 'Characters', 'Codings with sub-codes', 'Documents with sub-codes', 'Characters with sub-codes'],
      rows: [
        ['Barriers', 2, 2, 22, 3, 2, 33],
        ['Barriers > Training', 1, 1, 12, 1, 1, 12],
        ['Delay', 2, 2, 24, 2, 2, 24],
      ],
    });
  });

  it('co-occurrence: the symmetric square of counts and one row per pair with its c-coefficient', () => {
    const [square, pairs] = cooccurrenceTables(cooccurrence(state));
    expect(square!.rows).toEqual([
      ['Barriers', 0, 1, 2],
      ['Barriers > Training', 1, 0, 1],
      ['Delay', 2, 1, 0],
    ]);
    // Barriers 0–10 meets Training 9–21 by one character: 1 / (2 + 1 − 1).
    expect(pairs!.rows).toEqual([
      ['Barriers', 'Barriers > Training', 1, 0.5],
      ['Barriers', 'Delay', 2, 1],
      ['Barriers > Training', 'Delay', 1, 0.5],
    ]);
    expect(formatCoefficient(null)).toBe('–');
    expect(formatCoefficient(1 / 3)).toBe('0.33');
  });

  it('matrix: one column per document under the chosen measure', () => {
    const m = codeMatrix(state, { columns: { kind: 'documents' } });
    expect(matrixTable(m, 'codings').rows).toEqual([
      ['Barriers', 1, 1],
      ['Barriers > Training', 1, 0],
      ['Delay', 1, 1],
    ]);
    expect(matrixTable(m, 'percent').rows[0]).toEqual(['Barriers', (100 * 10) / 43, 50]);
    expect(matrixTable(m, 'percent').name).toBe('Matrix - pct of column text');
  });

  it('framework: each code’s summary beside its number of codings', () => {
    const summary = { id: 's', row: { kind: 'case', id: 'Zoe' }, codeId: 'Delay', text: 'Waits everywhere.', coderId: 'ana', createdAt: 'x', modifiedAt: 'x' } as Summary;
    const m = frameworkMatrix({ ...state, summaries: new Map(), project: { name: 'P', description: '', createdAt: 'x', modifiedAt: 'x' } }, { rows: 'cases', codeIds: ['Barriers', 'Delay'] });
    expect(frameworkTable(m, (r, c) => (m.codes[c]!.codeId === 'Delay' ? summary : null))).toEqual({
      name: 'Framework',
      header: ['Case', 'Barriers', 'Barriers (codings)', 'Delay', 'Delay (codings)'],
      rows: [['Zoe', '', 2, 'Waits everywhere.', 2]],
    });
  });

  it('sorts numbers by size and names alphabetically, ties kept in their order', () => {
    const rows = [{ n: 2, s: 'b' }, { n: 1, s: 'c' }, { n: 2, s: 'a' }];
    expect(sortedBy(rows, (r) => r.n, 'descending').map((r) => r.s)).toEqual(['b', 'a', 'c']);
    expect(sortedBy(rows, (r) => r.n, 'ascending').map((r) => r.s)).toEqual(['c', 'b', 'a']);
    expect(sortedBy(rows, (r) => r.s, 'ascending').map((r) => r.s)).toEqual(['a', 'b', 'c']);
  });
});
