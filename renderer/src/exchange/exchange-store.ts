/**
 * Which exchange dialog is open. Kept in this folder's own small store: the dialogs outlive
 * a project reload (a QDPX import replaces the open project, then shows its report).
 */
import { create } from 'zustand';
import type { ImportFile } from '../../../shared/ipc/contract';
import type { CodebookPreview } from '../../../shared/formats/codebook/types';
import type { ExchangeReport } from '../../../shared/formats/report';

export type ExchangeDialog =
  /** A .qdpx was chosen: ask how to read positions, then import. */
  | { kind: 'qdpx-options'; file: ImportFile }
  /** What a finished QDPX import brought in and what it skipped. */
  | { kind: 'qdpx-report'; report: ExchangeReport; path: string }
  /** What importing a codebook would do, before anything changes. */
  | { kind: 'codebook-preview'; file: ImportFile; preview: CodebookPreview };

interface ExchangeState {
  dialog: ExchangeDialog | null;
  show(dialog: ExchangeDialog | null): void;
}

export const useExchange = create<ExchangeState>()((set) => ({
  dialog: null,
  show(dialog) {
    set({ dialog });
  },
}));
