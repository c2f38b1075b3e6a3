/**
 * Memoised derivations of the project mirror. The mirror's maps are mutated in place, so a
 * derived array is recomputed when `revision` moves and is otherwise the same object:
 * components that select it re-render only when it really changed.
 */
import type { AppState } from './types';

/** A selector computed once per revision. */
export function perRevision<T>(compute: (state: AppState) => T): (state: AppState) => T {
  let revision = -1;
  let value: T;
  return (state) => {
    if (state.revision !== revision) {
      value = compute(state);
      revision = state.revision;
    }
    return value;
  };
}

/** A selector family keyed by a string (e.g. a document id), each computed once per revision. */
export function perRevisionKeyed<T>(compute: (state: AppState, key: string) => T): (key: string) => (state: AppState) => T {
  const cache = new Map<string, { revision: number; value: T }>();
  const selectors = new Map<string, (state: AppState) => T>();
  return (key) => {
    let selector = selectors.get(key);
    if (!selector) {
      // A handful of keys are live at once; forget the rest rather than grow without bound.
      if (selectors.size > 64) {
        selectors.clear();
        cache.clear();
      }
      selector = (state) => {
        const hit = cache.get(key);
        if (hit && hit.revision === state.revision) return hit.value;
        const value = compute(state, key);
        cache.set(key, { revision: state.revision, value });
        return value;
      };
      selectors.set(key, selector);
    }
    return selector;
  };
}
