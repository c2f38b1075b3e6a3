/** The reader's text layout (paragraphs + root element) for text-range.ts, once the text is mounted. */
import { useMemo, useState } from 'react';
import { paragraphsOf, type Paragraph } from './paragraphs';
import type { TextLayout } from './text-range';

export function useTextLayout(text: string): {
  paragraphs: Paragraph[];
  layout: TextLayout | null;
  rootRef: (element: HTMLElement | null) => void;
} {
  const paragraphs = useMemo(() => paragraphsOf(text), [text]);
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const layout = useMemo(() => (root ? { root, paragraphs, length: text.length } : null), [root, paragraphs, text.length]);
  return { paragraphs, layout, rootRef: setRoot };
}
