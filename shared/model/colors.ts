/**
 * Default code colours: the Okabe–Ito colour-blind-safe palette plus a few of Tableau's,
 * chosen so that neighbouring codes stay distinguishable as highlights and stripes.
 */
export const CODE_COLORS = [
  '#e69f00',
  '#56b4e9',
  '#009e73',
  '#f0e442',
  '#0072b2',
  '#d55e00',
  '#cc79a7',
  '#8c564b',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
  '#9467bd',
] as const;

/** The palette colour for the nth code. */
export function colorForIndex(n: number): string {
  return CODE_COLORS[((n % CODE_COLORS.length) + CODE_COLORS.length) % CODE_COLORS.length]!;
}
