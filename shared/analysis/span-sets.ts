/**
 * Sets of characters of one document as spans: sorted, non-empty, and neither overlapping
 * nor touching ([0, 3) and [3, 5) are the one span [0, 5)), so two equal sets of
 * characters are always the same list. Union, intersection and complement on these are
 * linear merges, which is what AND / OR / NOT retrieval is built from.
 */

export interface Span {
  start: number;
  end: number;
}

/** `spans` (any order, overlapping or not) as a set: sorted, joined where they overlap or touch, empty ones dropped. */
export function spanSet(spans: Iterable<Span>): Span[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** The characters in `a` or `b`. */
export function unionOf(a: readonly Span[], b: readonly Span[]): Span[] {
  return spanSet([...a, ...b]);
}

/** The characters in both `a` and `b`. */
export function intersectionOf(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]!.start, b[j]!.start);
    const end = Math.min(a[i]!.end, b[j]!.end);
    if (end > start) out.push({ start, end });
    if (a[i]!.end < b[j]!.end) i++;
    else j++;
  }
  return out;
}

/** The characters of [0, length) not in `a`. */
export function complementOf(a: readonly Span[], length: number): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const s of a) {
    if (s.start > at) out.push({ start: at, end: Math.min(s.start, length) });
    at = Math.max(at, s.end);
  }
  if (at < length) out.push({ start: at, end: length });
  return out.filter((s) => s.end > s.start);
}
