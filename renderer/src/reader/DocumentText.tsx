/**
 * The text of a document, one <p> per line, each holding exactly that line's text: the
 * layout text-range.ts relies on. Memoised, so that highlights and popovers never cause
 * the (possibly very long) text to re-render.
 */
import { memo, type KeyboardEvent } from 'react';
import type { Paragraph } from './paragraphs';

export interface DocumentTextProps {
  name: string;
  text: string;
  paragraphs: readonly Paragraph[];
  rootRef: (element: HTMLElement | null) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

export const DocumentText = memo(function DocumentText({ name, text, paragraphs, rootRef, onKeyDown }: DocumentTextProps) {
  return (
    <article ref={rootRef} className="reader-text" tabIndex={0} aria-label={`Text of ${name}`} onKeyDown={onKeyDown}>
      {paragraphs.map((p, i) => (
        <p key={i}>{text.slice(p.start, p.end)}</p>
      ))}
    </article>
  );
});
