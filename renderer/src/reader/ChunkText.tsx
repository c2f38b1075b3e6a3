/**
 * The text of one chunk: one block element per segment, holding exactly the segment's text
 * (the layout text-range.ts relies on). Structure shows through classes and attributes
 * only: a heading's level, a list item's depth, a page number drawn by CSS in the margin,
 * speaker names and timestamps as spans around their own text. Nothing is added to the
 * text itself, so offsets stay offsets into the plain text.
 */
import { memo, type CSSProperties, type ReactNode } from 'react';
import type { Chunk, ReaderLayout, Segment } from './layout';

/** The reader's document title is an h2, so the document's own headings start at level 3. */
const HEADING_LEVEL_OFFSET = 2;

/** A list item whose text already starts with a bullet or a number (a PDF's are printed in its text). */
const LIST_MARKER = /^\s*(?:[•◦▪‣∙·*\-–—]|\(?\d{1,3}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s/i;

function content(text: string, segment: Segment): ReactNode {
  if (!segment.marks) return text.slice(segment.start, segment.end);
  const parts: ReactNode[] = [];
  let at = segment.start;
  for (const mark of segment.marks) {
    if (mark.start > at) parts.push(text.slice(at, mark.start));
    parts.push(
      <span key={mark.start} className={mark.kind} title={mark.kind === 'speaker' && mark.label ? mark.label : undefined}>
        {text.slice(mark.start, mark.end)}
      </span>,
    );
    at = mark.end;
  }
  if (at < segment.end) parts.push(text.slice(at, segment.end));
  return parts;
}

function SegmentView({ text, segment, index }: { text: string; segment: Segment; index: number }) {
  const classes = ['seg'];
  if (segment.block && segment.block !== 'paragraph') classes.push(segment.block);
  if (segment.continued) classes.push('continued');
  if (segment.start === segment.end) classes.push('blank');
  // Formats that number or bullet lists themselves leave the marker out of the text: draw one.
  if (segment.block === 'list-item' && segment.blockStart && !LIST_MARKER.test(text.slice(segment.start, segment.start + 8))) classes.push('bullet');
  const heading = segment.block === 'heading';
  const style = segment.block === 'list-item' && segment.level ? ({ '--depth': segment.level } as CSSProperties) : undefined;
  return (
    <p
      data-seg={index}
      className={classes.join(' ')}
      data-page={segment.page}
      role={heading ? 'heading' : undefined}
      aria-level={heading ? Math.min(6, (segment.level ?? 1) + HEADING_LEVEL_OFFSET) : undefined}
      style={style}
    >
      {content(text, segment)}
    </p>
  );
}

export const ChunkText = memo(function ChunkText({ text, layout, chunk }: { text: string; layout: ReaderLayout; chunk: Chunk }) {
  const out: ReactNode[] = [];
  for (let i = chunk.first; i < chunk.last; i++) out.push(<SegmentView key={i} text={text} segment={layout.segments[i]!} index={i} />);
  return <>{out}</>;
});
