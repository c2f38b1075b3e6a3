/**
 * Document texts fetched on demand (the index the store holds has none): the cache itself
 * (text-cache.ts), mutated in place, and a counter that moves with it so subscribers see it.
 * reader/document-text.ts fetches; bridge/call.ts puts what 'documents:text' replies carry.
 */
import type { DocumentContent } from '../../../shared/model/document-index';
import { TextCache } from './text-cache';
import type { Slice } from './types';

export interface TextsSlice {
  texts: TextCache;
  /** Moves whenever `texts` changes. */
  textsVersion: number;
  /** Keeps a document's text that the host sent. */
  textArrived(content: DocumentContent): void;
  /** Marks a document's text as just used (it is evicted last). */
  textUsed(documentId: string): void;
  /** Forgets every text (another project was opened). */
  forgetTexts(): void;
}

export const createTextsSlice: Slice<TextsSlice> = (set, get) => ({
  texts: new TextCache(),
  textsVersion: 0,
  textArrived(content) {
    get().texts.put(content);
    set({ textsVersion: get().textsVersion + 1 });
  },
  textUsed(documentId) {
    get().texts.touch(documentId);
  },
  forgetTexts() {
    get().texts.clear();
    set({ textsVersion: get().textsVersion + 1 });
  },
});
