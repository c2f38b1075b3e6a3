/**
 * The agreement view's own state (controls, last result, sort, open comparison), kept in a
 * small store of its own so that switching to the reader and back keeps it.
 */
import { create } from 'zustand';
import type { AgreementResult, AgreementUnit } from '../../../../shared/agreement/types';
import type { Sort } from './table-rows';

/** The segment unit's default: codings agree when they overlap by 90 % of the longer (MAXQDA's default). */
export const DEFAULT_MIN_OVERLAP_PERCENT = 90;

export interface AgreementState {
  unit: AgreementUnit;
  /** The coders chosen; null until the user changes the default (every coder who coded). */
  coderIds: string[] | null;
  /** As typed, in percent; only 1–100 is sent. */
  minOverlapPercent: string;
  sort: Sort;
  /** Codes whose per-document rows are shown. */
  expanded: string[];
  /** Only this document's rows, or null for the overall rows with their documents. */
  documentFilter: string | null;
  /** The (code, document) shown side by side instead of the table. */
  compare: { codeId: string; documentId: string } | null;
  result: AgreementResult | null;
  error: string | null;
  busy: boolean;
  /** The last computation was cancelled before it finished (Stop, or Cancel in the status line). */
  stopped: boolean;
  set(patch: Partial<Omit<AgreementState, 'set'>>): void;
}

export const useAgreement = create<AgreementState>()((set) => ({
  unit: 'char',
  coderIds: null,
  minOverlapPercent: String(DEFAULT_MIN_OVERLAP_PERCENT),
  sort: { key: 'code', direction: 'ascending' },
  expanded: [],
  documentFilter: null,
  compare: null,
  result: null,
  error: null,
  busy: false,
  stopped: false,
  set(patch) {
    set(patch);
  },
}));

/** The overlap share to send, or null when what was typed is not a percentage from 1 to 100. */
export function parseOverlap(text: string): number | null {
  const n = Number(text.trim().replace(/\s*%$/, ''));
  return text.trim() !== '' && Number.isFinite(n) && n > 0 && n <= 100 ? n / 100 : null;
}
