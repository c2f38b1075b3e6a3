/**
 * A long list (documents, the code tree, excerpts) with only the rows on screen in the
 * DOM, and a few either side, through @tanstack/react-virtual; each row's measured height
 * replaces its estimate once it is rendered. It stays an ordinary list to assistive
 * technology and to the tests: a `ul`/`ol` with its label, each row a listitem that says
 * where it stands (aria-posinset of aria-setsize).
 *
 * The keyboard reaches every row, not only those on screen: Arrow Up/Down, Home, End,
 * Page Up/Down move focus between the rows' main controls (the element with `focusClass`),
 * scrolling the row into view; Tab walks the rendered rows, and the browser scrolls the
 * next one into view, which renders the ones after it. Rows that must not disappear while
 * scrolled away stay rendered (pinned): the one with focus (a rename in place, an open
 * menu), the one being dragged, and any the owner pins.
 *
 * Rows are absolutely positioned in the list, whose height is the estimated total; the
 * list scrolls with `scrollElement` (the pane), which may hold other things above it.
 */
import { Fragment, useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { useVirtualizer, type Range } from '@tanstack/react-virtual';
import { withPinned } from '../reader/rendered-range';
import { keptRows, rowForKey, rowsPerPage } from './list-keys';
import { useListOffset } from './list-offset';

/** What a row's element must carry: spread on the `li`. */
export interface RowProps {
  ref: Ref<HTMLLIElement>;
  'data-index': number;
  'aria-posinset': number;
  'aria-setsize': number;
  style: { transform: string };
}

export interface VirtualListProps<T> {
  items: readonly T[];
  /**
   * A row's stable key, so its measured height follows it when rows come and go. Left
   * out, rows are keyed by position, which costs nothing per row: for very long lists
   * (100,000 excerpts), whose measuring would otherwise call this for every row each time
   * a row's height is learnt. Their owner then remounts the list when its items change.
   */
  itemKey?: (item: T) => string;
  /** A row's height before it is measured, in px (called for every row whenever rows are measured: keep it cheap). */
  estimateSize: (item: T, index: number) => number;
  /** The element that scrolls the list. */
  scrollElement: HTMLElement | null;
  as?: 'ul' | 'ol';
  label: string;
  className?: string;
  /** The class of each row's main control, which the arrow keys move focus between. */
  focusClass?: string;
  /** Rows to keep rendered wherever the view is (by index). */
  pinned?: readonly number[];
  /** Rows rendered beyond each edge of the view. */
  overscan?: number;
  renderRow: (item: T, props: RowProps) => ReactNode;
}

/** Rows beyond the view's edge: enough that Tab always finds the next row rendered. */
const OVERSCAN = 6;

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, itemKey, estimateSize, scrollElement, as: Tag = 'ul', label, className, focusClass = 'row-main', pinned = [], overscan = OVERSCAN, renderRow } = props;
  const list = useRef<HTMLUListElement & HTMLOListElement>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const focusedRow = useRef<number | null>(null);
  focusedRow.current = focused;
  const [focusRequest, setFocusRequest] = useState<number | null>(null);

  const margin = useListOffset(list, scrollElement);

  const keep = useMemo(() => keptRows(pinned, focused, focusRequest, items.length), [pinned, focused, focusRequest, items.length]);
  const rangeExtractor = useCallback((range: Range) => withPinned(range, keep), [keep]);
  const byKey = useCallback((index: number) => itemKey!(items[index]!), [items, itemKey]);
  const byPosition = useCallback((index: number) => index, []);
  const getItemKey = itemKey ? byKey : byPosition;
  const virtualizer = useVirtualizer<HTMLElement, HTMLLIElement>({
    count: items.length,
    getScrollElement: () => scrollElement,
    estimateSize: (index) => estimateSize(items[index]!, index),
    getItemKey,
    overscan,
    scrollMargin: margin,
    rangeExtractor,
    // Before the pane is measured: a tall view, so the first render already fills the screen.
    initialRect: { width: 300, height: 1000 },
  });

  // A row that changes height after it was shown (an excerpt card whose text arrived)
  // moves the rows below it; when the focused row is in view below it, the view moves with
  // it, so the row the person went to (End, say) stays where it is. Otherwise as the
  // library does by default: only rows wholly above the view move the view.
  virtualizer.shouldAdjustScrollPositionOnItemSizeChange = (item, _delta, instance) => {
    const offset = instance.scrollOffset ?? 0;
    if (item.end <= offset) return true;
    const at = focusedRow.current;
    if (at === null || item.index >= at) return false;
    const row = instance.measurementsCache[at];
    const height = instance.scrollRect?.height ?? 0;
    return row !== undefined && row.start >= offset && row.start < offset + height;
  };

  // Focus asked for by a key lands once its row is rendered (it is pinned until then).
  useLayoutEffect(() => {
    if (focusRequest === null) return;
    const target = list.current?.querySelector<HTMLElement>(`:scope > [data-index="${focusRequest}"] .${focusClass}`);
    if (!target) return;
    target.focus({ preventScroll: true });
    setFocusRequest(null);
  });

  const rowIndexOf = (element: EventTarget | null): number | null => {
    const row = element instanceof Element ? element.closest<HTMLElement>('[data-index]') : null;
    return row && row.parentElement === list.current ? Number(row.dataset.index) : null;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!(event.target instanceof HTMLElement) || !event.target.classList.contains(focusClass)) return;
    const from = rowIndexOf(event.target);
    if (from === null) return;
    const perPage = rowsPerPage(scrollElement?.clientHeight ?? 300, estimateSize(items[from]!, from));
    const next = rowForKey(event, from, items.length, perPage);
    if (next === null) return;
    event.preventDefault();
    if (next === from) return;
    virtualizer.scrollToIndex(next, { align: 'auto' });
    setFocusRequest(next);
  };

  const rows = virtualizer.getVirtualItems();
  return (
    <Tag
      ref={list}
      className={className ? `${className} virtual` : 'virtual'}
      aria-label={label}
      style={{ height: virtualizer.getTotalSize() }}
      onKeyDown={onKeyDown}
      onFocus={(event) => setFocused(rowIndexOf(event.target))}
      onBlur={(event) => {
        if (!list.current?.contains(event.relatedTarget as Node | null)) setFocused(null);
      }}
    >
      {rows.map((row) => (
        <Fragment key={row.key}>
          {renderRow(items[row.index]!, {
            ref: virtualizer.measureElement,
            'data-index': row.index,
            'aria-posinset': row.index + 1,
            'aria-setsize': items.length,
            style: { transform: `translateY(${row.start - margin}px)` },
          })}
        </Fragment>
      ))}
    </Tag>
  );
}
