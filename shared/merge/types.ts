/**
 * Merging coders' copies of one project. `ours` is the project being merged into (the
 * open one, or %A for git), `theirs` the other copy, `base` the file handed out, when known.
 */
import type { AuditEntry, ProjectFile, Table } from '../model/schema';
import type { Change } from '../model/state';

export type Side = 'ours' | 'theirs';

/** A difference the merge cannot settle by itself; the user picks a side. */
export interface MergeConflict {
  /** Stable across runs for the same inputs, so a CLI flag or a dialog can name it. */
  id: string;
  table: Table;
  /** The entity id in the merged project. */
  entityId: string;
  /** What it is, for people: 'Code "Trust" renamed two ways', 'Memo "Method" edited on both sides'. */
  label: string;
  ours: string;
  theirs: string;
  base: string | null;
}

export interface MergeReport {
  /** Entities only one side added, by table. */
  addedFromOurs: Partial<Record<Table, number>>;
  addedFromTheirs: Partial<Record<Table, number>>;
  /** Entities matched across the two files, with how: by id, text hash (documents), path of names (codes). */
  matched: { byId: number; byTextHash: number; byCodePath: number };
  /** Deletions applied from one side. */
  deleted: Partial<Record<Table, number>>;
  conflicts: MergeConflict[];
  /** Codings on a document whose text differs between the files, placed again by quote. */
  reanchored: number;
  /** Codings that could not be placed, each with where it came from. */
  unplaced: { document: string; code: string; quote: string; side: Side }[];
  /**
   * What a person should know that is not a conflict, one sentence each: a deletion not
   * applied because the other side changed or used the entity, documents whose texts
   * differ, two coders with one name, fields of content-matched entities where ours was kept.
   */
  notes: string[];
}

export interface MergeInput {
  base: ProjectFile | null;
  ours: ProjectFile;
  theirs: ProjectFile;
  /** A side chosen per conflict id; conflicts without one stay unresolved (ours is kept in the output). */
  resolutions?: Record<string, Side>;
  /** Resolve every conflict to this side (the CLI's --ours / --theirs). */
  prefer?: Side;
  /** Timestamp for modifiedAt, so tests are deterministic. */
  now?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface MergeResult {
  file: ProjectFile;
  report: MergeReport;
  /** Conflicts left without a choice; empty when the merge is complete. */
  unresolved: MergeConflict[];
  /** False when the merged project equals ours (then `file` is ours itself, modifiedAt untouched). */
  changed: boolean;
  /** The step turning ours into `file` (no patches when nothing changed), for a host to record. */
  change: Change;
  /** Both sides' audit trails merged (each entry once, oldest first); the trail is not part of `change`. */
  audit: AuditEntry[];
}
