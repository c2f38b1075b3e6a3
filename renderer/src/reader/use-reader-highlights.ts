/** Keeps CSS.highlights in step with the open document: its codings, the pending span, a flash. */
import { useEffect, useLayoutEffect } from 'react';
import type { Code, Coding } from '../../../shared/model/schema';
import type { Span } from '../store/types';
import type { Flash } from '../store/ui-slice';
import { FLASH_HIGHLIGHT, paintCodeHighlights, paintSpecial, PENDING_HIGHLIGHT, type CodeRanges } from './highlights';
import { rangeOfOffsets, type TextLayout } from './text-range';

/** How long a passage reached from the Excerpts view stays flashed. */
const FLASH_MS = 1600;

export function useCodeHighlights(layout: TextLayout | null, codings: readonly Coding[], codes: ReadonlyMap<string, Code>, revision: number): void {
  useLayoutEffect(() => {
    if (!layout) return;
    const byCode = new Map<string, CodeRanges>();
    for (const coding of codings) {
      const code = codes.get(coding.codeId);
      if (!code || coding.end > layout.length) continue;
      let entry = byCode.get(code.id);
      if (!entry) byCode.set(code.id, (entry = { codeId: code.id, color: code.color, ranges: [] }));
      entry.ranges.push(rangeOfOffsets(layout, coding.start, coding.end));
    }
    paintCodeHighlights([...byCode.values()]);
  }, [layout, codings, codes, revision]);

  useEffect(() => () => paintCodeHighlights([]), []);
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
