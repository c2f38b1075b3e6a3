import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyProjectFile, fileFromState, stateFromFile, type ProjectState } from '../../../shared/model/state';
import { planOp } from '../../../shared/ops/plan';
import type { OpRequest } from '../../../shared/ops/requests';
import { History } from './history';

const coder = { id: 'c-1', name: 'Ana', color: '#1f77b4' };

function fresh(): ProjectState {
  return stateFromFile(emptyProjectFile('Study', '2024-01-01T00:00:00.000Z'));
}

let ids = 0;
/** Plans `request` against `state` and commits it; the planned label, or null when planOp refused. */
function commit(history: History, state: ProjectState, request: OpRequest): string | null {
  const planned = planOp(state, request, { now: '2024-01-02T00:00:00.000Z', newId: () => `id-${++ids}`, coder });
  if (!planned.ok) return null;
  history.commit(planned.value.label, planned.value.change);
  return planned.value.label;
}

describe('History', () => {
  it('applies a step, undoes it back to the state before, and redoes it', () => {
    const state = fresh();
    const history = new History(state);
    expect(history.info()).toEqual({ undo: null, redo: null });
    const label = commit(history, state, { type: 'createCode', name: 'Trust' });
    expect(label).toBe('Create code “Trust”');
    expect([...state.codes.values()].map((c) => c.name)).toEqual(['Trust']);
    expect(history.info()).toEqual({ undo: label, redo: null });

    const undone = history.undo();
    expect(undone?.label).toBe(label);
    expect(undone?.change.patches).toEqual([{ table: 'codes', op: 'del', id: expect.any(String) }]);
    expect(state.codes.size).toBe(0);
    expect(history.info()).toEqual({ undo: null, redo: label });

    expect(history.redo()?.label).toBe(label);
    expect([...state.codes.values()].map((c) => c.name)).toEqual(['Trust']);
    expect(history.undo()).not.toBeNull();
    expect(history.undo()).toBeNull();
  });

  it('forgets what could be redone once a new step is taken', () => {
    const state = fresh();
    const history = new History(state);
    commit(history, state, { type: 'createCode', name: 'A' });
    history.undo();
    commit(history, state, { type: 'createCode', name: 'B' });
    expect(history.info().redo).toBeNull();
    expect(history.redo()).toBeNull();
    expect([...state.codes.values()].map((c) => c.name)).toEqual(['B']);
  });

  it('records nothing for a change without patches', () => {
    const state = fresh();
    const history = new History(state);
    expect(history.commit('Nothing', { patches: [] })).toBe(false);
    expect(history.info()).toEqual({ undo: null, redo: null });
  });

  it('undoing every step of any sequence restores the project, and redoing them all restores the result', () => {
    const name = fc.constantFrom('Trust', 'Risk', 'Delay', 'Data sharing', 'trust');
    type MakeOp = (state: ProjectState) => OpRequest | null;
    const someCode = (state: ProjectState, i: number) => {
      const codes = [...state.codes.keys()];
      return codes.length === 0 ? null : codes[i % codes.length]!;
    };
    const request = fc.oneof(
      name.map((n): MakeOp => () => ({ type: 'createCode', name: n })),
      fc.tuple(fc.nat(), name).map(([i, n]): MakeOp => (state) => {
        const codeId = someCode(state, i);
        return codeId === null ? null : { type: 'renameCode', codeId, name: n };
      }),
      fc.nat().map((i): MakeOp => (state) => {
        const codeId = someCode(state, i);
        return codeId === null ? null : { type: 'deleteCode', codeId };
      }),
      name.map((n): MakeOp => () => ({ type: 'renameProject', name: n })),
    );
    fc.assert(
      fc.property(fc.array(request, { maxLength: 25 }), (steps) => {
        const state = fresh();
        const history = new History(state);
        const before = JSON.stringify(fileFromState(state));
        let taken = 0;
        for (const make of steps) {
          const op = make(state);
          if (op && commit(history, state, op) !== null) taken++;
        }
        const after = JSON.stringify(fileFromState(state));
        let undone = 0;
        while (history.undo()) undone++;
        // Steps that changed nothing (a rename to the same name) are not recorded.
        expect(undone).toBeLessThanOrEqual(taken);
        expect(JSON.stringify(fileFromState(state))).toBe(before);
        while (history.redo()) undone--;
        expect(undone).toBe(0);
        expect(JSON.stringify(fileFromState(state))).toBe(after);
      }),
      { numRuns: Number(process.env.GLOSS_FUZZ_RUNS ?? 100) },
    );
  });
});
