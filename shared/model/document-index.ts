/**
 * The project as the renderer holds it: an index, not the project. Documents come without
 * their text and structure (the bulk of a project: 10 MB of a 70 MB file, and more once
 * copied into a page), each with its text's length and a content key; the text and
 * structure of one document are fetched when it is opened ('documents:text') and cached by
 * that key. Everything else (codes, codings, memos…) is in the index; codings come without
 * the words their document's text gives back, and in columns (see coding-columns.ts).
 *
 * The content key is a hash of the text and the structure: equal keys mean the same text
 * and structure, so a cached text is used only while the index entry carries its key, and
 * a Change that rewrites a text (edit text, anonymise, undo of either) invalidates every
 * cached copy of the old one by itself, with no bookkeeping of which change touched what.
 */
import { CURRENT_VERSION, FORMAT, type Coding, type GlossDocument, type ProjectFile, type StructureRange } from './schema';
import { stateFromFile, type Change, type FileWith, type Patch, type ProjectState } from './state';
import { codingColumns, codingEntry, codingsFromColumns, type CodingColumns, type CodingEntry } from './coding-columns';

export type { CodingEntry, CodingColumns };

/** A document in the renderer's index: everything but its text and structure. */
export interface DocumentEntry extends Omit<GlossDocument, 'text' | 'structure'> {
  /** The text's length in UTF-16 code units (offsets run from 0 to this). */
  textLength: number;
  /** Changes whenever the text or the structure changes (see contentKey). */
  contentKey: string;
}

/** A document's text and structure, as 'documents:text' sends them. */
export interface DocumentContent {
  id: string;
  /** The key of this text and structure; the index entry carries the same one while they are current. */
  contentKey: string;
  text: string;
  structure: StructureRange[];
}

/** The project as the renderer holds it, as a file: documents and codings as entries. */
export type IndexFile = FileWith<DocumentEntry, CodingEntry>;
/** The renderer's project as a snapshot sends it: documents as entries, codings in columns. */
export type ProjectIndex = Omit<IndexFile, 'codings'> & { codings: CodingColumns };
/** A Change as the renderer receives it: documents and codings as entries. */
export type IndexChange = Change<DocumentEntry, CodingEntry>;
/** The renderer's live state, built from a ProjectIndex and changed by IndexChanges. */
export type IndexState = ProjectState<DocumentEntry, CodingEntry>;

/**
 * Two 32-bit lanes over every UTF-16 code unit (FNV-1a, and a multiply-xorshift step with
 * MurmurHash2's constant), plus the length: about 64 bits. A collision would show a stale text, so 32 bits alone (one in four
 * billion per edit) was not enough; this costs a few milliseconds per million characters.
 */
function hashParts(parts: readonly string[]): string {
  let a = 0x811c9dc5;
  let b = 0x2545f491;
  let length = 0;
  for (const part of parts) {
    length += part.length + 1;
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 13;
    }
    // A separator, so that ["ab", "c"] and ["a", "bc"] differ.
    a = Math.imul(a ^ 0xffff, 0x01000193);
    b = Math.imul(b ^ 0xffff, 0x5bd1e995);
    b ^= b >>> 13;
  }
  return `${length.toString(36)}-${(a >>> 0).toString(36)}-${(b >>> 0).toString(36)}`;
}

/** The content key of a text and its structure. */
export function contentKey(text: string, structure: readonly StructureRange[]): string {
  return hashParts(structure.length === 0 ? [text] : [text, JSON.stringify(structure)]);
}

/**
 * Index entries by document object. Documents are never mutated (a change puts a new
 * object), so an entry computed once stays right, and a snapshot or a Change that carries
 * an unchanged document does not hash its text again.
 */
const entries = new WeakMap<GlossDocument, DocumentEntry>();

/** The index entry of a document. */
export function documentEntry(doc: GlossDocument): DocumentEntry {
  let entry = entries.get(doc);
  if (!entry) {
    const { text, structure, ...rest } = doc;
    entry = { ...rest, textLength: text.length, contentKey: contentKey(text, structure) };
    entries.set(doc, entry);
  }
  return entry;
}

/** A document's text and structure with their key. */
export function documentContent(doc: GlossDocument): DocumentContent {
  return { id: doc.id, contentKey: documentEntry(doc).contentKey, text: doc.text, structure: doc.structure };
}

/** The project file as the renderer holds it: documents and codings as entries (what fileFromState of its mirror gives). */
export function indexFile(file: FileWith<GlossDocument> | ProjectFile): IndexFile {
  return { ...file, documents: file.documents.map(documentEntry), codings: file.codings.map(codingEntry) };
}

/** The index of a project file, as a snapshot sends it. */
export function projectIndex(file: FileWith<GlossDocument> | ProjectFile): ProjectIndex {
  return { ...file, documents: file.documents.map(documentEntry), codings: codingColumns(file.codings) };
}

/** The renderer's live state from a snapshot's index. */
export function stateFromIndex(index: ProjectIndex): IndexState {
  return stateFromFile<DocumentEntry, CodingEntry>({ ...index, codings: codingsFromColumns(index.codings) });
}

/**
 * The index of a live project, for a snapshot. Unlike fileFromState it does not sort: the
 * renderer keys everything by id, and sorting 100,000 codings would only slow the opening.
 */
export function indexOfState(state: ProjectState): ProjectIndex {
  return {
    format: FORMAT,
    version: CURRENT_VERSION,
    project: state.project,
    coders: [...state.coders.values()],
    documents: [...state.documents.values()].map(documentEntry),
    codes: [...state.codes.values()],
    codings: codingColumns(state.codings.values()),
    memos: [...state.memos.values()],
    cases: [...state.cases.values()],
    variables: [...state.variables.values()],
    sets: [...state.sets.values()],
    summaries: [...state.summaries.values()],
  };
}

/**
 * A Change as the renderer receives it: every document put becomes its index entry, so no
 * reply carries a document's text (an import of a thousand files, an anonymise across the
 * project); the renderer fetches the texts it shows. Every coding put becomes its entry, as
 * the snapshot sends it. The one place texts are stripped.
 */
export function indexChange(change: Change): IndexChange {
  if (!change.patches.some((p) => (p.table === 'documents' || p.table === 'codings') && p.op === 'put')) return change as unknown as IndexChange;
  return {
    patches: change.patches.map((patch): Patch<DocumentEntry, CodingEntry> => {
      if (patch.op !== 'put') return patch;
      if (patch.table === 'documents') return { table: 'documents', op: 'put', value: documentEntry(patch.value as GlossDocument) };
      if (patch.table === 'codings') return { table: 'codings', op: 'put', value: codingEntry(patch.value as Coding) };
      return patch as Patch<DocumentEntry, CodingEntry>;
    }),
  };
}

/** A document's text length, whether it is held whole or as an index entry. */
export function textLengthOf(doc: GlossDocument | DocumentEntry): number {
  return 'textLength' in doc ? doc.textLength : doc.text.length;
}
