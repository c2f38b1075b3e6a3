/** Changing variables, cases and sets: each one undoable step, refused when a value would no longer fit. */
import { describe, expect, it } from 'vitest';
import { applyChange, fileFromState, invertChange, stateFromFile } from '../model/state';
import { serializeProject } from '../model/serialize';
import { analysisFile } from '../analysis/fixtures/analysis-project';
import { planOp, type PlanContext } from './plan';
import type { OpRequest } from './requests';

const ctx = (): PlanContext => {
  let n = 0;
  return { now: '2026-01-02T03:04:05.000Z', newId: () => `new-${++n}`, coder: { id: 'ana', name: 'ana', color: '#000000' } };
};

function project() {
  return stateFromFile(
    analysisFile({
      documents: { 'Interview 1': 'a', 'Interview 2': 'b' },
      codes: { Trust: null },
      codings: [],
      variables: { Age: 'number', Region: 'text' },
      attributes: { 'Interview 1': { Age: 41, Region: 'North' } },
      cases: { Ana: { documents: ['Interview 1', 'Interview 2'], values: { Region: 'South' } } },
    }),
  );
}

/** Plans and applies `request`, checks that undoing it gives the project back, and returns the state after. */
function runUndone(request: OpRequest) {
  const state = project();
  const before = serializeProject(fileFromState(state));
  const planned = planOp(state, request, ctx());
  if (!planned.ok) throw new Error(planned.error);
  const inverse = invertChange(state, planned.value.change);
  applyChange(state, planned.value.change);
  const after = serializeProject(fileFromState(state));
  applyChange(state, inverse);
  expect(serializeProject(fileFromState(state))).toBe(before);
  return { state: stateFromFile(JSON.parse(after)), label: planned.value.label };
}

const refusal = (request: OpRequest) => {
  const planned = planOp(project(), request, ctx());
  return planned.ok ? null : planned.error;
};

describe('editing variables', () => {
  it('renames a variable, refusing a name another variable has', () => {
    const { state, label } = runUndone({ type: 'editVariable', variableId: 'Age', name: 'Age at interview' });
    expect(state.variables.get('Age')!.name).toBe('Age at interview');
    expect(label).toBe('Rename variable “Age” to “Age at interview”');
    expect(refusal({ type: 'editVariable', variableId: 'Age', name: 'region' })).toBe('a variable named “region” already exists');
  });

  it('gives a text variable a list of choices only when every value is one of them, naming the one that is not', () => {
    expect(refusal({ type: 'editVariable', variableId: 'Region', choices: ['North', 'East'] })).toBe('case Ana has “South” for “Region”, which is not one of North, East; change or clear that value first');
    const { state } = runUndone({ type: 'editVariable', variableId: 'Region', choices: ['North', ' South ', '', 'North'] });
    expect(state.variables.get('Region')!.choices).toEqual(['North', 'South']);
  });

  it('refuses a value outside the choices, and reads an import cell as the choice whatever its case', () => {
    const state = project();
    const edit = planOp(state, { type: 'editVariable', variableId: 'Region', choices: ['North', 'South'] }, ctx());
    if (!edit.ok) throw new Error(edit.error);
    applyChange(state, edit.value.change);
    const bad = planOp(state, { type: 'setValue', target: { kind: 'document', id: 'Interview 2' }, variableId: 'Region', value: 'West' }, ctx());
    expect(bad.ok ? null : bad.error).toBe('“Region” takes one of North, South, not "West"');
    const imported = planOp(state, { type: 'importValues', kind: 'document', variables: ['Region'], rows: [{ id: 'Interview 2', line: 2, cells: ['south'] }] }, ctx());
    if (!imported.ok) throw new Error(imported.error);
    applyChange(state, imported.value.change);
    expect(state.documents.get('Interview 2')!.attributes).toEqual({ Region: 'South' });
  });

  it('changes a type only when the values fit the new one', () => {
    expect(refusal({ type: 'editVariable', variableId: 'Region', variableType: 'number' })).toBe('Interview 1 has “North” for “Region”, which is not a number such as 42 or 3.5; change or clear that value first');
    expect(refusal({ type: 'editVariable', variableId: 'Age', variableType: 'text' })).toBe('Interview 1 has “41” for “Age”, which is not any text; change or clear that value first');
    const { state } = runUndone({ type: 'deleteVariable', variableId: 'Age' });
    const retype = planOp(state, { type: 'editVariable', variableId: 'Region', variableType: 'text', choices: null }, ctx());
    expect(retype.ok).toBe(true);
  });

  it('deletes a variable with every value of it', () => {
    const { state } = runUndone({ type: 'deleteVariable', variableId: 'Region' });
    expect(state.variables.has('Region')).toBe(false);
    expect(state.documents.get('Interview 1')!.attributes).toEqual({ Age: 41 });
    expect(state.cases.get('Ana')!.values).toEqual({});
  });
});

describe('cases and sets', () => {
  it('renames a case, takes documents out of it and deletes it, leaving the documents', () => {
    expect(runUndone({ type: 'renameCase', caseId: 'Ana', name: 'Ana B.' }).state.cases.get('Ana')!.name).toBe('Ana B.');
    expect(runUndone({ type: 'removeFromCase', caseId: 'Ana', documentIds: ['Interview 1'] }).state.cases.get('Ana')!.documentIds).toEqual(['Interview 2']);
    const deleted = runUndone({ type: 'deleteCase', caseId: 'Ana' }).state;
    expect(deleted.cases.size).toBe(0);
    expect(deleted.documents.size).toBe(2);
  });

  it('makes a set of documents, changes its members and deletes it; a missing member is refused', () => {
    const made = runUndone({ type: 'createSet', name: 'Pilot', kind: 'documents', memberIds: ['Interview 1', 'Interview 1'] }).state;
    expect([...made.sets.values()]).toEqual([{ id: 'new-1', name: 'Pilot', description: '', kind: 'documents', memberIds: ['Interview 1'] }]);
    expect(refusal({ type: 'createSet', name: 'Codes', kind: 'codes', memberIds: ['Interview 1'] })).toBe('there is no code with id Interview 1');
    const state = project();
    const create = planOp(state, { type: 'createSet', name: 'Pilot', kind: 'documents', memberIds: ['Interview 1'] }, ctx());
    if (!create.ok) throw new Error(create.error);
    applyChange(state, create.value.change);
    const edit = planOp(state, { type: 'editSet', setId: 'new-1', add: ['Interview 2'], remove: ['Interview 1'] }, ctx());
    if (!edit.ok) throw new Error(edit.error);
    applyChange(state, edit.value.change);
    expect(state.sets.get('new-1')!.memberIds).toEqual(['Interview 2']);
    const del = planOp(state, { type: 'deleteSet', setId: 'new-1' }, ctx());
    if (!del.ok) throw new Error(del.error);
    applyChange(state, del.value.change);
    expect(state.sets.size).toBe(0);
  });
});
