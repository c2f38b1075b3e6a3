/**
 * The mirror of the host's project, as an index: every table, documents without their text
 * (fetched when shown, see texts-slice.ts). It is rebuilt from a snapshot when a project is
 * opened and then changed only by applying the Changes the host returns, so it is never a
 * second source of truth. applyHostChange mutates the maps in place and, patch by patch,
 * the tallies (counts per code, document and coder) and the versions of what it touched;
 * `revision` is bumped with every change, and the selectors in selectors.ts recompute only
 * what reads a table whose version moved.
 */
import type { Coder } from '../../../shared/model/schema';
import { applyChange } from '../../../shared/model/state';
import { stateFromIndex, type DocumentContent, type IndexChange, type IndexState } from '../../../shared/model/document-index';
import type { CoderNamed, HistoryInfo, SaveState, Snapshot } from '../bridge/channels';
import { talliesOf, tallyPatch, type Tallies } from './tallies';
import { bumpVersions, DocumentVersions, freshVersions, nextVersion, touchedNothing, touchPatch, type Touched, type Versions } from './versions';
import type { Slice } from './types';

export interface ProjectSlice {
  /** False until the first snapshot arrives. */
  loaded: boolean;
  project: IndexState | null;
  /** Counts kept current with every change (see tallies.ts); null when no project is open. */
  tallies: Tallies | null;
  /** The version of each table, moved by the changes that touch it. */
  versions: Versions;
  /** The version of each document's codings. */
  documentVersions: DocumentVersions;
  /** What the last change touched (for lists that recount only those rows). */
  lastTouched: Touched;
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
  /**
   * Applies a Change from the host, with the new texts of the documents it rewrites that the
   * text cache held (fetched first, see bridge/text-refresh.ts): one update, so no one ever
   * sees the new codings with an old text, nor a gap between the two.
   */
  applyHostChange(change: IndexChange, history?: HistoryInfo, texts?: readonly DocumentContent[]): void;
  setSaveState(save: SaveState): void;
  /** Takes who codes now from the host's answer to a new coder name. */
  coderNamed(named: CoderNamed): void;
}

const initialVersions = freshVersions();

export const createProjectSlice: Slice<ProjectSlice> = (set, get) => ({
  loaded: false,
  project: null,
  tallies: null,
  versions: initialVersions,
  documentVersions: new DocumentVersions(initialVersions.codings),
  lastTouched: touchedNothing(initialVersions),
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
    const before = get().path;
    // A dialog about the previous project (a memo, a code) must not act on another one,
    // and its texts are of no more use.
    if (snapshot.path !== get().path) {
      get().openDialog(null);
      get().forgetTexts();
    }
    const project = snapshot.index ? stateFromIndex(snapshot.index) : null;
    const versions = freshVersions();
    set({
      loaded: true,
      project,
      tallies: project ? talliesOf(project) : null,
      versions,
      documentVersions: new DocumentVersions(versions.codings),
      lastTouched: touchedNothing(versions),
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
    // Said once per project opened, not on every snapshot of the same one.
    if (snapshot.cloudSync && snapshot.path !== before) get().notify(snapshot.cloudSync, 'info');
  },

  applyHostChange(change, history, texts = []) {
    const { project, tallies, documentVersions, versions } = get();
    if (!project || !tallies) return;
    for (const content of texts) get().texts.put(content);
    const touched = touchedNothing(versions);
    if (change.patches.length > 0) {
      applyChange(project, change, (patch, before) => {
        tallyPatch(tallies, patch, before);
        touchPatch(touched, patch, before);
      });
    }
    if (touched.documents.size > 0) {
      const version = nextVersion();
      for (const id of touched.documents) documentVersions.touch(id, version);
    }
    set({
      revision: get().revision + 1,
      ...(texts.length > 0 ? { textsVersion: get().textsVersion + 1 } : {}),
      versions: bumpVersions(versions, touched.tables),
      ...(touched.tables.size > 0 ? { lastTouched: touched } : {}),
      ...(history ? { history } : {}),
    });
    get().changeApplied();
  },

  setSaveState(save) {
    set({ save });
  },

  coderNamed(named) {
    set({ coder: named.coder, coderUnnamed: named.coderUnnamed });
  },
});
