/**
 * What changed, so that derived values recompute only when what they read did (derive.ts).
 * Every table has a version, and every document a version of its codings; a change moves
 * the versions of what its patches touch. Versions come from one counter, so a version is
 * never seen twice, not even across two snapshots.
 */
import type { Table } from '../../../shared/model/schema';
import type { CodingEntry } from '../../../shared/model/coding-columns';
import type { Patch } from '../../../shared/model/state';
import type { DocumentEntry } from '../../../shared/model/document-index';

let counter = 0;

/** A version never given before. */
export function nextVersion(): number {
  return ++counter;
}

export type Versions = Readonly<Record<Table | 'project', number>>;

/** Fresh versions for every table: a new snapshot. */
export function freshVersions(): Versions {
  const v = nextVersion();
  return { project: v, coders: v, documents: v, codes: v, codings: v, memos: v, cases: v, variables: v, sets: v, summaries: v };
}

/**
 * The versions of each document's codings (its codings put or deleted, or the document
 * itself put): what the reader's codings of one document depend on. A document not listed
 * is at the snapshot's version.
 */
export class DocumentVersions {
  private readonly versions = new Map<string, number>();
  constructor(private readonly base: number) {}

  of(documentId: string): number {
    return this.versions.get(documentId) ?? this.base;
  }

  touch(documentId: string, version: number): void {
    this.versions.set(documentId, version);
  }
}

/**
 * What the last change touched: the versions before it, and the documents and codes whose
 * codings it put or deleted. A list computed at exactly those versions is brought up to
 * date by recounting these rows alone (counted-list.ts).
 */
export interface Touched {
  before: Versions;
  tables: Set<Table | 'project'>;
  documents: Set<string>;
  codes: Set<string>;
}

/** Nothing touched yet, at `versions`. */
export function touchedNothing(versions: Versions): Touched {
  return { before: versions, tables: new Set(), documents: new Set(), codes: new Set() };
}

/** Records what one patch touches (before it is applied; `before` is the entity it replaces). */
export function touchPatch(touched: Touched, patch: Patch<DocumentEntry, CodingEntry>, before: unknown): void {
  const { documents, codes } = touched;
  touched.tables.add(patch.table);
  if (patch.table === 'codings') {
    if (before) {
      documents.add((before as CodingEntry).documentId);
      codes.add((before as CodingEntry).codeId);
    }
    if (patch.op === 'put') {
      documents.add(patch.value.documentId);
      codes.add(patch.value.codeId);
    }
  } else if (patch.table === 'documents') {
    documents.add(patch.op === 'put' ? patch.value.id : patch.id);
  }
}

/** The versions after a change that touched `touched`. */
export function bumpVersions(versions: Versions, touched: ReadonlySet<Table | 'project'>): Versions {
  if (touched.size === 0) return versions;
  const v = nextVersion();
  const next: Record<string, number> = { ...versions };
  for (const table of touched) next[table] = v;
  return next as Versions;
}
