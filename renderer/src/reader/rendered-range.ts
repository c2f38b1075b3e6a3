/** Which chunks the reader renders: the virtualiser's range with its overscan, plus the pinned ones. */
import { defaultRangeExtractor, type Range } from '@tanstack/react-virtual';

/** The rendered range plus the pinned chunks, in increasing order without repeats. */
export function withPinned(range: Range, pinned: readonly number[]): number[] {
  const shown = defaultRangeExtractor(range);
  const extra = pinned.filter((i) => i < range.count && !shown.includes(i));
  return extra.length === 0 ? shown : [...shown, ...extra].sort((a, b) => a - b);
}
