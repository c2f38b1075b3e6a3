/**
 * The tables an auto-code preview reads, cut down for the trip to the task worker: only
 * the documents the request's scope names (with their texts and structure, which sentence,
 * paragraph and speaker-turn scopes read) and their codings, with every code, set and
 * variable (few and small). The worker rebuilds the coding indexes the engine looks up.
 */
import { documentsInScope } from '../../../shared/analysis/search';
import type { Coding, GlossDocument } from '../../../shared/model/schema';
import type { ProjectState } from '../../../shared/model/state';
import type { AutocodeRequest } from '../../../shared/ops/autocode';

/** What crosses to the worker: plain Maps, structured-cloneable. */
export type AutocodeTables = Pick<ProjectState, 'documents' | 'codes' | 'codings' | 'sets' | 'variables'>;

/** The part of `state` that `request` reads (a copy of the lists; the objects are cloned on the way). */
export function autocodeTables(state: ProjectState, request: AutocodeRequest): AutocodeTables {
  const documents = new Map<string, GlossDocument>(documentsInScope(state, request.where ?? {}).map((d) => [d.id, d]));
  const codings = new Map<string, Coding>();
  for (const documentId of documents.keys()) {
    for (const id of state.codingsByDocument.get(documentId) ?? []) {
      const coding = state.codings.get(id);
      if (coding) codings.set(id, coding);
    }
  }
  return { documents, codes: state.codes, codings, sets: state.sets, variables: state.variables };
}

/** The tables as the state the engine reads, with the indexes by document and by code. */
export function autocodeState(tables: AutocodeTables): ProjectState {
  const codingsByDocument = new Map<string, Set<string>>();
  const codingsByCode = new Map<string, Set<string>>();
  const add = (index: Map<string, Set<string>>, key: string, id: string) => {
    let ids = index.get(key);
    if (!ids) index.set(key, (ids = new Set()));
    ids.add(id);
  };
  for (const coding of tables.codings.values()) {
    add(codingsByDocument, coding.documentId, coding.id);
    add(codingsByCode, coding.codeId, coding.id);
  }
  // The engine reads only these tables; the rest of a ProjectState is never looked at.
  return { ...tables, codingsByDocument, codingsByCode } as unknown as ProjectState;
}
