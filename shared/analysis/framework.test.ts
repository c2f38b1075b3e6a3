import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { frameworkCellCodings, frameworkMarkdown, frameworkMatrix } from './framework';
import { analysisFile, analysisProject, type ProjectSpec } from './fixtures/analysis-project';
import { arbitraryProject } from './fixtures/arbitrary-project';
import { stateFromFile } from '../model/state';
import type { Summary } from '../model/schema';

/** Short runs in the normal suite; a long one: GLOSS_PROPERTY_RUNS=20000 npx vitest run --test-timeout=0 shared/analysis */
const runs = (short: number) => Number(process.env.GLOSS_PROPERTY_RUNS) || short;

const spec: ProjectSpec = {
  documents: { d1: 'We never had training.', d2: 'Data sharing took weeks.', d3: 'Nothing.' },
  codes: { Barriers: null, Training: 'Barriers', Trust: null },
  codings: [
    ['d1', 'Training', 13, 21],
    ['d1', 'Barriers', 0, 2, 'ben'],
    ['d2', 'Barriers', 0, 12],
  ],
  cases: { Bo: { documents: ['d2'] }, Ana: { documents: ['d1', 'd3'] }, Cy: { documents: [] } },
};

const summary = (id: string, row: Summary['row'], codeId: string, text: string, modifiedAt = '2026-01-02T00:00:00.000Z'): Summary => ({ id, row, codeId, text, coderId: 'ana', createdAt: modifiedAt, modifiedAt });

function project(summaries: Summary[] = []) {
  const file = analysisFile(spec);
  file.summaries = summaries;
  return stateFromFile(file);
}

describe('the framework matrix', () => {
  it('puts the summary of each cell beside the codings behind it, cases by name', () => {
    const state = project([summary('s1', { kind: 'case', id: 'Ana' }, 'Barriers', 'Never trained.'), summary('s2', { kind: 'case', id: 'Cy' }, 'Trust', 'Wary.')]);
    const m = frameworkMatrix(state, { rows: 'cases', codeIds: ['Barriers', 'Trust'] });
    // Cy has no documents, but its summary keeps it in the matrix.
    expect(m.rows.map((r) => [r.name, r.documentIds])).toEqual([['Ana', ['d1', 'd3']], ['Bo', ['d2']], ['Cy', []]]);
    expect(m.codes.map((c) => c.codePath)).toEqual(['Barriers', 'Trust']);
    expect(m.cells.map((row) => row.map((c) => [c.summary?.text ?? null, c.codings]))).toEqual([
      [['Never trained.', 1], [null, 0]],
      [[null, 1], [null, 0]],
      [[null, 0], ['Wary.', 0]],
    ]);
    expect(frameworkMatrix(state, { rows: 'cases', codeIds: ['Barriers'], withSubcodes: true }).cells[0]![0]!.codings).toBe(2);
    expect(frameworkMatrix(state, { rows: 'cases', codeIds: ['Barriers'] }, { coderIds: ['ben'] }).cells[0]![0]!.codings).toBe(1);
  });

  it('has documents as rows when asked, and opens a cell\'s codings', () => {
    const state = project([summary('s1', { kind: 'document', id: 'd2' }, 'Barriers', 'Slow.')]);
    const m = frameworkMatrix(state, { rows: 'documents' });
    expect(m.rows.map((r) => r.name)).toEqual(['d1', 'd2', 'd3']);
    expect(m.codes.map((c) => c.codePath)).toEqual(['Barriers', 'Barriers > Training', 'Trust']);
    expect(m.cells[1]![0]).toMatchObject({ summary: { text: 'Slow.' }, codings: 1 });
    expect(frameworkCellCodings(state, m.rows[0]!, 'Barriers', true).map((c) => c.codeId)).toEqual(['Barriers', 'Training']);
  });

  it('writes Markdown: a section per row and code, with the summary and its count', () => {
    const state = project([summary('s1', { kind: 'case', id: 'Ana' }, 'Barriers', 'Never *really* trained.\n')]);
    const md = frameworkMarkdown(state, frameworkMatrix(state, { rows: 'cases', codeIds: ['Training'] }, { caseIds: ['Ana'] }));
    expect(md).toBe(['# Framework matrix: Analysis', '', '## Ana', '', '### Barriers > Training', '', '_No summary yet._', '', '_1 coding._', ''].join('\n'));
    const all = frameworkMarkdown(state, frameworkMatrix(state, { rows: 'cases', codeIds: ['Barriers'] }));
    expect(all).toContain('### Barriers\n\nNever *really* trained.\n\n_1 coding._');
  });

  it('counts, cell by cell, what opens behind it', () => {
    fc.assert(
      fc.property(arbitraryProject, fc.boolean(), fc.constantFrom('cases' as const, 'documents' as const), (s, withSubcodes, rows) => {
        const state = analysisProject(s);
        const m = frameworkMatrix(state, { rows, withSubcodes });
        m.rows.forEach((row, r) => m.codes.forEach((code, c) => expect(frameworkCellCodings(state, row, code.codeId, withSubcodes)).toHaveLength(m.cells[r]![c]!.codings)));
      }),
      { numRuns: runs(100) },
    );
  });
});
