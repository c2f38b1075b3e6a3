/**
 * Which row of a long list the keyboard goes to, and which rows stay rendered for it,
 * whether or not they are on screen (see VirtualList). Pure, so it is tested on its own.
 */

/** The parts of a key event that decide a move. */
export interface ListKey {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/**
 * The row a key moves to from row `from` of `count` (Arrow Up/Down by one, Page Up/Down
 * by `perPage`, Home and End to the ends); null for any other key, or with a modifier
 * (Shift+Arrow and the like keep their own meaning).
 */
export function rowForKey(event: ListKey, from: number, count: number, perPage: number): number | null {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || count === 0) return null;
  const page = Math.max(1, perPage);
  const to: Record<string, number> = { ArrowDown: from + 1, ArrowUp: from - 1, Home: 0, End: count - 1, PageDown: from + page, PageUp: from - page };
  const target = Object.hasOwn(to, event.key) ? to[event.key] : undefined;
  return target === undefined ? null : Math.min(count - 1, Math.max(0, target));
}

/**
 * How many rows Page Down moves: a screenful of rows of `rowPx` in a view `viewPx` high,
 * less one, so the row at the edge stays in sight; at least one.
 */
export function rowsPerPage(viewPx: number, rowPx: number): number {
  const rows = Math.floor(viewPx / rowPx) - 1;
  // Sizes not measured yet (zero, NaN) or absurd (a row a fraction of a pixel high): one row.
  return Number.isFinite(rows) && viewPx > 0 && rowPx > 0 ? Math.max(1, rows) : 1;
}

/**
 * The rows rendered wherever the view is, in increasing order without repeats: those the
 * owner pins, the row holding focus (so focus is not lost when it scrolls away, and a
 * rename or an open menu in it lives on) and the row a key asked to focus (until it is
 * rendered and takes focus). Rows past the end (the list just got shorter) are left out.
 */
export function keptRows(pinned: readonly number[], focused: number | null, requested: number | null, count: number): number[] {
  const out = new Set(pinned);
  if (focused !== null) out.add(focused);
  if (requested !== null) out.add(requested);
  return [...out].filter((i) => Number.isInteger(i) && i >= 0 && i < count).sort((a, b) => a - b);
}
