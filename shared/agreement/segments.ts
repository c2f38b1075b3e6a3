/**
 * The segment unit. Two coders agree on a coded segment when their codings of the code
 * overlap by at least `minOverlap` of the LONGER of the two (MAXQDA's rule; 0.9 by
 * default), so a segment one coder stretched to twice the length does not count as agreed.
 *
 * What a unit is. Each coder's overlapping codings of the code are first joined into one
 * segment (MAXQDA joins them when they are made). Then codings of different coders that
 * agree are paired, best overlap first, and a unit is one group of agreeing segments with
 * at most one segment per coder; every segment no one matched is a unit of its own. With
 * two coders the units are therefore: matched pairs (`both`), unmatched segments of the
 * first coder (`only_first`) and of the second (`only_second`).
 *
 * There is no `neither`: a passage nobody coded is not a segment, so nothing counts the
 * units both coders left alone, and `neither` is always 0. Chance agreement cannot be
 * estimated without it: with neither = 0, Cohen's po − pe works out to −2·b·c / N² for
 * b = only_first, c = only_second, so "kappa" is never positive whatever the coders did,
 * and with an invented `neither` it is whatever one invents. MAXQDA fills the gap with
 * Brennan and Prediger's kappa (chance = 1 / number of codes), a different statistic.
 * Gloss reports, for the segment unit, the percentage of agreed units (MAXQDA's figure)
 * and the counts, and leaves Cohen's kappa, Fleiss' kappa and alpha null: not applicable.
 */
import type { Span } from './intervals';
import { emptyTally, type Tally } from './tally';

export interface Segment extends Span {
  coder: number;
}

/** One unit: agreeing segments, at most one per coder. */
export type SegmentUnit = Segment[];

interface Candidate {
  a: number;
  b: number;
  share: number;
}

/**
 * The units of one code in one document. `perCoder[i]` holds coder i's segments, merged
 * (see mergeSpans). Units come out in document order.
 */
export function segmentUnits(perCoder: readonly (readonly Span[])[], minOverlap: number): SegmentUnit[] {
  const all: Segment[] = [];
  perCoder.forEach((spans, coder) => {
    for (const s of spans) all.push({ start: s.start, end: s.end, coder });
  });
  all.sort((x, y) => x.start - y.start || x.end - y.end || x.coder - y.coder);

  // Pairs that agree. Sorted by start, so the scan for partners of x stops at the first
  // segment that starts after x ends.
  const candidates: Candidate[] = [];
  for (let a = 0; a < all.length; a++) {
    const x = all[a]!;
    for (let b = a + 1; b < all.length && all[b]!.start < x.end; b++) {
      const y = all[b]!;
      if (y.coder === x.coder) continue;
      const overlap = Math.min(x.end, y.end) - y.start;
      const longer = Math.max(x.end - x.start, y.end - y.start);
      const share = overlap / longer;
      if (share >= minOverlap) candidates.push({ a, b, share });
    }
  }
  // Best overlap first; below 50 % one segment could agree with two of another coder, and
  // the better match should win. Ties keep document order, so the result is deterministic.
  candidates.sort((p, q) => q.share - p.share || p.a - q.a || p.b - q.b);

  // Union-find over segments; a group never takes two segments of the same coder.
  const parent = all.map((_, i) => i);
  const coders = all.map((s) => new Set([s.coder]));
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const { a, b } of candidates) {
    const ra = root(a);
    const rb = root(b);
    if (ra === rb) continue;
    const setA = coders[ra]!;
    const setB = coders[rb]!;
    if ([...setB].some((c) => setA.has(c))) continue;
    parent[rb] = ra;
    for (const c of setB) setA.add(c);
  }

  const groups = new Map<number, SegmentUnit>();
  for (let i = 0; i < all.length; i++) {
    const r = root(i);
    const group = groups.get(r);
    if (group) group.push(all[i]!);
    else groups.set(r, [all[i]!]);
  }
  return [...groups.values()];
}

/** The tally of segment units for `coders` coders: every unit is coded by at least one. */
export function segmentTally(units: readonly SegmentUnit[], coders: number): Tally {
  const tally = emptyTally(coders);
  for (const unit of units) {
    tally.units++;
    tally.byYes[unit.length]!++;
    for (const s of unit) tally.codedBy[s.coder]!++;
  }
  return tally;
}
