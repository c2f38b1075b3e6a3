/**
 * The Search view's jump into the reader: the hit to show, and the query the reader's find
 * bar should show with it, so the person lands on the same matches they were looking at.
 * Kept apart from the main store: the reader takes the request when the document it names
 * is open and drops it.
 */
import { create } from 'zustand';
import type { SearchQuery } from '../../../shared/model/schema';

export interface FindHandoff {
  documentId: string;
  start: number;
  end: number;
  query: SearchQuery;
  /** Changes with every jump, so jumping twice to one hit works twice. */
  key: number;
}

interface HandoffStore {
  request: FindHandoff | null;
  hand(request: Omit<FindHandoff, 'key'>): void;
  taken(key: number): void;
}

let keys = 0;

export const useFindHandoff = create<HandoffStore>((set, get) => ({
  request: null,
  hand: (request) => set({ request: { ...request, key: ++keys } }),
  taken: (key) => {
    if (get().request?.key === key) set({ request: null });
  },
}));
