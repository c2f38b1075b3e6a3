/** The side panes' widths: dragged or keyed by their splitters, remembered on this computer. */
import { create } from 'zustand';

export type Pane = 'documents' | 'codes';

/** Pixels: default, narrowest, widest. */
export const PANE_LIMITS: Record<Pane, { initial: number; min: number; max: number }> = {
  documents: { initial: 240, min: 160, max: 520 },
  codes: { initial: 290, min: 200, max: 560 },
};

const KEY = 'gloss.paneWidths';

/** A width within the pane's limits (a stored width from a bigger screen, a drag past the edge). */
export function clampWidth(pane: Pane, width: number): number {
  const { min, max } = PANE_LIMITS[pane];
  return Math.round(Math.min(max, Math.max(min, Number.isFinite(width) ? width : PANE_LIMITS[pane].initial)));
}

function load(): Record<Pane, number> {
  const widths = { documents: PANE_LIMITS.documents.initial, codes: PANE_LIMITS.codes.initial };
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Record<Pane, number>>;
    for (const pane of ['documents', 'codes'] as const) if (typeof stored[pane] === 'number') widths[pane] = clampWidth(pane, stored[pane]);
  } catch {
    // Defaults, then.
  }
  return widths;
}

interface PaneWidths {
  widths: Record<Pane, number>;
  setWidth(pane: Pane, width: number): void;
}

export const usePaneWidths = create<PaneWidths>((set, get) => ({
  widths: typeof localStorage === 'undefined' ? { documents: PANE_LIMITS.documents.initial, codes: PANE_LIMITS.codes.initial } : load(),
  setWidth(pane, width) {
    const widths = { ...get().widths, [pane]: clampWidth(pane, width) };
    set({ widths });
    try {
      localStorage.setItem(KEY, JSON.stringify(widths));
    } catch {
      // Remembered for this session only.
    }
  },
}));
