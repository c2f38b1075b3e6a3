/**
 * How the reader lays a document out: one paragraph per line of the text (split on '\n').
 * Paragraph i covers [start, end) of the text; the '\n' after it belongs to no paragraph.
 * Pure functions of the text, shared by the renderer and text-range.ts.
 */
export interface Paragraph {
  start: number;
  /** Exclusive, and before the '\n' that ends the line. */
  end: number;
}

/** The paragraphs of `text`; an empty text is one empty paragraph. */
export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) {
      out.push({ start, end: text.length });
      return out;
    }
    out.push({ start, end: nl });
    start = nl + 1;
  }
}

/** Index of the paragraph holding `offset` (binary search; offsets in a '\n' go to the line before). */
export function paragraphIndexAt(paragraphs: readonly Paragraph[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paragraphs[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
