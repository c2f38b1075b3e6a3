/**
 * Memoised derivations of the project mirror. The mirror's maps are mutated in place, so a
 * derived value is recomputed when `revision` moves (or the coder filter, which decides
 * which codings are seen, is replaced); with an `equal` check, a recomputed
 * value that equals the previous one is dropped for the previous object, so components and
 * effects that depend on it do not run again for changes elsewhere in the project.
 */
import type { AppState } from './types';

export type Equal<T> = (a: T, b: T) => boolean;

/** Arrays with the same items (by identity, or by `same`), in the same order. */
export function sameItems<T>(same: (a: T, b: T) => boolean = Object.is): Equal<readonly T[]> {
  return (a, b) => a.length === b.length && a.every((item, i) => same(item, b[i]!));
}

/** Plain objects whose own values are identical. */
export function shallowEqual<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]));
}

/** A selector computed once per revision (and coder filter). */
export function perRevision<T>(compute: (state: AppState) => T, equal?: Equal<T>): (state: AppState) => T {
  let revision = -1;
  let filter: AppState['coderFilter'] | undefined;
  let value: T;
  return (state) => {
    if (state.revision !== revision || state.coderFilter !== filter) {
      const next = compute(state);
      if (revision < 0 || !equal || !equal(value, next)) value = next;
      revision = state.revision;
      filter = state.coderFilter;
    }
    return value;
  };
}

/** A selector family keyed by a string (e.g. a document id), each computed once per revision. */
export function perRevisionKeyed<T>(compute: (state: AppState, key: string) => T, equal?: Equal<T>): (key: string) => (state: AppState) => T {
  const selectors = new Map<string, (state: AppState) => T>();
  return (key) => {
    let selector = selectors.get(key);
    if (!selector) {
      // A handful of keys are live at once; forget the rest rather than grow without bound.
      if (selectors.size > 64) selectors.clear();
      selector = perRevision((state) => compute(state, key), equal);
      selectors.set(key, selector);
    }
    return selector;
  };
}
