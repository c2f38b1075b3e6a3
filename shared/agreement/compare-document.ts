/**
 * Where, in one document, coders agree and differ on one code: the working behind one
 * cell of the agreement table, for the side-by-side view.
 */
import type { ProjectState } from '../model/state';
import { coveragePieces, mergeSpans, type Span } from './intervals';
import { segmentUnits } from './segments';
import { DEFAULT_MIN_OVERLAP } from './compute';

export interface CoveredPiece {
  start: number;
  end: number;
  /** Ids of the coders who coded this stretch (at least one). */
  coderIds: string[];
  /** Every chosen coder coded it. */
  agreed: boolean;
}

export interface ComparedSegment {
  coderId: string;
  start: number;
  end: number;
}

export interface ComparedUnit {
  /** The unit's segments, at most one per coder, in coder order. */
  segments: ComparedSegment[];
  /** Every chosen coder has a segment in the unit. */
  agreed: boolean;
}

export interface DocumentComparison {
  /** Character view: the stretches someone coded, in text order. */
  pieces: CoveredPiece[];
  /** Segment view: the units as the segment statistics count them, in text order. */
  units: ComparedUnit[];
}

/** The comparison of `coderIds` on `codeId` in `documentId` (unknown ids give empty lists). */
export function compareDocument(
  state: Pick<ProjectState, 'codings' | 'documents' | 'codingsByDocument'>,
  request: { documentId: string; codeId: string; coderIds: readonly string[]; minOverlap?: number },
): DocumentComparison {
  const doc = state.documents.get(request.documentId);
  if (!doc) return { pieces: [], units: [] };
  const index = new Map(request.coderIds.map((id, i) => [id, i]));
  const perCoder: Span[][] = request.coderIds.map(() => []);
  for (const id of state.codingsByDocument.get(doc.id) ?? []) {
    const coding = state.codings.get(id);
    if (!coding || coding.codeId !== request.codeId) continue;
    const coder = index.get(coding.coderId);
    if (coder !== undefined) perCoder[coder]!.push({ start: coding.start, end: coding.end });
  }
  const merged = perCoder.map((spans) => mergeSpans(spans, doc.text.length));
  const m = request.coderIds.length;
  const pieces = coveragePieces(merged).map((p) => ({
    start: p.start,
    end: p.end,
    coderIds: p.coders.map((i) => request.coderIds[i]!),
    agreed: p.coders.length === m,
  }));
  const units = segmentUnits(merged, request.minOverlap ?? DEFAULT_MIN_OVERLAP).map((unit) => ({
    segments: [...unit].sort((a, b) => a.coder - b.coder).map((s) => ({ coderId: request.coderIds[s.coder]!, start: s.start, end: s.end })),
    agreed: unit.length === m,
  }));
  return { pieces, units };
}
