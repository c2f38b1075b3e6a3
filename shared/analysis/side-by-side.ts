/**
 * One code in one document, the chosen coders side by side: the passages any of them coded
 * (with some context, since a long document is not shown whole), cut into runs by who coded
 * them, a verdict per passage and totals over the document. Built on the agreement
 * statistics' own span arithmetic (shared/agreement/intervals.ts), so what the side-by-side
 * shows is what the statistics count: a coder's overlapping codings count once, and two
 * codings that only touch stay two, as the segment unit counts two segments.
 */
import { mergeSpans, sweep, type Span } from '../agreement/intervals';
import type { ProjectState } from '../model/state';
import type { CodingEntry } from '../model/coding-columns';
import type { GlossDocument } from '../model/schema';
import { textLengthOf, type DocumentEntry } from '../model/document-index';

export type { Span };

export interface Run extends Span {
  /** One flag per coder, in the order given: did this coder code these characters? */
  coded: boolean[];
}

export interface Passage extends Span {
  /** Consecutive runs from start to end, coded or not. */
  runs: Run[];
  /** Per coder, the coded spans inside this passage (merged as the statistics merge them), for its summary. */
  spans: Span[][];
}

export type Verdict = 'agree' | 'differ' | 'partly';

export interface Totals {
  /** Characters every coder coded. */
  all: number;
  /** Characters at least one coder coded. */
  any: number;
}

export interface SideBySide {
  passages: Passage[];
  totals: Totals;
  /** Per coder, how many codings of the code they made in the document. */
  codings: number[];
}

/** The text from `from` to `to` cut at every coder's span boundary; `perCoder` must be merged. */
export function runsBetween(perCoder: readonly (readonly Span[])[], from: number, to: number): Run[] {
  const cuts = new Set<number>([from, to]);
  for (const spans of perCoder) {
    for (const s of spans) {
      if (s.start > from && s.start < to) cuts.add(s.start);
      if (s.end > from && s.end < to) cuts.add(s.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    runs.push({ start, end, coded: perCoder.map((spans) => spans.some((s) => s.start <= start && s.end >= end)) });
  }
  return runs;
}

/**
 * Passages to show: each coded stretch with `context` characters either side; stretches
 * whose context would overlap or touch are shown as one passage. `perCoder` must be merged.
 */
export function passages(perCoder: readonly (readonly Span[])[], textLength: number, context: number): Passage[] {
  const windows: Span[] = [];
  for (const s of mergeSpans(perCoder.flat(), textLength)) {
    const start = Math.max(0, s.start - context);
    const end = Math.min(textLength, s.end + context);
    const last = windows[windows.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  return windows.map((w) => ({
    ...w,
    runs: runsBetween(perCoder, w.start, w.end),
    spans: perCoder.map((spans) => spans.filter((s) => s.end > w.start && s.start < w.end).map((s) => ({ start: Math.max(s.start, w.start), end: Math.min(s.end, w.end) }))),
  }));
}

/** Whether the coders coded exactly the same characters in a passage, only some coded, or all did but not alike. */
export function verdict(passage: Passage): Verdict {
  const coded = passage.runs.filter((r) => r.coded.some(Boolean));
  if (coded.every((r) => r.coded.every(Boolean))) return 'agree';
  const everyoneCoded = passage.spans.every((spans) => spans.length > 0);
  return everyoneCoded ? 'partly' : 'differ';
}

/** Characters coded by every coder, and by at least one, over the whole document; `perCoder` must be merged. */
export function overlapTotals(perCoder: readonly (readonly Span[])[]): Totals {
  const totals: Totals = { all: 0, any: 0 };
  sweep(perCoder, (start, end, _active, yes) => {
    totals.any += end - start;
    if (yes === perCoder.length) totals.all += end - start;
  });
  return totals;
}

/** Each chosen coder's codings of `codeId` in `documentId`, as spans, in coder order. */
export function codedSpans(
  state: Pick<ProjectState<GlossDocument, CodingEntry>, 'codings' | 'codingsByDocument'>,
  request: { documentId: string; codeId: string; coderIds: readonly string[] },
): Span[][] {
  const index = new Map(request.coderIds.map((id, i) => [id, i]));
  const perCoder: Span[][] = request.coderIds.map(() => []);
  for (const id of state.codingsByDocument.get(request.documentId) ?? []) {
    const coding = state.codings.get(id);
    if (!coding || coding.codeId !== request.codeId) continue;
    const at = index.get(coding.coderId);
    if (at !== undefined) perCoder[at]!.push({ start: coding.start, end: coding.end });
  }
  return perCoder;
}

/**
 * The side-by-side of `coderIds` on `codeId` in `documentId`, or null when the document is
 * gone. Only the text's length is needed: the renderer's index has it without the text.
 */
export function sideBySide(
  state: Pick<ProjectState<GlossDocument, CodingEntry>, 'codings' | 'codingsByDocument'> & { documents: ReadonlyMap<string, GlossDocument | DocumentEntry> },
  request: { documentId: string; codeId: string; coderIds: readonly string[] },
  context: number,
): SideBySide | null {
  const doc = state.documents.get(request.documentId);
  if (!doc) return null;
  const length = textLengthOf(doc);
  const raw = codedSpans(state, request);
  const merged = raw.map((spans) => mergeSpans(spans, length));
  return { passages: passages(merged, length, context), totals: overlapTotals(merged), codings: raw.map((spans) => spans.length) };
}
