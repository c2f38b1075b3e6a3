/**
 * Where each coder coded one code in one document, as runs of text with the set of coders
 * covering them, and the passages around the coded runs that the side-by-side view shows
 * (a long document is not rendered whole). A coder's overlapping codings count once.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Run extends Span {
  /** One flag per coder, in the order given: did this coder code these characters? */
  coded: boolean[];
}

export interface Passage extends Span {
  /** Consecutive runs from start to end, coded or not. */
  runs: Run[];
  /** Per coder, the coded spans inside this passage (merged), for the passage's summary. */
  spans: Span[][];
}

/** A coder's spans merged where they overlap or touch, in order. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** The text from `from` to `to` cut at every coder's span boundary. */
export function runsBetween(perCoder: readonly Span[][], from: number, to: number): Run[] {
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
 * whose context would overlap are shown as one passage.
 */
export function passages(perCoderRaw: readonly Span[][], textLength: number, context: number): Passage[] {
  const perCoder = perCoderRaw.map(mergeSpans);
  const union = mergeSpans(perCoder.flat());
  const windows: Span[] = [];
  for (const s of union) {
    const start = Math.max(0, s.start - context);
    const end = Math.min(textLength, s.end + context);
    const last = windows[windows.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  return windows.map((w) => ({
    ...w,
    runs: runsBetween(perCoder, w.start, w.end),
    spans: perCoder.map((spans) =>
      spans.filter((s) => s.end > w.start && s.start < w.end).map((s) => ({ start: Math.max(s.start, w.start), end: Math.min(s.end, w.end) })),
    ),
  }));
}

export type Verdict = 'agree' | 'differ' | 'partly';

/** Whether the coders coded exactly the same characters in a passage, only some coded, or all did but not alike. */
export function verdict(passage: Passage): Verdict {
  const coded = passage.runs.filter((r) => r.coded.some(Boolean));
  if (coded.every((r) => r.coded.every(Boolean))) return 'agree';
  const everyoneCoded = passage.spans.every((spans) => spans.length > 0);
  return everyoneCoded ? 'partly' : 'differ';
}

/** Characters coded by every coder, and by at least one, over the whole document: a quick summary. */
export function overlapTotals(perCoderRaw: readonly Span[][]): { all: number; any: number } {
  const perCoder = perCoderRaw.map(mergeSpans);
  const union = mergeSpans(perCoder.flat());
  let any = 0;
  let all = 0;
  for (const u of union) {
    any += u.end - u.start;
    for (const run of runsBetween(perCoder, u.start, u.end)) if (run.coded.every(Boolean)) all += run.end - run.start;
  }
  return { all, any };
}
