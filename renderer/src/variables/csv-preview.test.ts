/** The preview of a values CSV: the same changes the import then makes, or the cell that refuses it. */
import { describe, expect, it } from 'vitest';
import { applyChange, stateFromFile } from '../../../shared/model/state';
import { analysisFile } from '../../../shared/analysis/fixtures/analysis-project';
import { planOp } from '../../../shared/ops/plan';
import { previewValuesImport, readValuesCsv } from '../../../shared/ops/values-import';
import { previewChanges } from './csv-preview';

const project = () =>
  stateFromFile(
    analysisFile({
      documents: { 'Interview 1': 'a', 'Interview 2': 'b' },
      codes: {},
      codings: [],
      variables: { Age: 'number' },
      attributes: { 'Interview 1': { Age: 41 }, 'Interview 2': { Age: 30 } },
    }),
  );

const preview = (csv: string) => {
  const state = project();
  const table = readValuesCsv(csv, 'values.csv');
  if (!table.ok) throw new Error(table.error);
  return { state, preview: previewValuesImport(state, table.value) };
};

describe('previewChanges', () => {
  it('lists each value that would be set, changed or cleared, and nothing unchanged', () => {
    const { state, preview: p } = preview('document,Age,Region\nInterview 1,41,North\nInterview 2,,\nNobody,1,x\n');
    const shown = previewChanges(state, p);
    expect(shown).toEqual({
      refusal: null,
      changes: [
        { name: 'Interview 1', variable: 'Region', before: null, after: 'North' },
        { name: 'Interview 2', variable: 'Age', before: 30, after: null },
      ],
    });
    expect(p.unknown).toEqual([{ line: 4, name: 'Nobody' }]);
    // The import does exactly what the preview showed.
    const planned = planOp(state, p.request, { now: '2026-01-01T00:00:00.000Z', newId: () => 'region', coder: { id: 'a', name: 'a', color: '#000000' } });
    if (!planned.ok) throw new Error(planned.error);
    expect(planned.value.label).toBe('Import 2 values for 2 documents');
    applyChange(state, planned.value.change);
    expect(state.documents.get('Interview 1')!.attributes).toEqual({ Age: 41, region: 'North' });
    expect(state.documents.get('Interview 2')!.attributes).toEqual({});
  });

  it('names the row and column of a cell that does not fit, as the import would refuse it', () => {
    const { state, preview: p } = preview('document,Age\nInterview 1,forty\n');
    expect(previewChanges(state, p).refusal).toBe('Row 2, column “Age”: "forty" is not a number such as 42 or 3.5. Correct it in the file and choose it again; nothing will be imported until then.');
    const planned = planOp(state, p.request, { now: '2026-01-01T00:00:00.000Z', newId: () => 'x', coder: { id: 'a', name: 'a', color: '#000000' } });
    expect(planned.ok).toBe(false);
  });
});

describe('previewChanges against the import (property)', () => {
  const RUNS = Number(process.env.GLOSS_PROPERTY_RUNS ?? 100);
  it('shows exactly the values the import sets, or refuses exactly when the import does', async () => {
    const fc = (await import('fast-check')).default;
    const cellText = fc.oneof(fc.constantFrom('', ' ', '41', '3.5', '1,5', 'North', 'yes', 'x'), fc.string({ maxLength: 4 }));
    const csvCell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    const rows = fc.array(fc.tuple(fc.constantFrom('Interview 1', 'Interview 2', 'interview 2', 'Nobody'), cellText, cellText), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(rows, (cells) => {
        const csv = ['document,Age,Region', ...cells.map((r) => r.map(csvCell).join(','))].join('\n');
        const state = project();
        const table = readValuesCsv(csv, 'values.csv');
        if (!table.ok) return;
        const p = previewValuesImport(state, table.value);
        const shown = previewChanges(state, p);
        const planned = planOp(state, p.request, { now: '2026-01-01T00:00:00.000Z', newId: () => 'region', coder: { id: 'a', name: 'a', color: '#000000' } });
        expect(planned.ok).toBe(shown.refusal === null);
        if (!planned.ok) return;
        const n = shown.changes.length;
        expect(planned.value.label.startsWith(`Import ${n === 1 ? '1 value' : `${n} values`} for`)).toBe(true);
        applyChange(state, planned.value.change);
        // The last change shown for each cell is what the project holds after the import.
        const last = new Map(shown.changes.map((c) => [`${c.name}|${c.variable}`, c.after]));
        for (const [key, after] of last) {
          const [name, variable] = key.split('|') as [string, string];
          const doc = [...state.documents.values()].find((d) => d.name === name)!;
          const id = variable === 'Age' ? 'Age' : 'region';
          expect(Object.hasOwn(doc.attributes, id) ? doc.attributes[id] : null).toBe(after);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
