/**
 * The document's text, rendered chunk by chunk with @tanstack/react-virtual: only the chunks
 * on screen, a couple either side (overscan), and the chunks the reader pins (where the
 * selection starts and ends, the passage waiting to be coded, a jump target) are in the DOM.
 * Pinning keeps a mouse selection whole while the view scrolls away from where it began.
 *
 * Chunks are absolutely positioned inside the text root, whose height is the virtualiser's
 * estimate of the whole text; each chunk's measured height replaces its estimate as soon as
 * it is rendered. Beside the text, the stripes column receives each chunk's bars.
 */
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useVirtualizer, type Range as VirtualRange } from '@tanstack/react-virtual';
import type { CodingEntry } from '../../../shared/model/coding-columns';
import type { CodeLook, CoderLook } from '../store/selectors';
import { ChunkView, STRIPE_COLUMN, STRIPE_GAP } from './ChunkView';
import { codingsByChunk } from './chunk-codings';
import type { ChunkRegistry } from './chunk-registry';
import { estimateChunkHeight, metricsFor } from './estimate';
import type { ReaderLayout } from './layout';
import { withPinned } from './rendered-range';
import type { TextLayout } from './text-range';

/** Chunks rendered beyond each edge of the view: enough that a selection dragged a little past the edge lands in rendered text. */
const OVERSCAN = 2;

export interface VirtualTextProps {
  name: string;
  text: string;
  layout: ReaderLayout;
  /** Changes whenever the layout does, so chunk sizes measured for an older text are not reused. */
  layoutVersion: number;
  textLayout: TextLayout | null;
  codings: readonly CodingEntry[];
  looks: ReadonlyMap<string, CodeLook>;
  /** The shown coders when more than one is (see ChunkView); else null. */
  coders: ReadonlyMap<string, CoderLook> | null;
  codeOrder: readonly string[];
  /** Chunks to keep rendered wherever the view is, in increasing order. */
  pinned: readonly number[];
  registry: ChunkRegistry;
  scrollElement: HTMLElement | null;
  rootRef: (element: HTMLElement | null) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  onCopy: (event: ClipboardEvent<HTMLElement>) => void;
}

/** Keeps each chunk's codings list identical while it does not change, so unchanged chunks do not re-draw. */
function useChunkCodings(layout: ReaderLayout, codings: readonly CodingEntry[]): (readonly CodingEntry[])[] {
  const previous = useRef<{ layout: ReaderLayout; lists: (readonly CodingEntry[])[] } | null>(null);
  return useMemo(() => {
    const before = previous.current?.layout === layout ? previous.current.lists : [];
    const lists = codingsByChunk(layout, codings, before);
    previous.current = { layout, lists };
    return lists;
  }, [layout, codings]);
}

export const VirtualText = memo(function VirtualText(props: VirtualTextProps) {
  const { name, text, layout, layoutVersion, textLayout, codings, looks, coders, codeOrder, pinned, registry, scrollElement, rootRef, onKeyDown, onCopy } = props;
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const [gutter, setGutter] = useState<HTMLElement | null>(null);
  const [width, setWidth] = useState(700);
  const [margin, setMargin] = useState(0);
  const [columns, setColumns] = useState(0);
  const columnsByChunk = useRef(new Map<number, number>());

  const attachRoot = useCallback(
    (element: HTMLElement | null) => {
      setRoot(element);
      rootRef(element);
    },
    [rootRef],
  );

  // Where the text starts inside the scroll container, and how wide it is (for the size estimates).
  useLayoutEffect(() => {
    if (!root || !scrollElement) return;
    const update = () => {
      setMargin(root.getBoundingClientRect().top - scrollElement.getBoundingClientRect().top + scrollElement.scrollTop);
      setWidth(root.clientWidth || 700);
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(root.parentElement ?? root);
    return () => observer.disconnect();
  }, [root, scrollElement]);

  const estimates = useMemo(() => {
    const metrics = metricsFor(width);
    return layout.chunks.map((chunk) => estimateChunkHeight(layout, chunk, metrics));
  }, [layout, width]);

  const rangeExtractor = useCallback((range: VirtualRange) => withPinned(range, pinned), [pinned]);
  const getItemKey = useCallback((index: number) => `${layoutVersion}:${index}`, [layoutVersion]);
  const virtualizer = useVirtualizer<HTMLElement, HTMLElement>({
    count: layout.chunks.length,
    getScrollElement: () => scrollElement,
    estimateSize: (index) => estimates[index] ?? 100,
    getItemKey,
    overscan: OVERSCAN,
    scrollMargin: margin,
    rangeExtractor,
    initialRect: { width: 800, height: 900 },
  });

  const lists = useChunkCodings(layout, codings);

  const onColumns = useCallback((index: number, count: number) => {
    const map = columnsByChunk.current;
    if (count === 0) map.delete(index);
    else map.set(index, count);
    let max = 0;
    for (const n of map.values()) max = Math.max(max, n);
    setColumns(max);
  }, []);

  // After every render: let the reader's highlights know if chunks came or went.
  useLayoutEffect(() => registry.commit());

  const items = virtualizer.getVirtualItems();
  return (
    <>
      <article
        ref={attachRoot}
        className="reader-text"
        tabIndex={0}
        aria-label={`Text of ${name}`}
        onKeyDown={onKeyDown}
        onCopy={onCopy}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const chunk = layout.chunks[item.index]!;
          return (
            <ChunkView
              key={item.key as string}
              chunk={chunk}
              layout={layout}
              text={text}
              top={item.start - margin}
              textLayout={textLayout}
              codings={lists[item.index]!}
              looks={looks}
              coders={coders}
              codeOrder={codeOrder}
              gutter={gutter}
              register={registry.set}
              measure={virtualizer.measureElement}
              onColumns={onColumns}
            />
          );
        })}
      </article>
      <div ref={setGutter} className="stripes" role="group" aria-label="Coding stripes" style={{ width: columns * (STRIPE_COLUMN + STRIPE_GAP) }} />
    </>
  );
});
