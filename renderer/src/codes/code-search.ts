/**
 * The codes pane's search: the rows whose name holds the words typed (in any case), with
 * every ancestor of a match kept so each match is shown where it sits in the tree.
 */
import type { Code } from '../../../shared/model/schema';

/** The rows to show for `query` (all of them for an empty query), in their order. */
export function filterCodeRows<R extends { code: Code }>(rows: readonly R[], codes: ReadonlyMap<string, Code>, query: string): { rows: readonly R[]; matches: ReadonlySet<string> } {
  const words = query.trim().toLocaleLowerCase();
  if (!words) return { rows, matches: new Set() };
  const matches = new Set<string>();
  const keep = new Set<string>();
  for (const { code } of rows) {
    if (!code.name.toLocaleLowerCase().includes(words)) continue;
    matches.add(code.id);
    // The ancestors, stopping at one already kept (its own ancestors are then kept too).
    for (let id: string | null = code.id; id !== null && !keep.has(id); id = codes.get(id)?.parentId ?? null) keep.add(id);
  }
  return { rows: rows.filter((r) => keep.has(r.code.id)), matches };
}
