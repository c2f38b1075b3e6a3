/** Cleaning up a selected span before it is coded: pure string logic. */
import { splitsSurrogatePair } from './quote';

/** Widens [start, end) so that it never cuts a surrogate pair (an emoji) in half. */
export function snapToCharacters(text: string, start: number, end: number): { start: number; end: number } {
  return {
    start: splitsSurrogatePair(text, start) ? start - 1 : start,
    end: splitsSurrogatePair(text, end) ? end + 1 : end,
  };
}

/**
 * Drops white space (spaces, tabs, line breaks) at both ends: a drag across a line end or a
 * triple-click picks up the '\n', and a coded passage should not start or end with one.
 */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** The span to code for a raw selection [start, end), or null when nothing but white space is selected. */
export function cleanSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  const lo = Math.max(0, Math.min(start, end));
  const hi = Math.min(text.length, Math.max(start, end));
  const trimmed = trimSpan(text, lo, hi);
  if (trimmed.end <= trimmed.start) return null;
  return snapToCharacters(text, trimmed.start, trimmed.end);
}
