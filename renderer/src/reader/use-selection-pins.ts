/**
 * The chunks where the text's selection starts and ends. The reader keeps them rendered,
 * so a selection dragged (or extended with the keyboard) far beyond the view keeps both of
 * its ends in the DOM and can be coded exactly.
 */
import { useEffect, useState } from 'react';
import { chunkOfNode, type TextLayout } from './text-range';

const NONE: readonly number[] = [];

export function useSelectionPins(text: TextLayout | null): readonly number[] {
  const [pins, setPins] = useState<readonly number[]>(NONE);
  useEffect(() => {
    if (!text) return;
    const onSelectionChange = () => {
      const selection = window.getSelection();
      const next: number[] = [];
      if (selection && selection.rangeCount > 0) {
        for (const node of [selection.anchorNode, selection.focusNode]) {
          const chunk = chunkOfNode(text, node);
          if (chunk !== null && !next.includes(chunk)) next.push(chunk);
        }
      }
      setPins((current) => (current.length === next.length && current.every((c, i) => c === next[i]) ? current : next.length ? next : NONE));
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [text]);
  return pins;
}
