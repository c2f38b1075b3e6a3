/**
 * Framework summaries in a merge. A summary belongs to its cell (a case or document and a
 * code), one per cell, so two copies that each wrote a summary for the same cell wrote two
 * versions of one thing, not two things: the other copy's summary takes our id, and the
 * field-by-field merge then treats it like a memo edited on both sides (the same words are
 * one summary; words changed on one side since the base win; two different texts are a
 * conflict the user settles, ours kept until they do). Nothing either side wrote is
 * dropped without a conflict or a note.
 */
import type { ProjectFile, Summary } from '../model/schema';

/** The key of a summary's cell; row and code ids never hold a NUL. */
export const cellKey = (s: Pick<Summary, 'row' | 'codeId'>): string => `${s.row.kind}\u0000${s.row.id}\u0000${s.codeId}`;

/**
 * `other` with each summary that ours has under another id for the same cell renamed to our
 * id. Only summaries whose ids the other side lacks are matched, one to one, so two
 * summaries that are already one by id are never paired again by cell.
 */
export function matchSummaryCells(ours: ProjectFile, other: ProjectFile): ProjectFile {
  const otherIds = new Set(other.summaries.map((s) => s.id));
  const oursIds = new Set(ours.summaries.map((s) => s.id));
  const byCell = new Map<string, string>();
  for (const s of ours.summaries) if (!otherIds.has(s.id) && !byCell.has(cellKey(s))) byCell.set(cellKey(s), s.id);
  if (byCell.size === 0) return other;
  let renamed = false;
  const summaries = other.summaries.map((s) => {
    if (oursIds.has(s.id)) return s;
    const id = byCell.get(cellKey(s));
    if (id === undefined) return s;
    byCell.delete(cellKey(s));
    renamed = true;
    return { ...s, id };
  });
  return renamed ? { ...other, summaries } : other;
}
