/**
 * The documents pane's filter: documents in a set, and documents with a value of a
 * variable (their own, else their cases'). Kept in its own small store so any view can
 * read it: `useDocumentFilter` for the filter, `documentFilterAsAnalysis` to hand it to an
 * analysis (shared/analysis/scope.ts), `selectFilteredDocumentIds` for the ids it lets
 * through (null when it lets every document through).
 */
import { create } from 'zustand';
import type { VariableValue } from '../../../shared/model/schema';
import type { ProjectState } from '../../../shared/model/state';
import type { AnalysisFilter } from '../../../shared/analysis/scope';
import { casesByDocument, valueKey } from '../../../shared/analysis/scope';

export interface DocumentFilter {
  /** Only documents in this set of documents. */
  setId: string | null;
  /** Only documents with this value of this variable (null: documents with no value). */
  value: { variableId: string; value: VariableValue } | null;
}

export interface DocumentFilterStore extends DocumentFilter {
  setSet(setId: string | null): void;
  setValue(value: DocumentFilter['value']): void;
  clear(): void;
}

export const NO_FILTER: DocumentFilter = { setId: null, value: null };

export const useDocumentFilter = create<DocumentFilterStore>()((set) => ({
  ...NO_FILTER,
  setSet: (setId) => set({ setId }),
  setValue: (value) => set({ value }),
  clear: () => set(NO_FILTER),
}));

/** Whether the filter lets every document through. */
export const isEmptyFilter = (filter: DocumentFilter) => filter.setId === null && filter.value === null;

/** The filter in the terms every analysis takes. */
export function documentFilterAsAnalysis(filter: DocumentFilter): Pick<AnalysisFilter, 'documentSetIds' | 'values'> {
  return {
    ...(filter.setId !== null ? { documentSetIds: [filter.setId] } : {}),
    ...(filter.value ? { values: [{ variableId: filter.value.variableId, values: [filter.value.value] }] } : {}),
  };
}

/** The ids of the documents the filter lets through; null when it lets every one through. A set or variable that is gone lets none through. */
export function filteredDocumentIds(project: Pick<ProjectState<{ id: string; attributes: Record<string, VariableValue> }>, 'documents' | 'sets' | 'cases'>, filter: DocumentFilter): Set<string> | null {
  if (isEmptyFilter(filter)) return null;
  const members = filter.setId === null ? null : new Set(project.sets.get(filter.setId)?.kind === 'documents' ? project.sets.get(filter.setId)!.memberIds : []);
  const cases = casesByDocument(project);
  const wanted = filter.value ? valueKey(filter.value.value) : null;
  const out = new Set<string>();
  for (const doc of project.documents.values()) {
    if (members && !members.has(doc.id)) continue;
    if (filter.value && !valueKeysOf(project, doc, filter.value.variableId, cases).has(wanted!)) continue;
    out.add(doc.id);
  }
  return out;
}

/** A document's values of a variable as keys, as analyses read them (scope.ts documentValues): its own, else its cases'; "null" for none. */
function valueKeysOf(project: Pick<ProjectState, 'cases'>, doc: { id: string; attributes: Record<string, VariableValue> }, variableId: string, cases: ReadonlyMap<string, readonly string[]>): Set<string> {
  if (Object.hasOwn(doc.attributes, variableId)) return new Set([valueKey(doc.attributes[variableId]!)]);
  const keys = new Set<string>();
  for (const caseId of cases.get(doc.id) ?? []) {
    const c = project.cases.get(caseId);
    if (c && Object.hasOwn(c.values, variableId)) keys.add(valueKey(c.values[variableId]!));
  }
  return keys.size > 0 ? keys : new Set([valueKey(null)]);
}
