import { describe, expect, it } from 'vitest';
import { applyChange, fileFromState, invertChange } from '../model/state';
import { projectFileSchema } from '../model/schema';
import { stateWith } from '../analysis/fixtures/project';
import { turnsOf } from '../analysis/speaker-turns';
import { planOp, type PlanContext } from './plan';
import { opRequestSchema } from './requests';

const ctx: PlanContext = { now: '2025-01-01T00:00:00.000Z', newId: () => 'x', coder: { id: 'u', name: 'Ana', color: '#000000' } };
const TEXT = '[Ana] Hello there.\nBen (00:12): Hi.\nMore from Ben.\n[Ana] Bye.';

describe('storeSpeakers', () => {
  it('keeps the detected turns as speaker ranges of the spoken words, as one undoable step', () => {
    const state = stateWith([
      { id: 'd', text: TEXT },
      { id: 'plain', text: 'No labels here.' },
    ]);
    const before = JSON.stringify(fileFromState(state));
    const planned = planOp(state, opRequestSchema.parse({ type: 'storeSpeakers' }), ctx);
    if (!planned.ok) throw new Error(planned.error);
    expect(planned.value.label).toBe('Keep 3 speaker turns in 1 document');
    const inverse = invertChange(state, planned.value.change);
    applyChange(state, planned.value.change);
    const doc = state.documents.get('d')!;
    expect(doc.structure.map((r) => [r.kind, r.label, TEXT.slice(r.start, r.end)])).toEqual([
      ['speaker', 'Ana', 'Hello there.'],
      ['speaker', 'Ben', 'Hi.\nMore from Ben.'],
      ['speaker', 'Ana', 'Bye.'],
    ]);
    // Read back from the structure, the turns are the same words.
    expect(turnsOf(doc).map((t) => TEXT.slice(t.start, t.end))).toEqual(['Hello there.', 'Hi.\nMore from Ben.', 'Bye.']);
    expect(projectFileSchema.safeParse(fileFromState(state)).success).toBe(true);
    // Documents with speakers are left alone: nothing more to keep.
    const again = planOp(state, opRequestSchema.parse({ type: 'storeSpeakers' }), ctx);
    expect(again.ok ? null : again.error).toBe('no speaker labels such as “Name:” were found at line starts in documents without speakers');
    applyChange(state, inverse);
    expect(JSON.stringify(fileFromState(state))).toBe(before);
  });
});
