/**
 * The reader's own highlight layers (the passage waiting to be coded, a flashed passage,
 * find matches and the current match), drawn for the rendered chunks only and re-drawn
 * when chunks come into view.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { FIND_CURRENT_HIGHLIGHT, FIND_HIGHLIGHT, FLASH_HIGHLIGHT, paintSpecial, PENDING_HIGHLIGHT, type SpecialHighlight } from './highlights';
import type { ChunkRegistry } from './chunk-registry';
import { clipToChunk } from './layout';
import { rangeOfOffsets, type TextLayout } from './text-range';

export interface Spanned {
  start: number;
  end: number;
}

/** Spans for each layer, sorted by start and not overlapping (find matches never do). */
export type SpecialLayers = Record<SpecialHighlight, readonly Spanned[]>;

const NAMES: readonly SpecialHighlight[] = [PENDING_HIGHLIGHT, FLASH_HIGHLIGHT, FIND_HIGHLIGHT, FIND_CURRENT_HIGHLIGHT];

/** Index of the first span ending after `offset`. */
function firstEndingAfter(spans: readonly Spanned[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Ranges over the parts of `spans` inside the rendered chunks. */
export function renderedRanges(text: TextLayout, chunks: readonly number[], spans: readonly Spanned[]): Range[] {
  const out: Range[] = [];
  if (spans.length === 0) return out;
  for (const index of chunks) {
    const chunk = text.layout.chunks[index];
    if (!chunk) continue;
    for (let i = firstEndingAfter(spans, chunk.start); i < spans.length && spans[i]!.start < chunk.end; i++) {
      const part = clipToChunk(chunk, spans[i]!.start, spans[i]!.end);
      const range = part && rangeOfOffsets(text, part.start, part.end);
      if (range) out.push(range);
    }
  }
  return out;
}

export function useSpecialHighlights(text: TextLayout | null, registry: ChunkRegistry, layers: SpecialLayers): void {
  const latest = useRef({ text, layers });
  latest.current = { text, layers };
  const painted = useRef(new Map<SpecialHighlight, readonly Spanned[]>());
  const paintedText = useRef<TextLayout | null>(null);

  // Each layer is re-drawn when its spans or the text change…
  useLayoutEffect(() => {
    if (!text) return;
    if (paintedText.current !== text) painted.current.clear();
    paintedText.current = text;
    const chunks = registry.rendered();
    for (const name of NAMES) {
      if (painted.current.get(name) === layers[name]) continue;
      painted.current.set(name, layers[name]);
      paintSpecial(name, renderedRanges(text, chunks, layers[name]));
    }
  });

  // …and every layer when chunks come into view or go.
  useEffect(() => {
    return registry.subscribe(() => {
      const { text: current, layers: now } = latest.current;
      if (!current) return;
      const chunks = registry.rendered();
      for (const name of NAMES) {
        if (now[name].length > 0 || painted.current.get(name)?.length) paintSpecial(name, renderedRanges(current, chunks, now[name]));
        painted.current.set(name, now[name]);
      }
    });
  }, [registry]);

  useEffect(
    () => () => {
      for (const name of NAMES) paintSpecial(name, []);
    },
    [],
  );
}
