/** Memos as the exports and the excerpts view show them. */
import type { Memo } from './schema';
import type { ProjectState } from './state';

/** One line for a memo: "title: text", or whichever of the two it has. */
export function memoLine(memo: Memo): string {
  return memo.title && memo.text ? `${memo.title}: ${memo.text}` : memo.title || memo.text;
}

/** The memo lines attached to each coding, by coding id. */
export function memoLinesByCoding(state: Pick<ProjectState, 'memos'>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const memo of state.memos.values()) {
    if (memo.target.kind !== 'coding') continue;
    const list = out.get(memo.target.id);
    if (list) list.push(memoLine(memo));
    else out.set(memo.target.id, [memoLine(memo)]);
  }
  return out;
}
