/**
 * The Search view's own state: the query and its toggles, the scope filters, the results
 * loaded so far (pages of the host's answer), which hits are selected, and which panel is
 * shown. Kept while the person switches views, so coming back finds the same results.
 */
import { create } from 'zustand';
import type { SearchQuery, VariableValue } from '../../../shared/model/schema';
import type { SearchRequest } from '../../../shared/ipc/contract';

/** The scope as the host's request carries it. */
export type SearchScope = NonNullable<SearchRequest['where']>;
import type { Hit } from './result-rows';
import type { SearchStamp } from './staleness';

export interface ScopeChoice {
  /** Only these documents (none: every document). */
  documentIds: string[];
  /** Only documents in these sets (none: no set filter). */
  setIds: string[];
  variable: { variableId: string; values: VariableValue[] } | null;
  insideCode: { codeId: string; withSubcodes: boolean } | null;
  uncodedOnly: boolean;
}

export const NO_SCOPE: ScopeChoice = { documentIds: [], setIds: [], variable: null, insideCode: null, uncodedOnly: false };

/** The scope as the host reads it: only the filters that narrow something. */
export function scopeRequest(scope: ScopeChoice): SearchScope {
  return {
    ...(scope.documentIds.length ? { documentIds: scope.documentIds } : {}),
    ...(scope.setIds.length ? { setIds: scope.setIds } : {}),
    ...(scope.variable && scope.variable.values.length ? { variable: scope.variable } : {}),
    ...(scope.insideCode ? { insideCode: scope.insideCode } : {}),
    ...(scope.uncodedOnly ? { uncodedOnly: true } : {}),
  };
}

/** What the last search found: its query and scope (what auto-code codes), and the hits loaded so far. */
export interface Results {
  query: SearchQuery;
  where: SearchScope;
  hits: Hit[];
  total: number;
  perDocument: Record<string, number>;
  /** The versions of what the search read, when it was asked (staleness.ts): a change past them searches again. */
  stamp: SearchStamp;
}

export type Panel = 'autocode' | 'speakers' | 'suggestions';

export interface SearchViewState {
  query: SearchQuery;
  scope: ScopeChoice;
  results: Results | null;
  /** The search or page being fetched, by its task id (to cancel it). */
  running: string | null;
  /** Why the last search gave no results: a bad pattern (saying where), or stopped at its time limit. */
  error: string | null;
  /** The last search was stopped by the person before it finished. */
  stopped: boolean;
  selected: ReadonlySet<string>;
  panel: Panel;
  /** Bumped when Ctrl+Shift+F asks for the query field. */
  focusRequest: number;
  set(patch: Partial<Omit<SearchViewState, 'set'>>): void;
}

export const useSearch = create<SearchViewState>((set) => ({
  query: { text: '', regex: false, caseSensitive: false, wholeWord: false },
  scope: NO_SCOPE,
  results: null,
  running: null,
  error: null,
  stopped: false,
  selected: new Set(),
  panel: 'autocode',
  focusRequest: 0,
  set: (patch) => set(patch),
}));
