/** moveCodings: splitting a code by moving chosen codings to a new or existing code, in one undoable step. */
import { describe, expect, it } from 'vitest';
import { emptyProjectFile, stateFromFile, type ProjectState } from '../model/state';
import { planOp, type PlanContext } from './plan';
import { applyChecked } from './fixtures/apply-checked';
import type { OpRequest } from './requests';

const ana = { id: 'coder-ana', name: 'Ana', color: '#1f77b4' };

function context(): PlanContext {
  let n = 0;
  return { now: '2026-01-02T03:04:05.000Z', newId: () => `id-${String(++n).padStart(4, '0')}`, coder: ana };
}

/** Plans and applies a request through applyChecked (undo and redo checked byte for byte). */
function run(state: ProjectState, ctx: PlanContext, request: OpRequest) {
  return applyChecked(state, ctx, request);
}

function project() {
  const state = stateFromFile(emptyProjectFile('Study', '2026-01-01T00:00:00.000Z'));
  const ctx = context();
  const doc = run(state, ctx, { type: 'addDocuments', documents: [{ name: 'Interview', text: 'We never had training, and data sharing was slow.', source: null }] }).created.documentIds![0]!;
  const barriers = run(state, ctx, { type: 'createCode', name: 'Barriers' }).created.codeId!;
  const code = (start: number, end: number, codeId = barriers) => run(state, ctx, { type: 'applyCode', documentId: doc, start, end, codeId }).created.codingId!;
  return { state, ctx, doc, barriers, code };
}

describe('moving codings', () => {
  it('splits a code: the chosen codings move to a new sub-code, created in the same step', () => {
    const { state, ctx, barriers, code } = project();
    const training = code(13, 21);
    const data = code(27, 39);
    const planned = run(state, ctx, { type: 'moveCodings', codingIds: [training], newCodeName: 'Training', parentId: barriers });
    expect(planned.label).toBe('Move 1 coding to “Training”');
    const created = state.codes.get(planned.created.codeId!)!;
    expect(created).toMatchObject({ name: 'Training', parentId: barriers, codable: true });
    expect(state.codings.get(training)!.codeId).toBe(created.id);
    expect(state.codings.get(data)!.codeId).toBe(barriers);
    expect([...state.codingsByCode.get(created.id)!]).toEqual([training]);
  });

  it('drops a moved coding the target already has (same span, same coder), keeping its memos on the one that stays', () => {
    const { state, ctx, code } = project();
    const trust = run(state, ctx, { type: 'createCode', name: 'Trust' }).created.codeId!;
    const there = code(13, 21, trust);
    const moving = code(13, 21);
    const memo = run(state, ctx, { type: 'addMemo', target: { kind: 'coding', id: moving }, title: '', text: 'Keep me.' }).created.memoId!;
    run(state, ctx, { type: 'moveCodings', codingIds: [moving], codeId: trust });
    expect(state.codings.has(moving)).toBe(false);
    expect(state.memos.get(memo)!.target).toEqual({ kind: 'coding', id: there });
  });

  it('refuses what it cannot do, naming it', () => {
    const { state, ctx, barriers, code } = project();
    const c = code(0, 2);
    const refusal = (request: OpRequest) => {
      const planned = planOp(state, request, ctx);
      return planned.ok ? null : planned.error;
    };
    expect(refusal({ type: 'moveCodings', codingIds: ['nope'], codeId: barriers })).toBe('there is no coding with id nope');
    expect(refusal({ type: 'moveCodings', codingIds: [c], newCodeName: 'barriers' })).toBe('a code named “barriers” already exists there');
    expect(refusal({ type: 'moveCodings', codingIds: [c] })).toBe('name the code to move the codings to');
    expect(refusal({ type: 'moveCodings', codingIds: [c], codeId: 'missing' })).toBe('there is no code with id missing');
  });
});
