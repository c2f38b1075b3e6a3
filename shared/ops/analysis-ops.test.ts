/** The operations behind cases, variables and framework summaries: what they change, what they refuse, and that undo restores. */
import { describe, expect, it } from 'vitest';
import { emptyProjectFile, fileFromState, stateFromFile, type ProjectState } from '../model/state';
import { parseValue } from '../model/variable-values';
import { checkProject } from '../model/check-project';
import { planOp, type PlanContext } from './plan';
import { applyChecked } from './fixtures/apply-checked';
import type { OpRequest } from './requests';

const ana = { id: 'coder-ana', name: 'Ana', color: '#1f77b4' };
const ben = { id: 'coder-ben', name: 'Ben', color: '#ff7f0e' };

function context(coder = ana, now = '2026-01-02T03:04:05.000Z'): PlanContext {
  let n = 0;
  return { now, newId: () => `${coder.name.toLowerCase()}-${String(++n).padStart(4, '0')}`, coder };
}

/** Plans and applies a request through applyChecked (undo and redo checked byte for byte). */
function run(state: ProjectState, ctx: PlanContext, request: OpRequest) {
  return applyChecked(state, ctx, request);
}

const refusal = (state: ProjectState, request: OpRequest, ctx = context()) => {
  const planned = planOp(state, request, ctx);
  return planned.ok ? null : planned.error;
};

function project() {
  const state = stateFromFile(emptyProjectFile('Study', '2026-01-01T00:00:00.000Z'));
  const ctx = context();
  const { documentIds } = run(state, ctx, {
    type: 'addDocuments',
    documents: [
      { name: 'Interview 1', text: 'We never had training.', source: null },
      { name: 'Interview 2', text: 'Data sharing took weeks.', source: null },
    ],
  }).created;
  const trust = run(state, ctx, { type: 'createCode', name: 'Trust' }).created.codeId!;
  const barriers = run(state, ctx, { type: 'createCode', name: 'Barriers' }).created.codeId!;
  return { state, ctx, d1: documentIds![0]!, d2: documentIds![1]!, trust, barriers };
}

describe('variables', () => {
  it('creates a text variable by name on first use and sets, changes and clears a document value', () => {
    const { state, ctx, d1 } = project();
    const first = run(state, ctx, { type: 'setValue', target: { kind: 'document', id: d1 }, newVariableName: 'Region', value: 'North' });
    const variableId = first.created.variableId!;
    expect(state.variables.get(variableId)).toEqual({ id: variableId, name: 'Region', type: 'text', description: '' });
    expect(state.documents.get(d1)!.attributes).toEqual({ [variableId]: 'North' });
    expect(first.label).toBe('Set “Region” to North for “Interview 1”');
    // The same name again (any case) finds the variable instead of making a second.
    run(state, ctx, { type: 'setValue', target: { kind: 'document', id: d1 }, newVariableName: 'region', value: 'South' });
    expect(state.variables.size).toBe(1);
    expect(state.documents.get(d1)!.attributes).toEqual({ [variableId]: 'South' });
    run(state, ctx, { type: 'setValue', target: { kind: 'document', id: d1 }, variableId, value: null });
    expect(state.documents.get(d1)!.attributes).toEqual({});
  });

  it('refuses a value that does not fit the type, an unknown variable and a missing document', () => {
    const { state, ctx, d1 } = project();
    const { variableId } = run(state, ctx, { type: 'createVariable', name: 'Age', variableType: 'number' }).created;
    expect(refusal(state, { type: 'setValue', target: { kind: 'document', id: d1 }, variableId: variableId!, value: 'forty' })).toBe(
      '“Age” holds numbers: give it a number such as 42 or 3.5, not "forty"',
    );
    expect(refusal(state, { type: 'setValue', target: { kind: 'document', id: d1 }, variableId: 'nope', value: 1 })).toBe('there is no variable with id nope');
    expect(refusal(state, { type: 'setValue', target: { kind: 'case', id: 'nope' }, variableId: variableId!, value: 1 })).toBe('there is no case with id nope');
    expect(refusal(state, { type: 'createVariable', name: 'age', variableType: 'text' })).toBe('a variable named “age” already exists');
    run(state, ctx, { type: 'setValue', target: { kind: 'document', id: d1 }, variableId: variableId!, value: 42 });
    expect(state.documents.get(d1)!.attributes[variableId!]).toBe(42);
  });

  it('reads typed text the way a person writes it', () => {
    expect(parseValue('number', ' 3.5 ')).toEqual({ ok: true, value: 3.5 });
    expect(parseValue('number', '1,5').ok).toBe(false);
    expect(parseValue('boolean', 'Yes')).toEqual({ ok: true, value: true });
    expect(parseValue('boolean', 'maybe')).toEqual({ ok: false, error: '"maybe" is not yes or no' });
    expect(parseValue('date', '2026-02-28')).toEqual({ ok: true, value: '2026-02-28' });
    expect(parseValue('date', '2026-02-30').ok).toBe(false);
    expect(parseValue('text', '')).toEqual({ ok: true, value: null });
  });
});

describe('cases', () => {
  it('creates a case with documents and adds more, each document once', () => {
    const { state, ctx, d1, d2 } = project();
    const created = run(state, ctx, { type: 'createCase', name: 'Person 1', documentIds: [d1, d1] });
    const caseId = created.created.caseId!;
    expect(state.cases.get(caseId)).toEqual({ id: caseId, name: 'Person 1', description: '', documentIds: [d1], values: {} });
    const added = run(state, ctx, { type: 'addToCase', caseId, documentIds: [d1, d2] });
    expect(added.label).toBe('Add 1 document to case “Person 1”');
    expect(state.cases.get(caseId)!.documentIds).toEqual([d1, d2]);
    expect(run(state, ctx, { type: 'addToCase', caseId, documentIds: [d2] }).change.patches).toEqual([]);
    expect(refusal(state, { type: 'createCase', name: 'person 1', documentIds: [] })).toBe('a case named “person 1” already exists');
    expect(refusal(state, { type: 'addToCase', caseId, documentIds: ['gone'] })).toBe('there is no document with id gone');
  });
});

describe('framework summaries', () => {
  it('writes, rewrites and clears one summary per cell, keeping who wrote last', () => {
    const { state, ctx, d1, trust } = project();
    const caseId = run(state, ctx, { type: 'createCase', name: 'P1', documentIds: [d1] }).created.caseId!;
    const row = { kind: 'case' as const, id: caseId };
    const written = run(state, ctx, { type: 'setSummary', row, codeId: trust, text: 'Distrusts the council.' });
    expect(written.label).toBe('Write summary of “P1” × “Trust”');
    const id = written.created.summaryId!;
    expect(state.summaries.get(id)).toMatchObject({ row, codeId: trust, text: 'Distrusts the council.', coderId: 'coder-ana' });

    const later = context(ben, '2026-02-01T00:00:00.000Z');
    const edited = run(state, later, { type: 'setSummary', row, codeId: trust, text: 'Distrusts the council; trusts nurses.' });
    expect(edited.created.summaryId).toBe(id);
    expect(state.summaries.size).toBe(1);
    expect(state.summaries.get(id)).toMatchObject({ text: 'Distrusts the council; trusts nurses.', coderId: 'coder-ben', createdAt: '2026-01-02T03:04:05.000Z', modifiedAt: '2026-02-01T00:00:00.000Z' });
    expect(state.coders.has('coder-ben')).toBe(true);

    run(state, ctx, { type: 'setSummary', row, codeId: trust, text: '  \n' });
    expect(state.summaries.size).toBe(0);
    expect(refusal(state, { type: 'setSummary', row: { kind: 'document', id: 'gone' }, codeId: trust, text: 'x' })).toBe('there is no document with id gone');
    expect(refusal(state, { type: 'setSummary', row, codeId: 'gone', text: 'x' })).toBe('there is no code with id gone');
  });

  it('go with a deleted document or code, and move with merged codes without losing words', () => {
    const { state, ctx, d1, d2, trust, barriers } = project();
    run(state, ctx, { type: 'setSummary', row: { kind: 'document', id: d1 }, codeId: trust, text: 'T1' });
    run(state, ctx, { type: 'setSummary', row: { kind: 'document', id: d1 }, codeId: barriers, text: 'B1' });
    run(state, ctx, { type: 'setSummary', row: { kind: 'document', id: d2 }, codeId: barriers, text: 'B2' });
    run(state, ctx, { type: 'mergeCodes', sourceId: barriers, targetId: trust });
    const texts = () => [...state.summaries.values()].map((s) => `${s.row.id}:${s.codeId}:${s.text}`).sort();
    expect(texts()).toEqual([`${d1}:${trust}:T1\n\nB1`, `${d2}:${trust}:B2`]);
    run(state, ctx, { type: 'deleteDocument', documentId: d2 });
    expect(texts()).toEqual([`${d1}:${trust}:T1\n\nB1`]);
    run(state, ctx, { type: 'deleteCode', codeId: trust });
    expect(state.summaries.size).toBe(0);
  });

  it('the project check reports a summary whose row is gone or repeated, and Repair makes an orphan a memo on the project', () => {
    const { state, ctx, d1, trust } = project();
    run(state, ctx, { type: 'setSummary', row: { kind: 'document', id: d1 }, codeId: trust, text: 'first' });
    // What only a hand edit makes: a summary on a case that is not there, and a second one on a cell.
    const file = fileFromState(state);
    const base = file.summaries[0]!;
    file.summaries.push({ ...base, id: 'orphan', row: { kind: 'case', id: 'case-x' }, text: 'kept words' }, { ...base, id: 'twice', text: 'second' });
    const check = checkProject(file);
    expect(check.problems.map((p) => [p.kind, p.id, p.repair !== null])).toEqual([
      ['summary-target-missing', 'orphan', true],
      ['summary-repeated', 'twice', false],
    ]);
    expect(check.problems[0]!.message).toBe('Summary “kept words” is on case case-x, which is not in the project, so it is shown nowhere.');

    const broken = stateFromFile(file);
    const repaired = run(broken, ctx, { type: 'repairProject' });
    expect(repaired.label).toBe('Repair 1 problem');
    expect(broken.summaries.has('orphan')).toBe(false);
    expect(broken.memos.get('memo-from-summary-orphan')).toMatchObject({ target: { kind: 'project' }, text: 'kept words', coderId: 'coder-ana' });
    expect(checkProject(fileFromState(broken)).problems.map((p) => p.kind)).toEqual(['summary-repeated']);
  });
});
