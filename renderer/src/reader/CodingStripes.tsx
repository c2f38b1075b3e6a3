/**
 * The coding stripes beside the text: a bar beside the lines each coding covers, in the
 * code's colour, overlapping bars side by side (see stripe-layout.ts). Re-measured whenever
 * the codings change or the text reflows.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Coding } from '../../../shared/model/schema';
import type { CodeLook } from '../store/selectors';
import { stripeBars, type MeasuredCoding } from './stripe-layout';
import { rangeOfOffsets, type TextLayout } from './text-range';

/** Width of one code's column and the gap between columns, in px. */
const COLUMN = 6;
const GAP = 4;

export interface CodingStripesProps {
  layout: TextLayout | null;
  codings: readonly Coding[];
  /** Name and colour of each code. */
  looks: ReadonlyMap<string, CodeLook>;
  /** The code tree's order: where bars start together, earlier codes go left. */
  codeOrder: readonly string[];
}

export function CodingStripes({ layout, codings, looks, codeOrder }: CodingStripesProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [measured, setMeasured] = useState<MeasuredCoding[]>([]);
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
    const extents: MeasuredCoding[] = [];
    for (const coding of codings) {
      if (coding.end > layout.length) continue;
      let top = Infinity;
      let bottom = -Infinity;
      for (const rect of rangeOfOffsets(layout, coding.start, coding.end).getClientRects()) {
        if (rect.height === 0) continue;
        top = Math.min(top, rect.top);
        bottom = Math.max(bottom, rect.bottom);
      }
      if (top < bottom) extents.push({ codeId: coding.codeId, top: top - origin, bottom: bottom - origin });
    }
    setMeasured(extents);
    // Measuring is the costly part (a layout query per coding): only when positions can have moved.
  }, [layout, codings, reflow]);

  const bars = useMemo(() => stripeBars(measured, codeOrder), [measured, codeOrder]);

  const width = bars.columns * (COLUMN + GAP);
  return (
    <div ref={ref} className="stripes" role="group" aria-label="Coding stripes" style={{ width }}>
      {bars.bars.map((bar) => {
        const look = looks.get(bar.codeId);
        const label = look ? `${look.name}${bar.codings > 1 ? ` (${bar.codings} codings)` : ''}` : '';
        return (
          <div
            key={`${bar.codeId}-${bar.top}`}
            className="stripe"
            role="img"
            aria-label={label}
            title={label}
            data-code-id={bar.codeId}
            style={{ left: bar.column * (COLUMN + GAP), top: bar.top, height: bar.height, width: COLUMN, background: look?.color }}
          />
        );
      })}
    </div>
  );
}
