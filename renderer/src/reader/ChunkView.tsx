/**
 * One rendered chunk of the open document: its text, the highlights of the codings it
 * shows (registered while it is rendered, removed when it is dropped), and its slice of
 * the coding stripes, drawn into the stripes column beside the text (see stripe-layout.ts).
 */
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { CodingEntry } from '../../../shared/model/coding-columns';
import type { CodeLook, CoderLook } from '../store/selectors';
import { ChunkText } from './ChunkText';
import { addChunkPaint, removeChunkPaint } from './highlights';
import { clipToChunk, type Chunk, type ReaderLayout } from './layout';
import { highlightClock, measureHighlights } from './reader-timing';
import { stripeBars, type MeasuredCoding, type StripeBar } from './stripe-layout';
import { rangeOfOffsets, type TextLayout } from './text-range';
import { visibleName } from '../../../shared/text/safe-names';

/** Width of one code's column and the gap between columns, in px. */
export const STRIPE_COLUMN = 6;
export const STRIPE_GAP = 4;

export interface ChunkViewProps {
  chunk: Chunk;
  layout: ReaderLayout;
  text: string;
  /** Where the chunk starts, in px from the top of the text. */
  top: number;
  /** The text's layout, once the text root is mounted. */
  textLayout: TextLayout | null;
  codings: readonly CodingEntry[];
  looks: ReadonlyMap<string, CodeLook>;
  /** The shown coders, when more than one is (their codings are then marked); else null. */
  coders: ReadonlyMap<string, CoderLook> | null;
  codeOrder: readonly string[];
  /** The stripes column, where this chunk's bars go. */
  gutter: HTMLElement | null;
  /** Registers the chunk's element (see chunk-registry.ts). */
  register: (index: number, element: HTMLElement | null) => void;
  /** The virtualiser's measuring ref. */
  measure: (element: HTMLElement | null) => void;
  /** Tells the reader how many stripe columns this chunk needs (0 when it goes away). */
  onColumns: (index: number, columns: number) => void;
}

const NO_BARS: { bars: StripeBar[]; columns: number; height: number } = { bars: [], columns: 0, height: 0 };

/** A bar this close to the chunk's edge goes on in the next chunk: it gets a square end there. */
const EDGE = 0.5;

export const ChunkView = memo(function ChunkView(props: ChunkViewProps) {
  const { chunk, layout, text, top, textLayout, codings, looks, coders, codeOrder, gutter, register, measure, onColumns } = props;
  const element = useRef<HTMLDivElement | null>(null);
  const [stripes, setStripes] = useState(NO_BARS);
  const [reflow, setReflow] = useState(0);

  const ref = useCallback(
    (node: HTMLDivElement | null) => {
      element.current = node;
      register(chunk.index, node);
      if (node) measure(node);
    },
    [chunk.index, register, measure],
  );

  // Re-measure the stripes when the chunk's text reflows (the window or a pane was resized).
  useLayoutEffect(() => {
    const node = element.current;
    if (!node) return;
    let width = node.offsetWidth;
    const observer = new ResizeObserver(() => {
      if (node.offsetWidth === width) return;
      width = node.offsetWidth;
      setReflow((n) => n + 1);
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const node = element.current;
    if (!node || !textLayout) return;
    const clock = highlightClock();
    const byCode = new Map<string, Range[]>();
    const byCoder = new Map<string, Range[]>();
    const review: Range[] = [];
    const drawn: [CodingEntry, Range][] = [];
    for (const coding of codings) {
      const part = clipToChunk(chunk, coding.start, coding.end);
      const range = part && rangeOfOffsets(textLayout, part.start, part.end);
      if (!range) continue;
      let ranges = byCode.get(coding.codeId);
      if (!ranges) byCode.set(coding.codeId, (ranges = []));
      ranges.push(range);
      if (coders) {
        let mine = byCoder.get(coding.coderId);
        if (!mine) byCoder.set(coding.coderId, (mine = []));
        mine.push(range);
      }
      if (coding.needsReview) review.push(range);
      drawn.push([coding, range]);
    }
    const paint = { byCode, byCoder, review };
    addChunkPaint(paint);
    if (clock) measureHighlights(clock);

    // The stripes: each coding's vertical extent in this chunk.
    const origin = node.getBoundingClientRect().top;
    const height = node.offsetHeight;
    const measured: MeasuredCoding[] = [];
    for (const [coding, range] of drawn) {
      let from = Infinity;
      let to = -Infinity;
      for (const rect of range.getClientRects()) {
        if (rect.height === 0) continue;
        from = Math.min(from, rect.top - origin);
        to = Math.max(to, rect.bottom - origin);
      }
      if (from >= to) continue;
      // A coding that goes on into the chunk before or after runs to the chunk's edge, so its bar looks unbroken.
      measured.push({ codeId: coding.codeId, ...(coders ? { coderId: coding.coderId } : {}), top: coding.start < chunk.start ? 0 : from, bottom: coding.end > chunk.end ? height : to, review: coding.needsReview });
    }
    setStripes(measured.length ? { ...stripeBars(measured, codeOrder), height } : NO_BARS);
    return () => removeChunkPaint(paint);
  }, [textLayout, chunk, codings, codeOrder, coders, reflow]);

  useLayoutEffect(() => {
    onColumns(chunk.index, stripes.columns);
  }, [onColumns, chunk.index, stripes.columns]);
  useLayoutEffect(() => () => onColumns(chunk.index, 0), [onColumns, chunk.index]);

  const slice = useMemo(
    () =>
      stripes.bars.map((bar) => {
        const look = looks.get(bar.codeId);
        const coder = bar.coderId === undefined ? undefined : coders?.get(bar.coderId);
        const whose = coder ? ` by ${visibleName(coder.name)}` : '';
        const name = look ? `${visibleName(look.name)}${whose}${bar.codings > 1 ? ` (${bar.codings} codings)` : ''}` : '';
        const label = bar.review ? `${name}, needs review` : name;
        const classes = ['stripe'];
        if (coder) classes.push('coder-marked');
        if (bar.review) classes.push('review');
        if (bar.top <= EDGE) classes.push('open-top');
        if (bar.top + bar.height >= stripes.height - EDGE) classes.push('open-bottom');
        return (
          <div
            key={`${bar.codeId}-${bar.coderId ?? ''}-${bar.top}`}
            className={classes.join(' ')}
            role="img"
            aria-label={label}
            title={label}
            data-code-id={bar.codeId}
            data-coder-id={bar.coderId}
            style={{
              left: bar.column * (STRIPE_COLUMN + STRIPE_GAP),
              top: bar.top,
              height: bar.height,
              width: STRIPE_COLUMN,
              color: look?.color,
              background: bar.review ? undefined : look?.color,
              // The coder's colour as a cap on the bar (see team.css .stripe.coder-marked).
              ...(coder ? { borderTopColor: coder.color } : {}),
            }}
          />
        );
      }),
    [stripes, looks, coders],
  );

  return (
    <div ref={ref} className="chunk" data-chunk={chunk.index} data-index={chunk.index} style={{ top }}>
      <ChunkText text={text} layout={layout} chunk={chunk} />
      {gutter &&
        slice.length > 0 &&
        createPortal(
          <div className="stripe-slice" style={{ top }}>
            {slice}
          </div>,
          gutter,
        )}
    </div>
  );
});
