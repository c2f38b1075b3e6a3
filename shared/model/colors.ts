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

/**
 * Coders' colours: a palette of its own, sharing no colour with the codes', so that a
 * coder's underline or dot is never read as a code (issue 13, item 6).
 */
export const CODER_COLORS = ['#3949ab', '#d81b60', '#00838f', '#7cb342', '#8e24aa', '#6d4c41', '#1e88e5', '#f4511e'] as const;

/** The palette colour for the nth coder. */
export function coderColorForIndex(n: number): string {
  return CODER_COLORS[((n % CODER_COLORS.length) + CODER_COLORS.length) % CODER_COLORS.length]!;
}

/** The palette colour for the nth code. */
export function colorForIndex(n: number): string {
  return CODE_COLORS[((n % CODE_COLORS.length) + CODE_COLORS.length) % CODE_COLORS.length]!;
}

function rgb(color: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : null;
}

/**
 * A rough perceptual distance between two colours (the "redmean" weighting of RGB):
 * enough to tell two yellows apart from a yellow and a blue. Unparsable colours are far.
 */
export function colorDistance(a: string, b: string): number {
  const x = rgb(a);
  const y = rgb(b);
  if (!x || !y) return Infinity;
  const r = (x[0] + y[0]) / 2;
  const [dr, dg, db] = [x[0] - y[0], x[1] - y[1], x[2] - y[2]];
  return Math.sqrt((2 + r / 256) * dr * dr + 4 * dg * dg + (2 + (255 - r) / 256) * db * db);
}

/** Colours closer than this read as the same one in a thin underline or stripe cap. */
const TOO_CLOSE = 130;
/** A coder colour this close to a code's reads as that code's colour. */
const SAME_AS_CODE = 40;

/**
 * Colours to show for a list of people (coders), in the list's order: each keeps their own
 * colour unless it is too close to one already shown, or is (nearly) one of `codeColors`,
 * and then takes the coder palette's colour farthest from those. Stable: a person keeps
 * their colour while nobody before them clashes.
 */
export function distinctColors(colors: readonly string[], codeColors: readonly string[] = []): string[] {
  const shown: string[] = [];
  const nearestCode = (color: string) => Math.min(Infinity, ...codeColors.map((code) => colorDistance(color, code)));
  for (const color of colors) {
    const clashes = shown.some((other) => colorDistance(color, other) < TOO_CLOSE) || nearestCode(color) < SAME_AS_CODE;
    if (!clashes) {
      shown.push(color);
      continue;
    }
    let best: string = CODER_COLORS[0];
    let bestDistance = -1;
    for (const candidate of CODER_COLORS) {
      if (nearestCode(candidate) < SAME_AS_CODE) continue;
      const nearest = Math.min(Infinity, ...shown.map((other) => colorDistance(candidate, other)));
      if (nearest > bestDistance) {
        best = candidate;
        bestDistance = nearest;
      }
    }
    shown.push(best);
  }
  return shown;
}
