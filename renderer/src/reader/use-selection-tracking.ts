/**
 * Turns the browser's text selection in the reader into the pending span (the passage the
 * code popover will code). A mouse selection counts when the button is released; a keyboard
 * selection as it changes. Clicking in the text without selecting clears the pending span.
 */
import { useEffect } from 'react';
import { useGloss } from '../store';
import type { Span } from '../store/types';
import { cleanSpan } from '../../../shared/text/span';
import { offsetsOfRange, type TextLayout } from './text-range';

/** The current selection as a span of this document, or null if it selects no text of it. */
export function selectedSpan(layout: TextLayout, documentId: string, text: string): Span | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const offsets = offsetsOfRange(layout, selection.getRangeAt(0));
  if (!offsets) return null;
  const clean = cleanSpan(text, offsets.start, offsets.end);
  return clean ? { documentId, ...clean } : null;
}

export function useSelectionTracking(layout: TextLayout | null, documentId: string, text: string): void {
  const setPending = useGloss((s) => s.setPending);

  useEffect(() => {
    if (!layout) return;
    let mouseDown = false;
    let downInText = false;

    const onMouseDown = (event: MouseEvent) => {
      if (event.button !== 0) return;
      mouseDown = true;
      downInText = layout.root.contains(event.target as Node);
    };
    const onMouseUp = (event: MouseEvent) => {
      if (event.button !== 0 || !mouseDown) return;
      mouseDown = false;
      const span = selectedSpan(layout, documentId, text);
      if (span) setPending(span);
      else if (downInText) setPending(null);
    };
    // Handled at once, not on the next frame: a fast typist's first letter (which moves
    // focus into the popover) must not overtake the last Shift+Arrow.
    const onSelectionChange = () => {
      if (mouseDown) return;
      const span = selectedSpan(layout, documentId, text);
      if (span) setPending(span);
    };

    document.addEventListener('mousedown', onMouseDown, true);
    document.addEventListener('mouseup', onMouseUp, true);
    document.addEventListener('selectionchange', onSelectionChange);
    return () => {
      document.removeEventListener('mousedown', onMouseDown, true);
      document.removeEventListener('mouseup', onMouseUp, true);
      document.removeEventListener('selectionchange', onSelectionChange);
    };
  }, [layout, documentId, text, setPending]);
}
