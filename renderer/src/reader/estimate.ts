/**
 * How tall a chunk probably is before it has been rendered, so the scroll bar is about
 * right from the start. The virtualiser replaces each estimate with the measured height as
 * soon as the chunk is rendered; an estimate only has to be close, not exact.
 */
import type { Chunk, ReaderLayout } from './layout';

export interface TextMetrics {
  /** Characters that fit on one line of the text column. */
  charsPerLine: number;
  /** Height of one line of body text, in px. */
  lineHeight: number;
  /** Space after a non-empty line (the paragraph margin), in px. */
  gap: number;
  /** Height of an empty line (a blank line between blocks), in px. */
  blankHeight: number;
}

/**
 * Metrics for the reader's text style (17px, line height 1.65) in a column `width` px
 * wide; an average character of a serif text face is about half the font size wide.
 */
export function metricsFor(width: number): TextMetrics {
  const fontSize = 17;
  return { charsPerLine: Math.max(20, Math.floor(width / (fontSize * 0.5))), lineHeight: fontSize * 1.65, gap: fontSize * 0.3, blankHeight: fontSize * 0.6 };
}

/** Headings are set larger than body text. */
const HEADING_SCALE = 1.3;

export function estimateChunkHeight(layout: ReaderLayout, chunk: Chunk, metrics: TextMetrics): number {
  let height = 0;
  for (let i = chunk.first; i < chunk.last; i++) {
    const segment = layout.segments[i]!;
    const length = segment.end - segment.start;
    if (length === 0) {
      height += metrics.blankHeight;
      continue;
    }
    const scale = segment.block === 'heading' ? HEADING_SCALE : 1;
    const lines = Math.ceil((length * scale) / metrics.charsPerLine);
    height += lines * metrics.lineHeight * scale + metrics.gap;
  }
  return Math.max(1, Math.round(height));
}
