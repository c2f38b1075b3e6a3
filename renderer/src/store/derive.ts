/**
 * Memoised derivations of the project mirror. The mirror's maps are mutated in place, so a
 * derived value says what it depends on (the versions of the tables it reads, see
 * versions.ts, the coder filter, another selector's value) and is recomputed only when one
 * of those moves: applying a coding recomputes what reads codings, not the code tree or the
 * sorted document names. With an `equal` check, a recomputed value that equals the previous
 * one is dropped for the previous object, so components and effects that depend on it do
 * not run again for changes elsewhere in the project.
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

/** What a derived value depends on: compared item by item with Object.is. */
export type Inputs = (state: AppState) => readonly unknown[];

/** A selector computed again only when its inputs change. */
export function derived<T>(inputs: Inputs, compute: (state: AppState) => T, equal?: Equal<T>): (state: AppState) => T {
  let seen: readonly unknown[] | null = null;
  let value: T;
  return (state) => {
    const now = inputs(state);
    if (!seen || now.length !== seen.length || now.some((input, i) => !Object.is(input, seen![i]))) {
      const next = compute(state);
      if (!seen || !equal || !equal(value, next)) value = next;
      seen = now;
    }
    return value;
  };
}

/** A selector family keyed by a string (e.g. a document id), each computed again only when its inputs change. */
export function derivedKeyed<T>(
  inputs: (state: AppState, key: string) => readonly unknown[],
  compute: (state: AppState, key: string) => T,
  equal?: Equal<T>,
): (key: string) => (state: AppState) => T {
  const selectors = new Map<string, (state: AppState) => T>();
  return (key) => {
    let selector = selectors.get(key);
    if (!selector) {
      // A handful of keys are live at once; forget the rest rather than grow without bound.
      if (selectors.size > 64) selectors.clear();
      selector = derived((state) => inputs(state, key), (state) => compute(state, key), equal);
      selectors.set(key, selector);
    }
    return selector;
  };
}
