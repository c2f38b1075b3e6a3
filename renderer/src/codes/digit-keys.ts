/**
 * Which code each digit key 1–9 applies. Stable while coding (issue 13, item 15): the codes
 * the person pinned, in the order pinned, then the codable codes in codebook (tree) order.
 * A digit never changes meaning because a code was just used.
 */
import { useMemo } from 'react';
import { create } from 'zustand';
import type { Code } from '../../../shared/model/schema';
import { useGloss } from '../store';
import { selectCodeOrder } from '../store/selectors';

/** How many codes the digit keys reach. */
export const DIGIT_KEYS = 9;

/** Digit (1–9) of each code a digit key reaches: pinned codes first, then tree order. */
export function digitKeys(treeOrder: readonly string[], codes: ReadonlyMap<string, Code>, pinned: readonly string[]): Map<string, number> {
  const digits = new Map<string, number>();
  for (const id of [...pinned, ...treeOrder]) {
    if (digits.size === DIGIT_KEYS) break;
    if (!digits.has(id) && codes.get(id)?.codable) digits.set(id, digits.size + 1);
  }
  return digits;
}

interface PinState {
  /** Pinned code ids per project (see projectKey), in pin order. */
  byProject: Record<string, string[]>;
  toggle(projectId: string, codeId: string): void;
}

const PINS_KEY = 'gloss.pinnedCodes';

function loadPins(): Record<string, string[]> {
  try {
    const raw = JSON.parse(localStorage.getItem(PINS_KEY) ?? '{}') as unknown;
    return raw && typeof raw === 'object' ? (raw as Record<string, string[]>) : {};
  } catch {
    return {};
  }
}

/** Pins are a preference of this person on this computer, so they live with the browser's storage, not in the project. */
export const usePins = create<PinState>((set, get) => ({
  byProject: typeof localStorage === 'undefined' ? {} : loadPins(),
  toggle(projectId, codeId) {
    const now = get().byProject[projectId] ?? [];
    const next = now.includes(codeId) ? now.filter((id) => id !== codeId) : [...now, codeId];
    const byProject = { ...get().byProject, [projectId]: next };
    set({ byProject });
    try {
      localStorage.setItem(PINS_KEY, JSON.stringify(byProject));
    } catch {
      // A preference that cannot be kept still works for this session.
    }
  },
}));

const NO_PINS: string[] = [];

/** A project's key for its pins: projects have no id, but their creation time and name tell them apart (and copies share it). */
export function useProjectKey(): string {
  return useGloss((s) => (s.project ? `${s.project.project.createdAt} ${s.project.project.name}` : ''));
}

/** The open project's pinned code ids. */
export function usePinnedCodes(): string[] {
  const key = useProjectKey();
  return usePins((s) => s.byProject[key] ?? NO_PINS);
}

/** The digit of each code in the open project (see digitKeys). */
export function useDigitKeys(): Map<string, number> {
  const order = useGloss(selectCodeOrder);
  const codes = useGloss((s) => s.project?.codes);
  // The codes map may be patched in place; its version says when a code changed (codable, say).
  const version = useGloss((s) => s.versions.codes);
  const pinned = usePinnedCodes();
  return useMemo(() => (codes ? digitKeys(order, codes, pinned) : new Map<string, number>()), [order, codes, version, pinned]);
}
