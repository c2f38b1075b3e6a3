/**
 * Performance marks the reader benchmark reads (scripts/bench/reader.ts). A mark per
 * document opened is cheap and always on; timing each chunk's highlight registration is
 * only done when the page was opened with `timing` in its query, so a long session does not
 * fill the performance timeline.
 */

/** Name of the mark set when a document's first screen, highlights included, is laid out. */
export const PAINTED_MARK = 'gloss:reader-painted';
/** Name of the measures of registering one chunk's highlights. */
export const HIGHLIGHT_MEASURE = 'gloss:highlights';

const timing = typeof location !== 'undefined' && new URLSearchParams(location.search).has('timing');

export function markReaderPainted(documentId: string): void {
  performance.mark(PAINTED_MARK, { detail: documentId });
}

/** Records how long registering some highlights took, from `start` (a performance.now() time) to now. */
export function measureHighlights(start: number): void {
  if (timing) performance.measure(HIGHLIGHT_MEASURE, { start });
}

/** performance.now(), or 0 when nobody is timing (so the call costs nothing). */
export function highlightClock(): number {
  return timing ? performance.now() : 0;
}
