import { describe, expect, it } from 'vitest';
import { applyChange, fileFromState, invertChange } from '../model/state';
import { projectFileSchema, type Coding } from '../model/schema';
import { stateWith } from '../analysis/fixtures/project';
import { buildSuggestionIndex, suggestFor } from '../analysis/suggest';
import { planOp, type PlanContext } from './plan';
import { opRequestSchema } from './requests';

const ctx: PlanContext = { now: '2025-01-01T00:00:00.000Z', newId: () => 'new', coder: { id: 'u', name: 'Ana', color: '#000000' } };
const TEXT = 'We had no training. The food was fine. Training came late.';

function setup() {
  return stateWith([{ id: 'd', text: TEXT }], { gaps: 'gaps' }, [{ id: 'k', documentId: 'd', codeId: 'gaps', start: 0, end: 19 }]);
}

function run(state: ReturnType<typeof setup>, request: unknown) {
  const planned = planOp(state, opRequestSchema.parse(request), ctx);
  if (!planned.ok) throw new Error(planned.error);
  const inverse = invertChange(state, planned.value.change);
  applyChange(state, planned.value.change);
  return { planned: planned.value, inverse };
}

describe('accepting and dismissing suggestions', () => {
  it('accept codes the passage as the coder and records the suggestion; undo takes it back', () => {
    const state = setup();
    const before = JSON.stringify(fileFromState(state));
    const [top] = suggestFor(state, buildSuggestionIndex(state, 'sentence'), 'gaps');
    expect(TEXT.slice(top!.start, top!.end)).toBe('Training came late.');
    const { planned, inverse } = run(state, { type: 'acceptSuggestion', codeId: 'gaps', documentId: 'd', start: top!.start, end: top!.end, score: top!.score });
    const coding = state.codings.get(planned.created.codingId!) as Coding;
    expect(coding).toMatchObject({ quote: 'Training came late.', coderId: 'u', origin: { kind: 'suggestion', score: top!.score } });
    expect(projectFileSchema.safeParse(fileFromState(state)).success).toBe(true);
    // Now coded with the code: no longer suggested.
    expect(suggestFor(state, buildSuggestionIndex(state, 'sentence'), 'gaps')).toEqual([]);
    applyChange(state, inverse);
    expect(JSON.stringify(fileFromState(state))).toBe(before);
  });

  it('dismiss remembers the passage on the code, once, and it is not suggested again', () => {
    const state = setup();
    const at = TEXT.indexOf('Training');
    const request = { type: 'dismissSuggestion', codeId: 'gaps', documentId: 'd', start: at, end: TEXT.length };
    run(state, request);
    expect(state.codes.get('gaps')!.dismissed).toEqual([{ documentId: 'd', start: at, end: TEXT.length, quote: 'Training came late.', coderId: 'u', at: ctx.now }]);
    expect(run(state, request).planned.change.patches).toEqual([]);
    expect(suggestFor(state, buildSuggestionIndex(state, 'sentence'), 'gaps')).toEqual([]);
    expect(projectFileSchema.safeParse(fileFromState(state)).success).toBe(true);
  });

  it('refuses a passage past the end of the document or on a missing code', () => {
    const state = setup();
    const bad = planOp(state, opRequestSchema.parse({ type: 'acceptSuggestion', codeId: 'gaps', documentId: 'd', start: 0, end: 999, score: 1 }), ctx);
    expect(bad.ok ? null : bad.error).toBe(`the passage 0–999 is past the end of “d” (${TEXT.length} characters)`);
    const missing = planOp(state, opRequestSchema.parse({ type: 'dismissSuggestion', codeId: 'x', documentId: 'd', start: 0, end: 2 }), ctx);
    expect(missing.ok ? null : missing.error).toBe('there is no code with id x');
  });
});
