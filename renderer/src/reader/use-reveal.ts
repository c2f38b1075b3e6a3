/**
 * Scrolling the reader to an offset that may not be rendered yet (a jump from the Excerpts
 * view, a find match, a heading in the outline). The target's chunk is pinned, so it is
 * rendered at its estimated place at once; the view is scrolled to it, and scrolled again
 * over the next frames while the chunks around it are measured and settle, until the user
 * scrolls or it has stayed put for a moment.
 */
import { useCallback, useLayoutEffect, useState } from 'react';
import { chunkIndexAt } from './layout';
import { rangeOfOffsets, type TextLayout } from './text-range';

export interface RevealTarget {
  start: number;
  end: number;
  /** 'start' puts the target near the top of the view (headings), 'center' a little above the middle. */
  align: 'start' | 'center';
  /** Changes on every request, so revealing the same place twice scrolls twice. */
  key: number;
}

/**
 * How long to keep correcting the scroll position while the chunks around the target are
 * measured (their real heights replace estimates and can shift it), and how long it must
 * have stayed put to count as settled. Measuring happens over a few frames, later on a
 * busy machine, so this is time rather than a number of frames.
 */
const SETTLE_MAX_MS = 1200;
const SETTLED_MS = 200;
/** A target within this many px of where it should be counts as there. */
const TOLERANCE = 4;

let nextKey = 1;

export function useReveal(text: TextLayout | null, scroller: HTMLElement | null): {
  target: RevealTarget | null;
  /** The chunk the target is in, kept rendered. */
  targetChunk: number | null;
  reveal: (start: number, end: number, align?: RevealTarget['align']) => void;
} {
  const [target, setTarget] = useState<RevealTarget | null>(null);
  const reveal = useCallback((start: number, end: number, align: RevealTarget['align'] = 'center') => {
    setTarget({ start, end, align, key: nextKey++ });
  }, []);

  useLayoutEffect(() => {
    if (!target || !text || !scroller) return;
    const began = performance.now();
    let stillSince = began;
    let frame = 0;
    const finish = () => {
      cancelAnimationFrame(frame);
      // There: the target's chunk need not be kept rendered once the user scrolls on.
      setTarget((current) => (current === target ? null : current));
    };
    const step = () => {
      const now = performance.now();
      const range = rangeOfOffsets(text, target.start, Math.min(target.end, target.start + 1));
      const rect = range?.getClientRects()[0] ?? range?.getBoundingClientRect();
      if (rect) {
        const view = scroller.getBoundingClientRect();
        const want = view.top + view.height * (target.align === 'start' ? 0.08 : 0.35);
        const delta = rect.top - want;
        if (Math.abs(delta) > TOLERANCE) {
          scroller.scrollTop += delta;
          stillSince = now;
        }
      }
      if (now - began > SETTLE_MAX_MS || (rect && now - stillSince > SETTLED_MS)) finish();
      else frame = requestAnimationFrame(step);
    };
    // The user taking over the scrolling ends the correcting at once.
    const userScrolls = () => finish();
    scroller.addEventListener('wheel', userScrolls, { passive: true });
    scroller.addEventListener('pointerdown', userScrolls);
    scroller.addEventListener('keydown', userScrolls);
    step();
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('wheel', userScrolls);
      scroller.removeEventListener('pointerdown', userScrolls);
      scroller.removeEventListener('keydown', userScrolls);
    };
  }, [target, text, scroller]);

  const targetChunk = target && text ? chunkIndexAt(text.layout, target.start) : null;
  return { target, targetChunk, reveal };
}
