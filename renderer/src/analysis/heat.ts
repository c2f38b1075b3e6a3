/**
 * The heat map's colours: ColorBrewer's YlGnBu, a sequential scale readable by people
 * with the common colour-vision deficiencies, from pale yellow (few) to dark blue (many).
 * Each cell's number is written in black or white, whichever contrasts more with its
 * background; on every colour of the scale that is at least 4.5:1 (WCAG AA), and since a
 * coloured cell sets both its background and its text, the same holds in the dark theme.
 */

/** YlGnBu, nine classes. */
export const HEAT_STOPS = ['#ffffd9', '#edf8b1', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#253494', '#081d58'] as const;

type Rgb = [number, number, number];

const rgbOf = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const hexOf = (rgb: Rgb): string => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const [r, g, b] = rgbOf(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour for a share between 0 and 1 of the largest value, interpolated between the stops. */
export function heatColour(share: number): string {
  const t = Math.min(1, Math.max(0, share)) * (HEAT_STOPS.length - 1);
  const i = Math.min(HEAT_STOPS.length - 2, Math.floor(t));
  const a = rgbOf(HEAT_STOPS[i]!);
  const b = rgbOf(HEAT_STOPS[i + 1]!);
  const f = t - i;
  return hexOf([0, 1, 2].map((k) => a[k]! + (b[k]! - a[k]!) * f) as Rgb);
}

/** Black or white text, whichever reads better on `background`. */
export function textOn(background: string): '#000000' | '#ffffff' {
  return contrast(background, '#000000') >= contrast(background, '#ffffff') ? '#000000' : '#ffffff';
}

/** Shades of the scale: a share is rounded to one of these, and each shade's style is worked out once. */
const SHADES = 256;
const shades = new Map<number, { background: string; color: string }>();

/** A cell's style for `value` out of `max`: none for zero, so an empty cell keeps the theme's colours. */
export function heatStyle(value: number, max: number): { background: string; color: string } | undefined {
  if (value <= 0 || max <= 0) return undefined;
  const shade = Math.round(Math.min(1, value / max) * (SHADES - 1));
  let style = shades.get(shade);
  if (!style) {
    const background = heatColour(shade / (SHADES - 1));
    style = { background, color: textOn(background) };
    shades.set(shade, style);
  }
  return style;
}
