/**
 * The coding stripes beside the text: a bar beside the lines each coding covers, in the
 * code's colour, overlapping bars side by side (see stripe-layout.ts). Re-measured whenever
 * the codings change or the text reflows.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { Code, Coding } from '../../../shared/model/schema';
import { stripeBars, type MeasuredCoding, type StripeBar } from './stripe-layout';
import { rangeOfOffsets, type TextLayout } from './text-range';

/** Width of one code's column and the gap between columns, in px. */
const COLUMN = 6;
const GAP = 4;

export interface CodingStripesProps {
  layout: TextLayout | null;
  codings: readonly Coding[];
  codes: ReadonlyMap<string, Code>;
  /** The code tree's order: where bars start together, earlier codes go left. */
  codeOrder: readonly string[];
  revision: number;
}

export function CodingStripes({ layout, codings, codes, codeOrder, revision }: CodingStripesProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [bars, setBars] = useState<{ bars: StripeBar[]; columns: number }>({ bars: [], columns: 0 });
  const [reflow, setReflow] = useState(0);

  useLayoutEffect(() => {
    if (!layout) return;
    const observer = new ResizeObserver(() => setReflow((n) => n + 1));
    observer.observe(layout.root);
    return () => observer.disconnect();
  }, [layout]);

  useLayoutEffect(() => {
    const gutter = ref.current;
    if (!layout || !gutter) return;
    const origin = gutter.getBoundingClientRect().top;
    const measured: MeasuredCoding[] = [];
    for (const coding of codings) {
      if (!codes.has(coding.codeId) || coding.end > layout.length) continue;
      let top = Infinity;
      let bottom = -Infinity;
      for (const rect of rangeOfOffsets(layout, coding.start, coding.end).getClientRects()) {
        if (rect.height === 0) continue;
        top = Math.min(top, rect.top);
        bottom = Math.max(bottom, rect.bottom);
      }
      if (top < bottom) measured.push({ codeId: coding.codeId, top: top - origin, bottom: bottom - origin });
    }
    setBars(stripeBars(measured, codeOrder));
  }, [layout, codings, codes, codeOrder, revision, reflow]);

  const width = bars.columns * (COLUMN + GAP);
  return (
    <div ref={ref} className="stripes" role="group" aria-label="Coding stripes" style={{ width }}>
      {bars.bars.map((bar) => {
        const code = codes.get(bar.codeId);
        const label = code ? `${code.name}${bar.codings > 1 ? ` (${bar.codings} codings)` : ''}` : '';
        return (
          <div
            key={`${bar.codeId}-${bar.top}`}
            className="stripe"
            role="img"
            aria-label={label}
            title={label}
            data-code-id={bar.codeId}
            style={{ left: bar.column * (COLUMN + GAP), top: bar.top, height: bar.height, width: COLUMN, background: code?.color }}
          />
        );
      })}
    </div>
  );
}
