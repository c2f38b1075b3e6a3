/** The keys that move focus through a long list's rows, whether or not they are rendered. */

/**
 * The row a key moves to from row `from` of `count` (Arrow Up/Down by one, Page Up/Down
 * by `perPage`, Home and End to the ends); null for any other key, or with a modifier
 * (Shift+Arrow and the like keep their own meaning).
 */
export function rowForKey(event: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }, from: number, count: number, perPage: number): number | null {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || count === 0) return null;
  const page = Math.max(1, perPage);
  const to: Record<string, number> = { ArrowDown: from + 1, ArrowUp: from - 1, Home: 0, End: count - 1, PageDown: from + page, PageUp: from - page };
  const target = to[event.key];
  return target === undefined ? null : Math.min(count - 1, Math.max(0, target));
}
