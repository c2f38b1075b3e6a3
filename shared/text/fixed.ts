/**
 * A number with a fixed count of decimals, as tables of statistics show it. A value that
 * rounds to zero is "0.000", never "-0.000": a κ of -0.0001 is no agreement beyond chance,
 * and a minus before zeros reads as a finding.
 */
export function fixed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}
