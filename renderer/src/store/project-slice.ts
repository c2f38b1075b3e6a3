/**
 * The mirror of the host's project. It is rebuilt from a snapshot and then changed only
 * by applying the Changes the host returns, so it is never a second source of truth.
 * applyChange mutates the maps in place; `revision` is bumped with every change so that
 * selectors (and the memoised derivations in selectors.ts) see it.
 */
import type { Coder } from '../../../shared/model/schema';
import { applyChange, stateFromFile, type Change, type ProjectState } from '../../../shared/model/state';
import type { CoderNamed, HistoryInfo, SaveState, Snapshot } from '../bridge/channels';
import type { Slice } from './types';

export interface ProjectSlice {
  /** False until the first snapshot arrives. */
  loaded: boolean;
  project: ProjectState | null;
  revision: number;
  path: string | null;
  readOnly: boolean;
  host: Snapshot['host'];
  coder: Coder | null;
  /** The person has not said their name yet (first run): the app asks. */
  coderUnnamed: boolean;
  recent: string[];
  save: SaveState;
  history: HistoryInfo;
  loadSnapshot(snapshot: Snapshot): void;
  applyHostChange(change: Change, history?: HistoryInfo): void;
  setSaveState(save: SaveState): void;
  /** Takes who codes now from the host's answer to a new coder name. */
  coderNamed(named: CoderNamed): void;
}

export const createProjectSlice: Slice<ProjectSlice> = (set, get) => ({
  loaded: false,
  project: null,
  revision: 0,
  path: null,
  readOnly: false,
  host: 'browser',
  coder: null,
  coderUnnamed: false,
  recent: [],
  save: { status: 'saved', at: null },
  history: { undo: null, redo: null },

  loadSnapshot(snapshot) {
    // A dialog about the previous project (a memo, a code) must not act on another one.
    if (snapshot.path !== get().path) get().openDialog(null);
    set({
      loaded: true,
      project: snapshot.file ? stateFromFile(snapshot.file) : null,
      revision: get().revision + 1,
      path: snapshot.path,
      readOnly: snapshot.readOnly,
      host: snapshot.host,
      coder: snapshot.coder,
      coderUnnamed: snapshot.coderUnnamed,
      recent: snapshot.recent,
      save: snapshot.save,
      history: snapshot.history,
    });
    get().projectReplaced();
    // What the project check found is said once per loaded snapshot; Repair is the person's choice.
    if (snapshot.check && snapshot.check.total > 0) get().openDialog({ kind: 'project-problems', check: snapshot.check });
  },

  applyHostChange(change, history) {
    const project = get().project;
    if (!project) return;
    if (change.patches.length > 0) applyChange(project, change);
    set({ revision: get().revision + 1, ...(history ? { history } : {}) });
    get().changeApplied();
  },

  setSaveState(save) {
    set({ save });
  },

  coderNamed(named) {
    set({ coder: named.coder, coderUnnamed: named.coderUnnamed });
  },
});
