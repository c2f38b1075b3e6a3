/**
 * The handle between a side pane and the view: drag it, or focus it and press Left/Right
 * (Home/End for the narrowest and widest), to resize the pane (ARIA window splitter).
 */
import type { KeyboardEvent, PointerEvent } from 'react';
import { PANE_LIMITS, usePaneWidths, type Pane } from './pane-widths';

const STEP = 16;

export function PaneSplitter({ pane, label }: { pane: Pane; label: string }) {
  const width = usePaneWidths((s) => s.widths[pane]);
  const setWidth = usePaneWidths((s) => s.setWidth);
  const { min, max } = PANE_LIMITS[pane];
  // The codes pane is on the right: dragging left widens it.
  const sign = pane === 'documents' ? 1 : -1;

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const startX = event.clientX;
    const startWidth = width;
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const move = (e: globalThis.PointerEvent) => setWidth(pane, startWidth + sign * (e.clientX - startX));
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const to =
      event.key === 'ArrowRight' ? width + sign * STEP : event.key === 'ArrowLeft' ? width - sign * STEP : event.key === 'Home' ? min : event.key === 'End' ? max : null;
    if (to === null) return;
    event.preventDefault();
    setWidth(pane, to);
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className="pane-splitter"
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
