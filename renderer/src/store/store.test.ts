import { beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { emptyProjectFile, fileFromState, invertChange, applyChange, stateFromFile, type ProjectState } from '../../../shared/model/state';
import { planOp } from '../../../shared/ops/plan';
import type { OpRequest } from '../../../shared/ops/requests';
import { documentSchema } from '../../../shared/model/schema';
import type { GlossBridge, OpResponse, Snapshot } from '../bridge/channels';
import { setBridge } from '../bridge';
import { useGloss } from './index';
import { loadProject, run, undo } from '../project/actions';
import { selectCodeRows, selectDocumentCodings } from './selectors';

const coder = { id: 'me', name: 'Ana', color: '#000000' };

/** A fake host: the real planner over its own state, so the mirror can be compared with it. */
function fakeHost() {
  const file = emptyProjectFile('Study', '2024-01-01T00:00:00.000Z');
  // Through the schema, so that fields with defaults can be left out here.
  file.documents.push(documentSchema.parse({ id: 'd1', name: 'Interview', text: 'Nobody trained us on the system.', createdAt: 'x', source: null, attributes: {} }));
  const host: ProjectState = stateFromFile(file);
  const undo: { label: string; inverse: OpResponse & { ok: true } }[] = [];
  const run = (request: OpRequest): OpResponse => {
    const planned = planOp(host, request, { now: new Date().toISOString(), newId: randomUUID, coder });
    if (!planned.ok) return { ok: false, error: planned.error };
    const inverse = invertChange(host, planned.value.change);
    applyChange(host, planned.value.change);
    const history = { undo: planned.value.label, redo: null };
    undo.push({ label: planned.value.label, inverse: { ok: true, label: planned.value.label, change: inverse, created: {}, history: { undo: null, redo: planned.value.label } } });
    return { ok: true, ...planned.value, history };
  };
  const snapshot = (): Snapshot => ({
    file: fileFromState(host),
    path: '/tmp/study.gloss',
    readOnly: false,
    save: { status: 'saved', at: null },
    history: { undo: null, redo: null },
    coderUnnamed: false,
    coder,
    host: 'browser',
    recent: [],
  });
  const bridge = {
    'project:snapshot': async () => snapshot(),
    'ops:run': async (request: OpRequest) => run(request),
    'history:undo': async () => {
      const step = undo.pop();
      if (!step) return { ok: false, error: 'Nothing to undo.' };
      applyChange(host, step.inverse.change);
      return step.inverse;
    },
    on: () => () => {},
  } as unknown as GlossBridge;
  return { host, bridge };
}

describe('the store mirrors the host through returned changes', () => {
  let host: ReturnType<typeof fakeHost>;
  beforeEach(async () => {
    host = fakeHost();
    setBridge(host.bridge);
    useGloss.setState({ messages: [], history: { undo: null, redo: null } });
    await loadProject();
  });

  it('applies an operation’s change to the mirror, bumps the revision and remembers the code as recent', async () => {
    const before = useGloss.getState().revision;
    const response = await run({ type: 'applyCode', documentId: 'd1', start: 0, end: 14, newCodeName: 'training gaps' });
    expect(response?.ok).toBe(true);
    const state = useGloss.getState();
    expect(state.revision).toBeGreaterThan(before);
    expect(fileFromState(state.project!)).toEqual(fileFromState(host.host));
    expect(selectCodeRows(state).map((r) => [r.code.name, r.count])).toEqual([['training gaps', 1]]);
    expect(selectDocumentCodings('d1')(state).map((c) => c.quote)).toEqual(['Nobody trained']);
    expect(state.recentCodeIds).toEqual([response!.created.codeId]);
    expect(state.history.undo).toBe('Apply code “training gaps”');
  });

  it('shows the host’s error as a message and changes nothing', async () => {
    const before = fileFromState(useGloss.getState().project!);
    expect(await run({ type: 'renameCode', codeId: 'nope', name: 'x' })).toBeNull();
    expect(useGloss.getState().messages.map((m) => m.text)).toEqual(['there is no code with id nope']);
    expect(fileFromState(useGloss.getState().project!)).toEqual(before);
  });

  it('undo applies the inverse the host returns', async () => {
    await run({ type: 'createCode', name: 'delays' });
    expect(useGloss.getState().project!.codes.size).toBe(1);
    await undo();
    expect(useGloss.getState().project!.codes.size).toBe(0);
    expect(fileFromState(useGloss.getState().project!)).toEqual(fileFromState(host.host));
  });

  it('keeps derived lists identical when a change does not touch them', async () => {
    await run({ type: 'applyCode', documentId: 'd1', start: 0, end: 6, newCodeName: 'a' });
    const codings = selectDocumentCodings('d1')(useGloss.getState());
    await run({ type: 'renameProject', name: 'Renamed' });
    expect(selectDocumentCodings('d1')(useGloss.getState())).toBe(codings);
  });
});
