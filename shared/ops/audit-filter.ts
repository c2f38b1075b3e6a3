/**
 * Reading the audit trail: the History view's filters (coder, code, document, dates) and
 * its CSV. Names come from the project as it is now; a code or document since deleted is
 * named "(deleted)", since the entry's words still say what it was.
 */
import type { AuditEntry, Code, GlossDocument } from '../model/schema';
import { codePath } from '../model/codes';
import { toCsv, type CsvOptions } from '../export/csv';

export interface AuditFilter {
  /** A coder's id. */
  coderId?: string;
  codeId?: string;
  documentId?: string;
  /** Days as YYYY-MM-DD, both included; compared with the entry's time in UTC. */
  from?: string;
  to?: string;
}

/** Entries that pass every filter given, in the trail's order. */
export function filterTrail(trail: readonly AuditEntry[], filter: AuditFilter): AuditEntry[] {
  const { coderId, codeId, documentId, from, to } = filter;
  return trail.filter(
    (e) =>
      (!coderId || e.by === coderId) &&
      (!codeId || (e.codes?.includes(codeId) ?? false)) &&
      (!documentId || (e.docs?.includes(documentId) ?? false)) &&
      (!from || e.at.slice(0, 10) >= from) &&
      (!to || e.at.slice(0, 10) <= to),
  );
}

/** The people in a trail, by id, with the name each last went by, sorted by name. */
export function trailCoders(trail: readonly AuditEntry[]): { id: string; name: string }[] {
  const names = new Map<string, string>();
  for (const e of trail) names.set(e.by, e.who);
  return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** What names an entry's codes and documents: the project's codes and documents (index entries will do). */
export interface TrailNames {
  codes: ReadonlyMap<string, Code>;
  documents: ReadonlyMap<string, Pick<GlossDocument, 'name'>>;
}

/** The names of an entry's codes (full paths) and documents, joined for one cell. */
export function entryNames(names: TrailNames, entry: AuditEntry): { codes: string; documents: string } {
  const codes = (entry.codes ?? []).map((id) => (names.codes.has(id) ? codePath(names, id) : '(deleted)'));
  const documents = (entry.docs ?? []).map((id) => names.documents.get(id)?.name ?? '(deleted)');
  return { codes: codes.join('; '), documents: documents.join('; ') };
}

/** How an entry's codings were made, in words ('' for by hand or no codings). */
export function viaLabel(entry: AuditEntry): string {
  return entry.via === 'autocode' ? 'auto-code' : entry.via === 'suggestion' ? 'accepted suggestion' : '';
}

/** The trail as CSV: one row per entry, oldest first. */
export function trailCsv(names: TrailNames, trail: readonly AuditEntry[], options: CsvOptions = {}): string {
  const rows = trail.map((e) => {
    const named = entryNames(names, e);
    return [e.at, e.who, e.op, e.text, viaLabel(e), named.codes, named.documents, e.id];
  });
  return toCsv(['time', 'coder', 'operation', 'summary', 'made by', 'codes', 'documents', 'entry id'], rows, options);
}
