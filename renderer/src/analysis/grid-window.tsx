/**
 * Long analysis tables (codes × 1,000 documents, 200 × 200 codes) are never put in the
 * DOM whole: rows are virtualised (only those near the view are rendered, with spacer
 * rows keeping the scroll height, and aria-rowcount / aria-rowindex saying where each
 * stands), and columns come in pages of COLUMN_PAGE with buttons to move between them.
 * The exports hold every row and column.
 */
import { useEffect, useState, type RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useListOffset } from '../common/list-offset';

/** Columns shown at once. */
export const COLUMN_PAGE = 40;
/** Rows below which the table is rendered whole (no spacers, nothing to measure). */
const WHOLE_ROWS = 80;

/** The page of columns shown, and the controls that move it. */
export function useColumnPage(total: number, what: string): { start: number; end: number; controls: React.ReactNode } {
  const [start, setStart] = useState(0);
  useEffect(() => {
    if (start >= total) setStart(0);
  }, [total, start]);
  const from = start < total ? start : 0;
  const end = Math.min(total, from + COLUMN_PAGE);
  const controls =
    total <= COLUMN_PAGE ? null : (
      <div className="analysis-pages" role="group" aria-label={`Pages of ${what}`}>
        <button type="button" className="small" disabled={from === 0} onClick={() => setStart(Math.max(0, from - COLUMN_PAGE))}>
          Previous {COLUMN_PAGE} {what}
        </button>
        <span>
          {what[0]!.toUpperCase() + what.slice(1)} {from + 1}–{end} of {total.toLocaleString('en')}
        </span>
        <button type="button" className="small" disabled={end >= total} onClick={() => setStart(from + COLUMN_PAGE)}>
          Next {COLUMN_PAGE} {what}
        </button>
      </div>
    );
  return { start: from, end, controls };
}

export interface RowWindow {
  /** The row indexes to render, in order. */
  rows: number[];
  /** Heights of the spacer rows before and after them, px (0: no spacer). */
  before: number;
  after: number;
  /** A rendered row's ref (kept so a table could measure its rows; estimates serve today). */
  measure: (element: HTMLTableRowElement | null) => void;
}

const NO_MEASURE = () => {};

/** The rows of a long table (its body is `body`) near the view of `scroller`; every row of a short one. */
export function useRowWindow(count: number, body: RefObject<HTMLElement | null>, scroller: HTMLElement | null, rowHeight = 32): RowWindow {
  const whole = count <= WHOLE_ROWS;
  // Where the table's body starts in the scrolled content: below the options, the caption and the header row.
  const margin = useListOffset(body, whole ? null : scroller);
  const virtualizer = useVirtualizer<HTMLElement, HTMLTableRowElement>({
    count: whole ? 0 : count,
    getScrollElement: () => scroller,
    estimateSize: () => rowHeight,
    overscan: 12,
    scrollMargin: margin,
    initialRect: { width: 800, height: 1000 },
  });
  if (whole) return { rows: Array.from({ length: count }, (_, i) => i), before: 0, after: 0, measure: NO_MEASURE };
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  return {
    rows: items.map((i) => i.index),
    before: first ? first.start - margin : 0,
    after: last ? virtualizer.getTotalSize() - (last.end - margin) : 0,
    // Rows are not measured: measuring a table row lays out the whole table, and rows of
    // one table are near enough one height that the estimate places them.
    measure: NO_MEASURE,
  };
}

/** A spacer row standing for the rows not rendered. */
export function Spacer({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true" className="analysis-spacer">
      <td colSpan={columns} style={{ height, padding: 0, border: 'none' }} />
    </tr>
  );
}
