/** The documents pane's rows that pass its filter (document-filter.ts), recomputed when the filter or the tables it reads change. */
import { useMemo } from 'react';
import { useGloss } from '../store';
import { filteredDocumentIds, useDocumentFilter } from './document-filter';

/** `rows` (anything with a document id) that the filter lets through, in their order. */
export function useFilteredDocuments<T extends { id: string }>(rows: T[]): T[] {
  const ids = useFilteredDocumentIds();
  return useMemo(() => (ids ? rows.filter((r) => ids.has(r.id)) : rows), [rows, ids]);
}

/** The ids of the documents the pane's filter lets through; null when it lets every one through. */
export function useFilteredDocumentIds(): Set<string> | null {
  const project = useGloss((s) => s.project);
  const documents = useGloss((s) => s.versions.documents);
  const cases = useGloss((s) => s.versions.cases);
  const sets = useGloss((s) => s.versions.sets);
  const setId = useDocumentFilter((s) => s.setId);
  const value = useDocumentFilter((s) => s.value);
  // The versions say when the project's tables moved (they are mutated in place).
  return useMemo(() => (project ? filteredDocumentIds(project, { setId, value }) : null), [project, setId, value, documents, cases, sets]);
}
