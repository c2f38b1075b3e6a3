/**
 * Document texts sent to a task worker once and kept there (see runLaneTask in pool.ts).
 * The host numbers each document object it sends (a changed text is a new object, as
 * everywhere in the project's state) and sends a text only when the worker's copy, as
 * the lane's memo records it, is of another number; the worker keeps the latest text of
 * each document and answers the others from it.
 */
import type { GlossDocument } from '../../../shared/model/schema';

/** A document's text as a task carries it: always its id and number, the text only when the worker lacks it. */
export interface TextEntry {
  id: string;
  version: number;
  text?: string;
}

let versions = 0;
const numbered = new WeakMap<object, number>();

/** The entries for `docs`, sending only the texts `memo` says the worker lacks; records what is sent. */
export function textEntries(docs: readonly Pick<GlossDocument, 'id' | 'text'>[], memo: Map<string, number>): TextEntry[] {
  return docs.map((doc) => {
    let version = numbered.get(doc);
    if (version === undefined) numbered.set(doc, (version = ++versions));
    if (memo.get(doc.id) === version) return { id: doc.id, version };
    memo.set(doc.id, version);
    return { id: doc.id, version, text: doc.text };
  });
}

/** The worker's side: the texts it holds, by document id. */
const held = new Map<string, { version: number; text: string }>();

/** The text of each entry, from the entry or from what the worker holds. */
export function textsOf(entries: readonly TextEntry[]): string[] {
  return entries.map((entry) => {
    if (entry.text !== undefined) {
      held.set(entry.id, { version: entry.version, text: entry.text });
      return entry.text;
    }
    const kept = held.get(entry.id);
    // The memo and this cache go together (a new worker comes with a new memo); a gap is a bug.
    if (!kept || kept.version !== entry.version) throw new Error(`the task worker does not hold the text of document ${entry.id}`);
    return kept.text;
  });
}
