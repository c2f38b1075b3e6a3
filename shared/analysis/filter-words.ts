/**
 * An analysis filter (scope.ts) in words, for the first line of an export made under it:
 * a table counted over some documents or coders must say so wherever it goes, or a reader
 * takes part of the project for all of it. Names are given as they are (the caller escapes
 * them for HTML, guards them for CSV); an id that names nothing is said as such, since it
 * counts nothing.
 */
import type { AnalysisFilter } from './scope';

/** The tables whose names a filter's words name: a project state, or the renderer's index of one. */
type Named = ReadonlyMap<string, { name: string }>;
export interface NamedTables {
  documents: Named;
  sets: Named;
  cases: Named;
  variables: Named;
  coders: Named;
  codes: Named;
}
import { valueText } from '../model/variable-values';

/** "“a”", "“a” or “b”", "“a”, “b” or “c”". */
function either(names: readonly string[]): string {
  const quoted = names.map((n) => `“${n}”`);
  return quoted.length < 2 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

const nameOf = (table: Named, id: string) => table.get(id)?.name ?? `(missing ${id})`;

/**
 * The conditions of `filter`, each as a phrase ("documents in set “Pilots”"), in the order
 * the analysis bar shows them; empty when the filter counts everything.
 */
export function filterPhrases(state: NamedTables, filter: AnalysisFilter): string[] {
  const out: string[] = [];
  if (filter.documentIds) out.push(`${filter.documentIds.length === 1 ? 'document' : 'documents'} ${either(filter.documentIds.map((id) => nameOf(state.documents, id)))}`);
  if (filter.documentSetIds) out.push(`documents in set ${either(filter.documentSetIds.map((id) => nameOf(state.sets, id)))}`);
  if (filter.caseIds) out.push(`documents of case ${either(filter.caseIds.map((id) => nameOf(state.cases, id)))}`);
  for (const condition of filter.values ?? []) {
    const variable = nameOf(state.variables, condition.variableId);
    out.push(`documents where “${variable}” is ${either(condition.values.map(valueText))}`);
  }
  if (filter.coderIds) out.push(`codings by ${either(filter.coderIds.map((id) => nameOf(state.coders, id)))}`);
  if (filter.codeSetIds) out.push(`codes in set ${either(filter.codeSetIds.map((id) => nameOf(state.sets, id)))}`);
  if (filter.codeIds) out.push(`codes ${either(filter.codeIds.map((id) => nameOf(state.codes, id)))}`);
  return out;
}

/** "Counted only: documents in set “Pilots”; codings by “Ana”." or null when nothing is filtered out. */
export function filterSentence(state: NamedTables, filter: AnalysisFilter | undefined): string | null {
  const phrases = filter ? filterPhrases(state, filter) : [];
  return phrases.length === 0 ? null : `Counted only: ${phrases.join('; ')}.`;
}
