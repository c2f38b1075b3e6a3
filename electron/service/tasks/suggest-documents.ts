/**
 * The documents a "more like this" task carries to the task worker (host side; the worker
 * keeps them and its index in suggest-index.ts). Each document goes as its text entry
 * (worker-texts.ts: the text only when the worker lacks that version of the document), its
 * language (always: it follows the project's language variable, which can change while
 * the document does not), and, with a text, the name and structure the index also reads.
 * No stemmer or stop-word list loads here: the host needs none of them to ask.
 */
import type { GlossDocument, StructureRange } from '../../../shared/model/schema';
import type { ProjectState } from '../../../shared/model/state';
import { DEFAULT_LANGUAGE, languageTag, languageVariable } from '../../../shared/analysis/text-language';
import { textEntries, type TextEntry } from './worker-texts';

export interface SuggestDocumentEntry extends TextEntry {
  language: string;
  /** Sent with the text only (a version of the document the worker does not hold). */
  name?: string;
  structure?: StructureRange[];
}

/** Every document of `state` as a suggestion task carries it, recording in `memo` what is sent. */
export function suggestEntries(state: Pick<ProjectState, 'documents' | 'variables'>, memo: Map<string, number>): SuggestDocumentEntry[] {
  const variable = languageVariable(state.variables.values());
  const docs: GlossDocument[] = [...state.documents.values()];
  return textEntries(docs, memo).map((entry, i) => {
    const doc = docs[i]!;
    const language = (variable && languageTag(doc.attributes[variable.id])) || DEFAULT_LANGUAGE;
    return entry.text === undefined ? { ...entry, language } : { ...entry, language, name: doc.name, structure: doc.structure };
  });
}
