/**
 * The suggestion index, kept in the task worker of the 'suggest' lane (worker side; the host
 * sends documents with suggest-documents.ts). The worker keeps one document object per
 * version the host numbered, and one index per unit. Each task brings every document's id,
 * version and language; an index built from other versions or languages (a text edited, a
 * document added or removed, the language variable changed) is built again before the
 * question is answered, and as suggest.ts keeps each document's passages per document
 * object, only the documents that changed are read again. Codings and dismissals are not
 * in the index: each task brings the code's, so a new coding counts at once.
 */
import type { GlossDocument } from '../../../shared/model/schema';
import { byDocumentOrder } from '../../../shared/analysis/search';
import { buildIndexOf, indexHolds, type IndexedDocument, type SuggestionIndex, type SuggestionUnit } from '../../../shared/analysis/suggest';
import { textsOf } from './worker-texts';
import type { SuggestDocumentEntry } from './suggest-documents';

/** The worker's documents by id, each the object for the version the host last sent. */
const kept = new Map<string, { version: number; doc: GlossDocument }>();
const indexes = new Map<SuggestionUnit, SuggestionIndex>();

/** The index of `unit` over exactly the documents `entries` describe: the kept one if it is current, else one built now. */
export function currentIndex(unit: SuggestionUnit, entries: readonly SuggestDocumentEntry[], report?: (done: number, total: number) => void): SuggestionIndex {
  const texts = textsOf(entries);
  const documents: IndexedDocument[] = entries.map((entry, i) => {
    let held = kept.get(entry.id);
    if (!held || held.version !== entry.version) {
      const doc = { id: entry.id, name: entry.name ?? '', text: texts[i]!, structure: entry.structure ?? [], attributes: {} } as unknown as GlossDocument;
      kept.set(entry.id, (held = { version: entry.version, doc }));
    }
    return { doc: held.doc, language: entry.language };
  });
  if (kept.size > entries.length) {
    const ids = new Set(entries.map((e) => e.id));
    for (const id of kept.keys()) if (!ids.has(id)) kept.delete(id);
  }
  const index = indexes.get(unit);
  if (index && indexHolds(index, documents)) return index;
  const built = buildIndexOf(
    documents.sort((a, b) => byDocumentOrder(a.doc, b.doc)),
    unit,
    report,
  );
  indexes.set(unit, built);
  return built;
}
