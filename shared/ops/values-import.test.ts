/** Values from a spreadsheet: read, previewed and imported in one undoable step, or refused whole. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyChange, fileFromState, invertChange, stateFromFile } from '../model/state';
import { serializeProject } from '../model/serialize';
import { analysisFile } from '../analysis/fixtures/analysis-project';
import { planOp, type PlanContext } from './plan';
import { previewValuesImport, readValuesCsv } from './values-import';

const ctx = (): PlanContext => {
  let n = 0;
  return { now: '2026-01-02T03:04:05.000Z', newId: () => `new-${++n}`, coder: { id: 'ana', name: 'ana', color: '#000000' } };
};

function project() {
  return stateFromFile(
    analysisFile({
      documents: { 'Interview 1': 'a', 'Interview 2': 'b', Notes: 'c' },
      codes: {},
      codings: [],
      variables: { Age: 'number' },
      attributes: { Notes: { Age: 50 } },
      cases: { Ana: { documents: ['Interview 1'] } },
    }),
  );
}

const read = (text: string) => {
  const r = readValuesCsv(text, 'values.csv');
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('importing values from a CSV', () => {
  it('sets typed values, creates text variables, clears emptied cells, and lists rows it cannot place', () => {
    const state = project();
    const before = serializeProject(fileFromState(state));
    const table = read('\ufeffdocument,Age,Region\r\nInterview 1,41,North\r\ninterview 2,,"South, coast"\r\nNotes,,\r\nGhost,3,X\r\n');
    const preview = previewValuesImport(state, table);
    expect(preview.unknown).toEqual([{ line: 5, name: 'Ghost' }]);
    expect(preview.newVariables).toEqual(['Region']);
    const planned = planOp(state, preview.request, ctx());
    if (!planned.ok) throw new Error(planned.error);
    // Notes loses its Age (the cell was emptied); Interview 2 had none, so that cell changes nothing.
    expect(planned.value.label).toBe('Import 4 values for 3 documents');
    const inverse = invertChange(state, planned.value.change);
    applyChange(state, planned.value.change);
    const region = [...state.variables.values()].find((v) => v.name === 'Region')!;
    expect(region.type).toBe('text');
    expect(state.documents.get('Interview 1')!.attributes).toEqual({ Age: 41, [region.id]: 'North' });
    expect(state.documents.get('Interview 2')!.attributes).toEqual({ [region.id]: 'South, coast' });
    expect(state.documents.get('Notes')!.attributes).toEqual({});
    applyChange(state, inverse);
    expect(serializeProject(fileFromState(state))).toBe(before);
  });

  it('refuses the whole import at the first cell that does not fit, naming row and column', () => {
    const state = project();
    const preview = previewValuesImport(state, read('document;Age\nInterview 1;41\nInterview 2;forty\n'));
    expect(preview.warnings).toEqual(['Fields are separated by semicolons, not commas; read that way.']);
    const planned = planOp(state, preview.request, ctx());
    expect(planned.ok ? null : planned.error).toBe('row 3, column “Age”: "forty" is not a number such as 42 or 3.5; nothing was imported');
  });

  it('imports case values with a "case" column, and reads back what Gloss would write', () => {
    const state = project();
    const planned = planOp(state, previewValuesImport(state, read("case,'=Score\nana,=2+3\n")).request, ctx());
    if (!planned.ok) throw new Error(planned.error);
    applyChange(state, planned.value.change);
    // The ' Gloss's CSV export puts before a formula character is taken off the header; a cell's text is kept.
    expect(state.variables.get('new-1')!.name).toBe('=Score');
    expect(state.cases.get('Ana')!.values).toEqual({ 'new-1': '=2+3' });
  });

  it('says plainly what is wrong with a file it cannot read', () => {
    const refusal = (text: string) => {
      const r = readValuesCsv(text, 'v.csv');
      return r.ok ? null : r.error;
    };
    expect(refusal('')).toBe('v.csv: it is empty; nothing was imported.');
    expect(refusal('name,Age\nx,1')).toBe('v.csv: its first column must be "document" or "case" (then one column per variable), not "name"; nothing was imported.');
    expect(refusal('document,Age,age\n')).toBe('v.csv: the variable “age” has two columns; nothing was imported.');
    expect(refusal('document\nx\n')).toBe('v.csv: it has no variable columns after the first; nothing was imported.');
    expect(refusal('document,Age\n"x,1\n')).toMatch(/^v\.csv: it is not valid CSV \(line 2: a quoted field is never closed\)/);
  });

  it('never throws on any text: a table, or a refusal naming the file', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('document', 'case', ',', ';', '"', '\n', '\r', 'a', ' ', '=', '1') }), (text) => {
        const r = readValuesCsv(text, 'v.csv');
        if (!r.ok) expect(r.error.startsWith('v.csv: ')).toBe(true);
        else {
          const planned = planOp(project(), previewValuesImport(project(), r.value).request, ctx());
          expect(typeof planned.ok).toBe('boolean');
        }
      }),
      { numRuns: 300 },
    );
  });
});
