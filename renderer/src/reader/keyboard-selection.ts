/**
 * Selecting text with the keyboard. The reader's text is not editable, so browsers give it
 * no caret; Shift+Arrow keys extend the selection with Selection.modify, starting from the
 * first line in view when nothing in the text is selected yet.
 */
import type { KeyboardEvent } from 'react';

type Granularity = 'character' | 'word' | 'line' | 'lineboundary' | 'paragraph';

const KEYS: Record<string, { direction: 'forward' | 'backward'; plain: Granularity; ctrl: Granularity }> = {
  ArrowRight: { direction: 'forward', plain: 'character', ctrl: 'word' },
  ArrowLeft: { direction: 'backward', plain: 'character', ctrl: 'word' },
  ArrowDown: { direction: 'forward', plain: 'line', ctrl: 'paragraph' },
  ArrowUp: { direction: 'backward', plain: 'line', ctrl: 'paragraph' },
  End: { direction: 'forward', plain: 'lineboundary', ctrl: 'lineboundary' },
  Home: { direction: 'backward', plain: 'lineboundary', ctrl: 'lineboundary' },
};

type ModifiableSelection = Selection & { modify?: (alter: string, direction: string, granularity: string) => void };

function firstVisibleSegment(root: HTMLElement): Element | null {
  const top = root.parentElement?.closest('.reader-scroll')?.getBoundingClientRect().top ?? 0;
  for (const segment of root.querySelectorAll('[data-seg]')) {
    if (segment.getBoundingClientRect().bottom > top && segment.textContent) return segment;
  }
  return root.querySelector('[data-seg]');
}

/** Handles Shift+Arrow/Home/End in the text; returns true when it did. */
export function extendSelectionByKey(event: KeyboardEvent<HTMLElement>): boolean {
  const key = KEYS[event.key];
  if (!key || !event.shiftKey || event.altKey || event.metaKey) return false;
  const selection = window.getSelection() as ModifiableSelection | null;
  if (!selection?.modify) return false;
  const root = event.currentTarget;
  if (selection.rangeCount === 0 || !root.contains(selection.anchorNode)) {
    const start = firstVisibleSegment(root);
    if (!start) return false;
    // The first text node, even when the line starts with a speaker's name in a span.
    const first = document.createTreeWalker(start, NodeFilter.SHOW_TEXT).nextNode();
    selection.collapse(first ?? start, 0);
  }
  selection.modify('extend', key.direction, event.ctrlKey ? key.ctrl : key.plain);
  event.preventDefault();
  return true;
}
