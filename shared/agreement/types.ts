/**
 * Inter-coder agreement: the request and one row of results. Field names of AgreementRow
 * are the `gloss agreement --json` keys (snake_case on purpose).
 */
export type AgreementUnit = 'char' | 'segment' | 'document';

export interface AgreementRequest {
  /** Two or more coder ids; all coders who coded anything when left out. */
  coderIds?: string[];
  unit: AgreementUnit;
  /** Segment unit: the share of the longer coding two codings must overlap by to agree (0–1, default 0.9). */
  minOverlap?: number;
  /** Only these codes; all codable codes when left out. */
  codeIds?: string[];
}

/** The counts behind the statistics, so a reader can recompute them. */
export interface AgreementCounts {
  /** Units compared (characters, segments or documents). */
  units: number;
  /** Two coders: the 2×2 table, "yes" = the coder applied the code to the unit. */
  both?: number;
  only_first?: number;
  only_second?: number;
  neither?: number;
  /** Two or more coders: units on which every coder gave the same answer. */
  agreed?: number;
  /** Per coder (by name), units they coded. */
  coded_by?: Record<string, number>;
  /**
   * Three or more coders (where there is no 2×2 table): units_by_coder_count[k] is the
   * number of units exactly k of the coders coded, which with `units` is all Fleiss' kappa
   * and Krippendorff's alpha need.
   */
  units_by_coder_count?: number[];
}

/**
 * One row. `code_id` and `document_id` are for the app (one click from a cell to the
 * document); `gloss agreement --json` leaves them out and prints exactly the keys.
 */
export interface AgreementRow {
  /** The code's path of names ("Parent > Child"). */
  code: string;
  code_id: string;
  /** Document name; null on the per-code overall row. */
  document: string | null;
  document_id: string | null;
  unit: AgreementUnit;
  /** Coder names, in the order of the request. */
  coders: string[];
  /** 0–1; null when undefined (no units). */
  percent_agreement: number | null;
  /** Two coders only; null when undefined (pe = 1) or not applicable (three or more coders). */
  cohen_kappa: number | null;
  fleiss_kappa: number | null;
  krippendorff_alpha: number | null;
  counts: AgreementCounts;
}

export interface AgreementResult {
  request: Required<Pick<AgreementRequest, 'unit' | 'minOverlap'>> & { coderIds: string[] };
  rows: AgreementRow[];
}
