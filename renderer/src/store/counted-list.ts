/**
 * A list with a count on every row (documents with their codings, codes with theirs), kept
 * up to date at the cost of the rows a change touched: when the list was last computed just
 * before the latest change, only the rows of the documents or codes that change put or
 * deleted codings of are counted again, in a copy of the previous list; the other rows stay
 * the same objects. Anything else (another order, another coder filter, several changes
 * since) counts every row from the tallies, still without walking the codings.
 */
import { shallowEqual } from './derive';
import type { Touched } from './versions';
import type { AppState } from './types';

export interface CountedListSpec<T, R extends object> {
  /** The items in display order (a memoised selector: the same array while the order holds). */
  order(state: AppState): readonly T[];
  /** A row's key: a document's or a code's id. */
  key(item: T): string;
  row(state: AppState, item: T, index: number): R;
  /** The keys of the rows the last change touched. */
  touched(last: Touched): ReadonlySet<string>;
}

/** A selector for a counted list (see the top of this file). */
export function countedList<T, R extends object>(spec: CountedListSpec<T, R>): (state: AppState) => R[] {
  let memo: { order: readonly T[]; filter: AppState['coderFilter']; codings: number; rows: R[]; at: Map<string, number> } | null = null;
  return (s) => {
    const order = spec.order(s);
    const same = memo !== null && memo.order === order && memo.filter === s.coderFilter;
    if (same && memo!.codings === s.versions.codings) return memo!.rows;
    if (same && memo!.codings === s.lastTouched.before.codings) {
      let rows: R[] | null = null;
      for (const key of spec.touched(s.lastTouched)) {
        const i = memo!.at.get(key);
        if (i === undefined) continue;
        const next = spec.row(s, order[i]!, i);
        if (shallowEqual(next, memo!.rows[i]!)) continue;
        rows ??= memo!.rows.slice();
        rows[i] = next;
      }
      memo = { ...memo!, codings: s.versions.codings, rows: rows ?? memo!.rows };
      return memo.rows;
    }
    const previous = memo;
    const rows = order.map((item, i) => {
      const next = spec.row(s, item, i);
      // A row equal to the one the previous list had for this key stays that object.
      const at = previous?.at.get(spec.key(item));
      const old = at === undefined ? undefined : previous!.rows[at];
      return old && shallowEqual(old, next) ? old : next;
    });
    memo = { order, filter: s.coderFilter, codings: s.versions.codings, rows, at: new Map(order.map((item, i) => [spec.key(item), i])) };
    return rows;
  };
}
