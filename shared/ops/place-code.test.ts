import { describe, expect, it } from 'vitest';
import { codeTree } from '../model/codes';
import { applyChange } from '../model/state';
import type { ProjectState } from '../model/state';
import { stateWith } from '../analysis/fixtures/project';
import { planOp, type PlanContext } from './plan';
import type { OpRequest } from './requests';

const ctx: PlanContext = { now: '2026-01-01T00:00:00.000Z', newId: () => 'new', coder: { id: 'u', name: 'Ana', color: '#000000' } };

function tree(state: ProjectState): string[] {
  return codeTree(state.codes.values()).map(({ code, depth }) => `${'  '.repeat(depth)}${code.name}`);
}

function apply(state: ProjectState, request: OpRequest): string | null {
  const planned = planOp(state, request, ctx);
  if (!planned.ok) return planned.error;
  applyChange(state, planned.value.change);
  return null;
}

describe('placeCode', () => {
  const start = () => stateWith([{ id: 'd', text: 'x' }], { a: 'Alpha', b: 'Beta', c: 'Gamma', k: ['Kid', 'a'] });

  it('reorders siblings, and the order holds after a rename', () => {
    const state = start();
    expect(tree(state)).toEqual(['Alpha', '  Kid', 'Beta', 'Gamma']);
    expect(apply(state, { type: 'placeCode', codeId: 'c', parentId: null, index: 0 })).toBeNull();
    expect(tree(state)).toEqual(['Gamma', 'Alpha', '  Kid', 'Beta']);
    expect(apply(state, { type: 'renameCode', codeId: 'b', name: 'Aardvark' })).toBeNull();
    expect(tree(state)).toEqual(['Gamma', 'Alpha', '  Kid', 'Aardvark']);
  });

  it('moves a code under another parent at a place, in one step', () => {
    const state = start();
    expect(apply(state, { type: 'placeCode', codeId: 'c', parentId: 'a', index: 0 })).toBeNull();
    expect(tree(state)).toEqual(['Alpha', '  Gamma', '  Kid', 'Beta']);
    expect(apply(state, { type: 'placeCode', codeId: 'b', parentId: 'a', index: 99 })).toBeNull();
    expect(tree(state)).toEqual(['Alpha', '  Gamma', '  Kid', '  Beta']);
  });

  it('refuses a cycle and a name its new siblings already have', () => {
    const state = start();
    expect(apply(state, { type: 'placeCode', codeId: 'a', parentId: 'k', index: 0 })).toMatch(/cannot be moved under itself/);
    apply(state, { type: 'createCode', name: 'Kid' });
    expect(apply(state, { type: 'placeCode', codeId: 'k', parentId: null, index: 0 })).toMatch(/already exists there/);
  });

  it('changes nothing when a code is put where it already is', () => {
    const state = start();
    apply(state, { type: 'placeCode', codeId: 'b', parentId: null, index: 1 });
    const again = planOp(state, { type: 'placeCode', codeId: 'b', parentId: null, index: 1 }, ctx);
    expect(again.ok && again.value.change.patches).toEqual([]);
  });
});
