/**
 * What every unit of agreement boils down to when the question is yes/no ("did this coder
 * apply the code here?") and every coder answers for every unit: how many units exactly k
 * of the m coders said yes to, and how many each coder said yes to. Tallies of documents
 * add up to the tally of a code, and every statistic follows from one.
 */
import { alphaFromCoincidences, cohenKappa, fleissKappa } from './statistics';

export interface Tally {
  units: number;
  /** byYes[k]: units that exactly k coders coded (length m + 1). */
  byYes: number[];
  /** codedBy[i]: units coder i coded (length m). */
  codedBy: number[];
}

export function emptyTally(coders: number): Tally {
  return { units: 0, byYes: new Array<number>(coders + 1).fill(0), codedBy: new Array<number>(coders).fill(0) };
}

/** Adds `other` into `into` (same number of coders). */
export function addTally(into: Tally, other: Tally): void {
  into.units += other.units;
  for (let k = 0; k < other.byYes.length; k++) into.byYes[k]! += other.byYes[k]!;
  for (let i = 0; i < other.codedBy.length; i++) into.codedBy[i]! += other.codedBy[i]!;
}

/** Units on which every coder gave the same answer (all yes or all no). */
export function agreedUnits(t: Tally): number {
  return t.byYes[0]! + t.byYes[t.byYes.length - 1]!;
}

/** Share of units on which every coder gave the same answer; null when there are no units. */
export function percentAgreement(t: Tally): number | null {
  return t.units === 0 ? null : agreedUnits(t) / t.units;
}

/** Cohen's kappa; null unless there are exactly two coders. */
export function tallyCohen(t: Tally): number | null {
  if (t.codedBy.length !== 2) return null;
  const both = t.byYes[2]!;
  return cohenKappa({ both, onlyFirst: t.codedBy[0]! - both, onlySecond: t.codedBy[1]! - both, neither: t.byYes[0]! });
}

/** Fleiss' kappa with the two categories yes and no. */
export function tallyFleiss(t: Tally): number | null {
  const m = t.codedBy.length;
  return fleissKappa(
    t.byYes.map((_, k) => [m - k, k]),
    t.byYes,
  );
}

/**
 * Krippendorff's alpha (nominal, yes/no). Every unit carries m values, so a unit with k
 * yes answers adds k(k−1)/(m−1) to o[yes][yes], (m−k)(m−k−1)/(m−1) to o[no][no] and
 * k(m−k)/(m−1) to each off-diagonal cell.
 */
export function tallyAlpha(t: Tally): number | null {
  const m = t.codedBy.length;
  if (m < 2) return null;
  const o = [
    [0, 0],
    [0, 0],
  ];
  for (let k = 0; k <= m; k++) {
    const units = t.byYes[k]!;
    if (units === 0) continue;
    o[0]![0]! += (units * (m - k) * (m - k - 1)) / (m - 1);
    o[1]![1]! += (units * k * (k - 1)) / (m - 1);
    o[0]![1]! += (units * k * (m - k)) / (m - 1);
    o[1]![0]! += (units * k * (m - k)) / (m - 1);
  }
  return alphaFromCoincidences(o);
}
