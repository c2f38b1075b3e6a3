/**
 * The agreement statistics, each in its textbook form and each returning null where it is
 * undefined (no units, no variation) rather than a made-up 0 or 1:
 *
 * - Cohen's kappa (Cohen 1960) for two coders: (po − pe) / (1 − pe), where pe comes from
 *   each coder's OWN marginals. (Scott's pi pools the marginals; QualCoder's "kappa" is
 *   neither.)
 * - Fleiss' kappa (Fleiss 1971) for any number of coders who all rate every unit.
 * - Krippendorff's alpha for nominal data (Krippendorff 2011, "Computing Krippendorff's
 *   Alpha-Reliability"), from the coincidence matrix, any number of coders, missing values
 *   allowed: α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c · n_k.
 */

/** A 2×2 table of two coders' yes/no answers over the same units. */
export interface TwoByTwo {
  both: number;
  onlyFirst: number;
  onlySecond: number;
  neither: number;
}

/** Cohen's kappa of a 2×2 table; null when there are no units or pe = 1 (no variation). */
export function cohenKappa(t: TwoByTwo): number | null {
  const n = t.both + t.onlyFirst + t.onlySecond + t.neither;
  if (n === 0) return null;
  const first = t.both + t.onlyFirst;
  const second = t.both + t.onlySecond;
  // Scaled by n² so that the test for pe = 1 is exact in integers rather than a float
  // comparison: n²·pe = first·second + (n − first)·(n − second).
  const chance = first * second + (n - first) * (n - second);
  const denominator = n * n - chance;
  if (denominator === 0) return null;
  return (n * (t.both + t.neither) - chance) / denominator;
}

/**
 * Fleiss' kappa. Each row is one unit: how many coders put it in each category (every row
 * must have the same total, the number of coders, at least 2). `weights[i]` counts row i
 * that many times, so units with identical answers can be passed once.
 */
export function fleissKappa(rows: readonly (readonly number[])[], weights?: readonly number[]): number | null {
  let units = 0;
  let raters = -1;
  let observed = 0;
  const totals: number[] = [];
  for (const [i, row] of rows.entries()) {
    const weight = weights?.[i] ?? 1;
    if (weight === 0) continue;
    const m = row.reduce((a, b) => a + b, 0);
    if (raters === -1) raters = m;
    else if (m !== raters) throw new Error(`fleissKappa: unit ${i} has ${m} ratings, the others ${raters}`);
    let pairs = 0;
    for (const [j, count] of row.entries()) {
      pairs += count * (count - 1);
      totals[j] = (totals[j] ?? 0) + weight * count;
    }
    observed += weight * pairs;
    units += weight;
  }
  if (units === 0 || raters < 2) return null;
  const meanAgreement = observed / (units * raters * (raters - 1));
  let chance = 0;
  for (const total of totals) {
    const share = (total ?? 0) / (units * raters);
    chance += share * share;
  }
  if (chance >= 1) return null;
  return (meanAgreement - chance) / (1 - chance);
}

/**
 * Krippendorff's alpha (nominal) from a coincidence matrix `o[c][k]` (symmetric, each
 * unit's pairs weighted by 1 / (m_u − 1)); null when there is no variation (expected
 * disagreement 0) or fewer than two pairable values.
 */
export function alphaFromCoincidences(o: readonly (readonly number[])[]): number | null {
  const totals = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = totals.reduce((a, b) => a + b, 0);
  if (n <= 1) return null;
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < o.length; c++) {
    for (let k = 0; k < o.length; k++) {
      if (c === k) continue;
      observed += o[c]![k]!;
      expected += totals[c]! * totals[k]!;
    }
  }
  if (expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}

/**
 * Krippendorff's alpha (nominal) from reliability data: one array per unit of the values
 * the coders gave it, missing values left out. Units with fewer than two values are not
 * pairable and do not count.
 */
export function krippendorffAlphaNominal(units: readonly (readonly (string | number)[])[]): number | null {
  const index = new Map<string | number, number>();
  for (const values of units) for (const v of values) if (!index.has(v)) index.set(v, index.size);
  const size = index.size;
  const o = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const values of units) {
    const m = values.length;
    if (m < 2) continue;
    const counts = new Map<number, number>();
    for (const v of values) {
      const c = index.get(v)!;
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    for (const [c, nc] of counts) {
      for (const [k, nk] of counts) o[c]![k]! += (c === k ? nc * (nc - 1) : nc * nk) / (m - 1);
    }
  }
  return alphaFromCoincidences(o);
}
