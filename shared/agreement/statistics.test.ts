import { describe, expect, it } from 'vitest';
import { alphaFromCoincidences, cohenKappa, fleissKappa, krippendorffAlphaNominal } from './statistics';
import { tallyAlpha, tallyCohen, tallyFleiss, percentAgreement, type Tally } from './tally';

describe('Cohen’s kappa', () => {
  it('gives the textbook value: 20 both, 5 and 10 one-sided, 15 neither → po 0.7, pe 0.5, κ 0.4', () => {
    // Wikipedia "Cohen's kappa", first worked example: A says yes to 25 of 50, B to 30.
    // po = 35/50 = 0.7; pe = 0.5·0.6 + 0.5·0.4 = 0.5; κ = (0.7 − 0.5) / 0.5 = 0.4.
    expect(cohenKappa({ both: 20, onlyFirst: 5, onlySecond: 10, neither: 15 })).toBeCloseTo(0.4, 12);
  });

  it('uses each coder’s own marginals, not pooled ones (Scott’s pi would give 13/33)', () => {
    // Same table, second example on Wikipedia: 45/15/25/15 → po 0.6, pe 0.54, κ 0.1304.
    expect(cohenKappa({ both: 45, onlyFirst: 15, onlySecond: 25, neither: 15 })).toBeCloseTo(0.06 / 0.46, 12);
    expect(cohenKappa({ both: 20, onlyFirst: 5, onlySecond: 10, neither: 15 })).not.toBeCloseTo(13 / 33, 3);
  });

  it('is undefined (null) when there is no variation or no units, never 0 or 1', () => {
    expect(cohenKappa({ both: 0, onlyFirst: 0, onlySecond: 0, neither: 30 })).toBeNull();
    expect(cohenKappa({ both: 12, onlyFirst: 0, onlySecond: 0, neither: 0 })).toBeNull();
    expect(cohenKappa({ both: 0, onlyFirst: 0, onlySecond: 0, neither: 0 })).toBeNull();
    // One coder varies, the other does not: pe < 1, so kappa exists (and is 0).
    expect(cohenKappa({ both: 0, onlyFirst: 3, onlySecond: 0, neither: 7 })).toBe(0);
  });
});

describe('Fleiss’ kappa', () => {
  it('gives 0.210 on the Wikipedia example (10 subjects, 14 raters, 5 categories)', () => {
    const rows = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    // P̄ = 0.378, P̄e = 0.2128 → κ = 0.2099.
    expect(fleissKappa(rows)).toBeCloseTo(0.20993, 4);
    expect(Number(fleissKappa(rows)!.toFixed(3))).toBe(0.21);
  });

  it('counts weighted rows as that many units', () => {
    const once = fleissKappa([[2, 0], [2, 0], [1, 1], [0, 2]]);
    expect(fleissKappa([[2, 0], [1, 1], [0, 2]], [2, 1, 1])).toBeCloseTo(once!, 12);
  });

  it('is null with one category only or no units', () => {
    expect(fleissKappa([[3, 0], [3, 0]])).toBeNull();
    expect(fleissKappa([])).toBeNull();
  });
});

describe('Krippendorff’s alpha (nominal)', () => {
  it('gives 0.743 on Krippendorff’s (2011) example: 4 observers, 12 units, missing values', () => {
    // "Computing Krippendorff's Alpha-Reliability", section C. Columns are units 1–12,
    // rows observers A–D, null = missing. Unit 12 has one value and is not pairable.
    const observers: (number | null)[][] = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];
    const units = observers[0]!.map((_, u) => observers.map((row) => row[u]).filter((v): v is number => v !== null));
    expect(Number(krippendorffAlphaNominal(units)!.toFixed(3))).toBe(0.743);
  });

  it('gives a hand-computed value on binary data', () => {
    // Two coders, 50 units: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no (the Cohen table).
    // Coincidences: o(yes,yes) = 40, o(no,no) = 30, o(yes,no) = o(no,yes) = 15;
    // n = 100, n_yes = 55, n_no = 45. α = 1 − (n − 1)·(15 + 15) / (2·55·45) = 1 − 2970/4950 = 0.4.
    expect(alphaFromCoincidences([[30, 15], [15, 40]])).toBeCloseTo(0.4, 12);
    const units = [
      ...Array.from({ length: 20 }, () => ['y', 'y']),
      ...Array.from({ length: 5 }, () => ['y', 'n']),
      ...Array.from({ length: 10 }, () => ['n', 'y']),
      ...Array.from({ length: 15 }, () => ['n', 'n']),
    ];
    expect(krippendorffAlphaNominal(units)).toBeCloseTo(0.4, 12);
  });

  it('is null without variation', () => {
    expect(krippendorffAlphaNominal([['a', 'a'], ['a', 'a']])).toBeNull();
    expect(krippendorffAlphaNominal([['a']])).toBeNull();
  });
});

describe('statistics from a tally', () => {
  // Two coders, the Cohen table: byYes = [neither, one of them, both].
  const two: Tally = { units: 50, byYes: [15, 15, 20], codedBy: [25, 30] };

  it('match the general statistics', () => {
    expect(percentAgreement(two)).toBeCloseTo(0.7, 12);
    expect(tallyCohen(two)).toBeCloseTo(0.4, 12);
    // Fleiss with two raters is Scott's pi: pooled yes share 55/100, Pe = 0.505, κ = 0.195/0.495 = 13/33.
    expect(tallyFleiss(two)).toBeCloseTo(13 / 33, 12);
    expect(tallyAlpha(two)).toBeCloseTo(0.4, 12);
  });

  it('leave Cohen’s kappa null for three coders', () => {
    const three: Tally = { units: 10, byYes: [2, 2, 4, 2], codedBy: [6, 4, 6] };
    expect(tallyCohen(three)).toBeNull();
    expect(tallyFleiss(three)).toBeCloseTo(11 / 56, 12);
    expect(tallyAlpha(three)).toBeCloseTo(25 / 112, 12);
  });
});
