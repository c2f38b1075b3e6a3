/** Keeps CSS.highlights in step with the open document: its codings, the pending span, a flash. */
import { useEffect, useLayoutEffect } from 'react';
import type { Coding } from '../../../shared/model/schema';
import type { Span } from '../store/types';
import type { CodeLook } from '../store/selectors';
import type { Flash } from '../store/ui-slice';
import { FLASH_HIGHLIGHT, paintCodeColors, paintCodeRanges, paintSpecial, PENDING_HIGHLIGHT } from './highlights';
import { rangeOfOffsets, type TextLayout } from './text-range';

/** How long a passage reached from the Excerpts view stays flashed. */
const FLASH_MS = 1600;

/**
 * One highlight per code over the document's codings. Ranges are rebuilt only when the
 * codings change; colours (a style rule per code) only when a colour changes.
 */
export function useCodeHighlights(layout: TextLayout | null, codings: readonly Coding[], looks: ReadonlyMap<string, CodeLook>): void {
  useLayoutEffect(() => {
    if (!layout) return;
    const byCode = new Map<string, Range[]>();
    for (const coding of codings) {
      if (coding.end > layout.length) continue;
      let ranges = byCode.get(coding.codeId);
      if (!ranges) byCode.set(coding.codeId, (ranges = []));
      ranges.push(rangeOfOffsets(layout, coding.start, coding.end));
    }
    paintCodeRanges(byCode);
  }, [layout, codings]);

  useLayoutEffect(() => paintCodeColors(looks), [looks]);

  useEffect(() => () => paintCodeRanges(new Map()), []);
}

export function usePendingHighlight(layout: TextLayout | null, documentId: string, pending: Span | null): void {
  useLayoutEffect(() => {
    const show = layout && pending && pending.documentId === documentId;
    paintSpecial(PENDING_HIGHLIGHT, show ? rangeOfOffsets(layout, pending.start, pending.end) : null);
  }, [layout, documentId, pending]);
  useEffect(() => () => paintSpecial(PENDING_HIGHLIGHT, null), []);
}

/** Scrolls a flashed passage into view and highlights it briefly. */
export function useFlash(layout: TextLayout | null, documentId: string, flash: Flash | null): void {
  useLayoutEffect(() => {
    if (!layout || !flash || flash.documentId !== documentId) return;
    const range = rangeOfOffsets(layout, flash.start, flash.end);
    const node = range.startContainer;
    const paragraph = node instanceof Element ? node : node.parentElement;
    paragraph?.scrollIntoView({ block: 'center' });
    paintSpecial(FLASH_HIGHLIGHT, range);
    const timer = setTimeout(() => paintSpecial(FLASH_HIGHLIGHT, null), FLASH_MS);
    return () => {
      clearTimeout(timer);
      paintSpecial(FLASH_HIGHLIGHT, null);
    };
  }, [layout, documentId, flash]);
}
