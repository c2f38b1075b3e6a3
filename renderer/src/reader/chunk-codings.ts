/**
 * Which codings each chunk shows. A chunk's list keeps its identity while its codings stay
 * the same, so a change to one passage re-draws only the chunks that passage touches.
 */
import type { CodingEntry } from '../../../shared/model/coding-columns';
import { sameItems } from '../store/derive';
import { chunkSpan, type ReaderLayout } from './layout';

const EMPTY: readonly CodingEntry[] = [];
const sameList = sameItems<CodingEntry>();

/**
 * The codings touching each chunk, in the order given. Codings past the end of the text
 * (a mirror briefly out of step with an edit) are left out. Where `previous` holds an
 * equal list for a chunk, that list is returned instead of the new one.
 */
export function codingsByChunk(layout: ReaderLayout, codings: readonly CodingEntry[], previous: readonly (readonly CodingEntry[])[] = []): (readonly CodingEntry[])[] {
  const lists: CodingEntry[][] = layout.chunks.map(() => []);
  for (const coding of codings) {
    if (coding.end > layout.length || coding.start >= coding.end) continue;
    const { first, last } = chunkSpan(layout, coding.start, coding.end);
    for (let i = first; i <= last; i++) lists[i]!.push(coding);
  }
  return lists.map((list, i) => {
    const before = previous[i];
    if (before && sameList(before, list)) return before;
    return list.length === 0 ? EMPTY : list;
  });
}
