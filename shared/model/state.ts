/**
 * The live, indexed form of a project and the one way to change it: a Change, a list of
 * entity puts and deletes. Operations compute Changes without touching the state; the
 * main process (and the renderer's mirror) apply them with applyChange.
 */
import {
  CURRENT_VERSION,
  FORMAT,
  TABLES,
  type Coding,
  type AuditEntry,
  type Entities,
  type GlossDocument,
  type ProjectFile,
  type ProjectMeta,
  type Table,
} from './schema';

/**
 * The entities with documents of type D. The project itself holds whole documents; the
 * renderer's mirror holds index entries without their text (see document-index.ts), and
 * the same state, Changes and applyChange serve both.
 */
export type EntitiesWith<D, C = Coding> = Omit<Entities, 'documents' | 'codings'> & { documents: D; codings: C };

export type Patch<D = GlossDocument, C = Coding> =
  | { [T in Table]: { table: T; op: 'put'; value: EntitiesWith<D, C>[T] } }[Table]
  | { table: Table; op: 'del'; id: string }
  | { table: 'project'; op: 'put'; value: ProjectMeta };

export interface Change<D = GlossDocument, C = Coding> {
  patches: Patch<D, C>[];
}

export type Tables<D = GlossDocument, C = Coding> = { [T in Table]: Map<string, EntitiesWith<D, C>[T]> };

/**
 * The live state. Codings are of type C: the project holds whole codings; the renderer's
 * mirror holds them without the words a fetched text gives back (see coding-columns.ts).
 */
export interface ProjectState<D = GlossDocument, C = Coding> extends Tables<D, C> {
  project: ProjectMeta;
  /** Codings by document id and by code id, kept current by applyChange. */
  codingsByDocument: Map<string, Set<string>>;
  codingsByCode: Map<string, Set<string>>;
  /**
   * The audit trail, oldest first. Not a table: no Change carries it and the renderer's
   * index leaves it out (it is fetched on demand); the host appends to it (shared/ops/audit.ts).
   */
  audit?: AuditEntry[];
}

/** A project file whose documents are of type D (the file itself, or the renderer's index). */
export type FileWith<D, C = Coding> = Omit<ProjectFile, 'documents' | 'codings'> & { documents: D[]; codings: C[] };

/** What the indexes of codings read: any coding type has these. */
type CodingKeys = Pick<Coding, 'id' | 'documentId' | 'codeId'>;

function addToIndex(index: Map<string, Set<string>>, key: string, id: string): void {
  let ids = index.get(key);
  if (!ids) index.set(key, (ids = new Set()));
  ids.add(id);
}

function removeFromIndex(index: Map<string, Set<string>>, key: string, id: string): void {
  const ids = index.get(key);
  if (!ids) return;
  ids.delete(id);
  if (ids.size === 0) index.delete(key);
}

function indexCoding(state: ProjectState<unknown, unknown>, coding: CodingKeys): void {
  addToIndex(state.codingsByDocument, coding.documentId, coding.id);
  addToIndex(state.codingsByCode, coding.codeId, coding.id);
}

function unindexCoding(state: ProjectState<unknown, unknown>, coding: CodingKeys): void {
  removeFromIndex(state.codingsByDocument, coding.documentId, coding.id);
  removeFromIndex(state.codingsByCode, coding.codeId, coding.id);
}

/** Builds the live state from a validated file (or the renderer's index of one). */
export function stateFromFile<D extends { id: string } = GlossDocument, C extends CodingKeys = Coding>(file: FileWith<D, C>): ProjectState<D, C> {
  const state = {
    project: file.project,
    codingsByDocument: new Map(),
    codingsByCode: new Map(),
  } as unknown as ProjectState<D, C>;
  for (const table of TABLES) {
    const map = new Map<string, { id: string }>();
    for (const entity of file[table] as readonly { id: string }[]) map.set(entity.id, entity);
    (state as unknown as Record<Table, Map<string, { id: string }>>)[table] = map;
  }
  for (const coding of state.codings.values()) indexCoding(state, coding);
  if (file.audit?.length) state.audit = [...file.audit];
  return state;
}

/** An empty project named `name`. */
export function emptyProjectFile(name: string, now: string): ProjectFile {
  return {
    format: FORMAT,
    version: CURRENT_VERSION,
    project: { name, description: '', createdAt: now, modifiedAt: now },
    coders: [],
    documents: [],
    codes: [],
    codings: [],
    memos: [],
    cases: [],
    variables: [],
    sets: [],
    summaries: [],
  };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The file form of the state. Entities are sorted by id so that two saves of the same
 * project are byte-identical whatever order edits and undos happened in.
 */
export function fileFromState<D extends { id: string } = GlossDocument, C extends CodingKeys = Coding>(state: ProjectState<D, C>): FileWith<D, C> {
  const file = {
    format: FORMAT,
    version: CURRENT_VERSION,
    project: state.project,
  } as Record<string, unknown>;
  for (const table of TABLES) file[table] = [...(state[table] as Map<string, { id: string }>).values()].sort(byId);
  // Left out when empty, so a project without a trail keeps the bytes it always had.
  if (state.audit?.length) file.audit = state.audit;
  return file as unknown as FileWith<D, C>;
}

/**
 * Called for each patch just before it is applied, with the entity it replaces or deletes
 * (undefined when there is none): how the renderer keeps its tallies current per patch.
 */
export type PatchObserver<D, C = Coding> = (patch: Patch<D, C>, before: unknown) => void;

/** Applies a change in place, keeping the indexes current. */
export function applyChange<D extends { id: string } = GlossDocument, C extends CodingKeys = Coding>(
  state: ProjectState<D, C>,
  change: Change<D, C>,
  observe?: PatchObserver<D, C>,
): void {
  for (const patch of change.patches) {
    if (patch.table === 'project') {
      observe?.(patch, state.project);
      if (patch.op === 'put') state.project = patch.value as ProjectMeta;
      continue;
    }
    const map = state[patch.table] as Map<string, { id: string }>;
    const id = patch.op === 'put' ? (patch.value as { id: string }).id : patch.id;
    const before = map.get(id);
    observe?.(patch, before);
    if (patch.table === 'codings' && before) unindexCoding(state, before as CodingKeys);
    if (patch.op === 'put') {
      map.set(id, patch.value as { id: string });
      if (patch.table === 'codings') indexCoding(state, patch.value as CodingKeys);
    } else {
      map.delete(id);
    }
  }
}

/**
 * The change that undoes `change`, computed against the state *before* `change` is
 * applied. Patches are reversed so that a change touching one entity twice undoes right.
 */
export function invertChange(state: ProjectState, change: Change): Change {
  const shadow = new Map<string, unknown>();
  const current = (table: Table | 'project', id: string): unknown => {
    const key = `${table}\u0000${id}`;
    if (shadow.has(key)) return shadow.get(key);
    if (table === 'project') return state.project;
    return state[table].get(id);
  };
  const inverse: Patch[] = [];
  for (const patch of change.patches) {
    if (patch.table === 'project') {
      if (patch.op === 'put') {
        inverse.push({ table: 'project', op: 'put', value: current('project', '') as ProjectMeta });
        shadow.set('project\u0000', patch.value);
      }
      continue;
    }
    const id = patch.op === 'put' ? (patch.value as { id: string }).id : patch.id;
    const before = current(patch.table, id);
    inverse.push(
      before === undefined
        ? { table: patch.table, op: 'del', id }
        : ({ table: patch.table, op: 'put', value: before } as Patch),
    );
    shadow.set(`${patch.table}\u0000${id}`, patch.op === 'put' ? patch.value : undefined);
  }
  return { patches: inverse.reverse() };
}

/** The codings with the given ids (ids of deleted codings are skipped). */
function codingsByIds<C>(codings: ReadonlyMap<string, C>, ids: Iterable<string> | undefined): C[] {
  const list: C[] = [];
  for (const id of ids ?? []) {
    const coding = codings.get(id);
    if (coding) list.push(coding);
  }
  return list;
}

/** Codings of a document (whole, or the renderer's entries), ordered by position. */
export function codingsOfDocument<C extends Pick<Coding, 'start' | 'end'> = Coding>(
  state: { codings: ReadonlyMap<string, C>; codingsByDocument: ReadonlyMap<string, ReadonlySet<string>> },
  documentId: string,
): C[] {
  return codingsByIds(state.codings, state.codingsByDocument.get(documentId)).sort((a, b) => a.start - b.start || a.end - b.end);
}
