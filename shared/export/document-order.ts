/** The one order the exports list documents in, so the CSV, workbook, report and annotations agree. */
import type { GlossDocument } from '../model/schema';
import type { ProjectState } from '../model/state';

/** The project's documents by name, ties by id (ids are unique, so the order is total). */
export function documentsByName(state: Pick<ProjectState, 'documents'>): GlossDocument[] {
  return [...state.documents.values()].sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
}
