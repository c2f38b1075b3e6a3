/**
 * A fake host for the renderer's unit tests: the real planner over its own project state,
 * answering as the real handlers do (Changes without document texts, texts on request), so
 * the store's mirror, tallies and text cache can be compared with the host's project.
 */
import { applyChange, invertChange, stateFromFile, type Change, type ProjectState } from '../../../shared/model/state';
import { documentContent, indexChange, indexOfState } from '../../../shared/model/document-index';
import type { Coder, ProjectFile } from '../../../shared/model/schema';
import { planOp } from '../../../shared/ops/plan';
import type { OpRequest } from '../../../shared/ops/requests';
import type { DocumentContent, GlossBridge, OpResponse, Snapshot } from '../bridge/channels';

export interface FakeHost {
  state: ProjectState;
  bridge: GlossBridge;
  /** Ids of the documents whose text was asked for, in order. */
  textRequests: string[];
  /** Every reply to 'ops:run', 'history:undo' and 'history:redo', as sent. */
  replies: OpResponse[];
  snapshot(): Snapshot;
  /** Who codes from now on (a second coder of the same project). */
  setCoder(coder: Coder): void;
}

/** A host holding `file`, coding as `coder`. */
export function fakeHost(file: ProjectFile, firstCoder: Coder, path = '/tmp/study.gloss'): FakeHost {
  let coder = firstCoder;
  const state = stateFromFile(file);
  const undoStack: { label: string; forward: Change; inverse: Change }[] = [];
  const redoStack: typeof undoStack = [];
  const textRequests: string[] = [];
  const replies: OpResponse[] = [];
  let ids = 0;
  const history = () => ({ undo: undoStack.at(-1)?.label ?? null, redo: redoStack.at(-1)?.label ?? null });
  const reply = (response: OpResponse): OpResponse => {
    replies.push(response);
    return response;
  };
  const run = (request: OpRequest): OpResponse => {
    const planned = planOp(state, request, { now: new Date(Date.UTC(2025, 0, 1, 0, 0, ids)).toISOString(), newId: () => `new-${++ids}`, coder });
    if (!planned.ok) return reply({ ok: false, error: planned.error });
    const { label, change, created, report } = planned.value;
    if (change.patches.length > 0) {
      undoStack.push({ label, forward: change, inverse: invertChange(state, change) });
      redoStack.length = 0;
      applyChange(state, change);
    }
    return reply({ ok: true, label, change: indexChange(change), created, history: history(), ...(report ? { report } : {}) });
  };
  const step = (from: typeof undoStack, to: typeof undoStack, direction: 'forward' | 'inverse'): OpResponse => {
    const entry = from.pop();
    if (!entry) return reply({ ok: false, error: direction === 'inverse' ? 'Nothing to undo.' : 'Nothing to redo.' });
    applyChange(state, entry[direction]);
    to.push(entry);
    return reply({ ok: true, label: entry.label, change: indexChange(entry[direction]), created: {}, history: history() });
  };
  const snapshot = (): Snapshot => ({
    index: indexOfState(state),
    path,
    readOnly: false,
    save: { status: 'saved', at: null },
    history: history(),
    coderUnnamed: false,
    coder,
    host: 'browser',
    recent: [],
  });
  const bridge = {
    'project:snapshot': async () => snapshot(),
    'ops:run': async (request: OpRequest) => run(request),
    'history:undo': async () => step(undoStack, redoStack, 'inverse'),
    'history:redo': async () => step(redoStack, undoStack, 'forward'),
    'documents:text': async (id: string): Promise<DocumentContent> => {
      textRequests.push(id);
      const doc = state.documents.get(id);
      if (!doc) throw new Error('This document is no longer in the project; it may have been deleted.');
      return documentContent(doc);
    },
    on: () => () => {},
  } as unknown as GlossBridge;
  return { state, bridge, textRequests, replies, snapshot, setCoder: (next) => (coder = next) };
}
