/**
 * Paragraphs of a document, for "in the same paragraph" (co-occurrence) and anything else
 * that asks which paragraph an offset is in. Every importer writes blocks (paragraphs,
 * headings, list items, table cells, subtitle turns) separated by a blank line (see
 * shared/import/registry.ts), and a plain text's blank lines are its paragraphs, so a
 * paragraph starts after each run of blank lines. A block range of the reading structure
 * starts one too, which splits blocks a later edit of the text joined without a blank
 * line. Pages, speakers and timestamps are labels over blocks, not blocks themselves.
 *
 * Each paragraph runs up to the start of the next, so the blank lines after a paragraph
 * belong to it and every offset is in exactly one paragraph.
 */
import type { StructureRange } from '../model/schema';

const BLOCKS: ReadonlySet<StructureRange['kind']> = new Set(['paragraph', 'heading', 'list-item', 'table-cell', 'quote']);

/** A line holding nothing but spaces or tabs, with the line break that ends it. */
const BLANK_LINES = /\n(?:[ \t]*\n)+/g;

/** Where each paragraph starts, ascending, the first at 0. */
export function paragraphStarts(text: string, structure: readonly StructureRange[] = []): number[] {
  const starts = new Set<number>([0]);
  for (const match of text.matchAll(BLANK_LINES)) {
    const after = match.index + match[0].length;
    if (after < text.length) starts.add(after);
  }
  for (const range of structure) if (BLOCKS.has(range.kind) && range.start > 0 && range.start < text.length) starts.add(range.start);
  return [...starts].sort((a, b) => a - b);
}

/** The index of the paragraph holding `offset` (0-based), given paragraphStarts. */
export function paragraphIndex(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The paragraphs a span [start, end) touches, as a half-open range of paragraph indexes. */
export function paragraphsOf(starts: readonly number[], start: number, end: number): { first: number; end: number } {
  return { first: paragraphIndex(starts, start), end: paragraphIndex(starts, Math.max(start, end - 1)) + 1 };
}
