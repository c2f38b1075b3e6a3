/** Pasting a spreadsheet block into the variables table. */
import { describe, expect, it } from 'vitest';
import type { Variable } from '../../../shared/model/schema';
import { planPaste } from './paste';
import { parseTsv } from './tsv';

const variables: Variable[] = [
  { id: 'v1', name: 'Region', type: 'text', description: '', choices: ['North', 'South'] },
  { id: 'v2', name: 'Age', type: 'number', description: '' },
  { id: 'v3', name: 'Consent', type: 'boolean', description: '' },
];
const rows = [
  { id: 'd1', name: 'Interview 1' },
  { id: 'd2', name: 'Interview 2' },
  { id: 'd3', name: 'Interview 3' },
];

describe('planPaste', () => {
  it('fills the cells right of and below the active one, as one import of values', () => {
    const plan = planPaste('document', rows, variables, { row: 1, column: 1 }, parseTsv('41\tyes\r\n\tno\r\n'));
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.value.request).toEqual({ type: 'importValues', kind: 'document', variables: ['Age', 'Consent'], rows: [{ id: 'd2', line: 2, cells: ['41', 'yes'] }, { id: 'd3', line: 3, cells: ['', 'no'] }] });
    expect(plan.value.leftOut).toBe(0);
  });

  it('leaves out what falls beyond the table, and counts it', () => {
    const plan = planPaste('document', rows, variables, { row: 2, column: 2 }, parseTsv('yes\textra\nno\tmore\n'));
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.value.request.rows).toEqual([{ id: 'd3', line: 3, cells: ['yes'] }]);
    expect(plan.value.leftOut).toBe(3);
  });

  it('refuses the whole block when one cell does not fit, naming the row and the column', () => {
    const plan = planPaste('document', rows, variables, { row: 0, column: 0 }, parseTsv('North\t41\nWest\t40\n'));
    expect(plan.ok ? null : plan.error).toBe('Nothing was pasted: Interview 2, Region: "West" is not one of the choices (North, South).');
    const age = planPaste('document', rows, variables, { row: 0, column: 1 }, parseTsv('1,5'));
    expect(age.ok ? null : age.error).toBe('Nothing was pasted: Interview 1, Age: "1,5" is not a number such as 42 or 3.5.');
  });
});
