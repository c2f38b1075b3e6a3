/**
 * The audit trail: one entry per change to a project (who, when, which operation, a line
 * of words, the codes and documents it touched), appended by the host that applies the
 * change. Entries are never edited or removed: an undo is itself an entry. Copies of a
 * project merge their trails by entry id (mergeTrails), so both sides' entries survive.
 *
 * The touched codes and documents are read from the Change itself, so every operation,
 * a merge and a restore included, is recorded the same way without code of its own.
 */
import type { AuditEntry, Coder, Coding } from '../model/schema';
import type { Change, ProjectState } from '../model/state';

/** Ids of codes and of documents kept per entry: enough to filter by, small enough for an auto-code of a thousand documents. */
export const AUDIT_REFS = 20;

/** What the host knows about one change when it records it. */
export interface AuditInput {
  id: string;
  at: string;
  coder: Coder;
  op: string;
  text: string;
  /** The request's type, to mark codings not selected by hand. */
  requestType?: string;
}

/** The codes and documents a change touches, read against the state before it is applied. */
export function touchedBy(state: Pick<ProjectState, 'codings'>, change: Change): { codes: string[]; docs: string[] } {
  const codes = new Set<string>();
  const docs = new Set<string>();
  const addCoding = (c: Coding | undefined) => {
    if (!c) return;
    codes.add(c.codeId);
    docs.add(c.documentId);
  };
  for (const patch of change.patches) {
    if (patch.table === 'codes') codes.add(patch.op === 'put' ? patch.value.id : patch.id);
    else if (patch.table === 'documents') docs.add(patch.op === 'put' ? patch.value.id : patch.id);
    else if (patch.table === 'codings') {
      // A coding moved to another code touches both codes.
      const id = patch.op === 'put' ? patch.value.id : patch.id;
      addCoding(state.codings.get(id));
      if (patch.op === 'put') addCoding(patch.value);
    }
  }
  return { codes: [...codes].slice(0, AUDIT_REFS), docs: [...docs].slice(0, AUDIT_REFS) };
}

/** The entry recording `change` (to be read against the state before the change is applied). */
export function auditEntry(state: Pick<ProjectState, 'codings'>, change: Change, input: AuditInput): AuditEntry {
  const { codes, docs } = touchedBy(state, change);
  const via = input.requestType === 'autocode' ? 'autocode' : input.requestType === 'acceptSuggestion' ? 'suggestion' : undefined;
  // Keys in the schema's order, so an entry is written the same whether made or read.
  const entry: AuditEntry = { id: input.id, at: input.at, by: input.coder.id, who: input.coder.name, op: input.op, text: oneLine(input.text) };
  if (codes.length) entry.codes = codes;
  if (docs.length) entry.docs = docs;
  if (via) entry.via = via;
  return entry;
}

/** A summary on one line: a label can hold a name with a line break in it. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').slice(0, 500);
}

/**
 * The words the trail keeps for an operation: its label, except where the label holds
 * what the operation removes from the project. An anonymise's label names the person
 * replaced; written into the trail, the name would stay in the file it was taken out of.
 */
export function auditTextOf(request: { type: string; placeholder?: string }, label: string): string {
  if (request.type === 'anonymise') return `Anonymise: a name replaced with “${request.placeholder ?? ''}”`;
  return label;
}

/** Oldest first; entries of the same moment by id, so every copy orders a merged trail alike. */
export function compareEntries(a: AuditEntry, b: AuditEntry): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Both trails' entries, each once (by id), oldest first. */
export function mergeTrails(ours: readonly AuditEntry[] = [], theirs: readonly AuditEntry[] = []): AuditEntry[] {
  const byId = new Map<string, AuditEntry>();
  for (const entry of ours) byId.set(entry.id, entry);
  for (const entry of theirs) if (!byId.has(entry.id)) byId.set(entry.id, entry);
  return [...byId.values()].sort(compareEntries);
}

/** A short random id for an entry (64 bits: two copies' entries never collide). */
export function auditId(uuid: string): string {
  return uuid.replace(/-/g, '').slice(0, 16);
}
