/**
 * Code highlights keep the text readable (WCAG AA, 4.5:1) in both colour schemes, for every
 * palette colour and the extremes a person could pick (issue 13, item 6). The figures are the
 * themes' text and page colours in styles.css; the excerpt cards use the same shares (--mark-mix).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CODE_COLORS, CODER_COLORS } from '../../../shared/model/colors';
import { HIGHLIGHT_ALPHA, HIGHLIGHT_ALPHA_DARK } from './highlights';

const THEMES = {
  light: { fg: '#1d2126', bgs: ['#ffffff', '#f5f6f8'], alpha: HIGHLIGHT_ALPHA },
  dark: { fg: '#e4e6ea', bgs: ['#17191c', '#272b30', '#1f2226'], alpha: HIGHLIGHT_ALPHA_DARK },
};

const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrastOver(color: string, bg: string, fg: string, share: number): number {
  const shade = channels(bg).map((b, i) => b * (1 - share) + channels(color)[i]! * share);
  const [hi, lo] = [luminance(shade), luminance(channels(fg))].sort((a, b) => b - a);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('code highlight contrast', () => {
  for (const [scheme, { fg, bgs, alpha }] of Object.entries(THEMES)) {
    it(`every palette colour keeps text AA in the ${scheme} scheme`, () => {
      for (const color of [...CODE_COLORS, ...CODER_COLORS, '#000000', '#ffffff', '#ffff00']) {
        for (const bg of bgs) expect(contrastOver(color, bg, fg, alpha), `${color} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
    });

    it(`any colour a person picks keeps text AA in the ${scheme} scheme (property)`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => {
          const color = `#${n.toString(16).padStart(6, '0')}`;
          for (const bg of bgs) expect(contrastOver(color, bg, fg, alpha)).toBeGreaterThanOrEqual(4.5);
        }),
        { numRuns: 500 },
      );
    });
  }

  it('the old dark share (35 %) failed with the yellow, as the issue found', () => {
    expect(contrastOver('#f0e442', '#272b30', '#e4e6ea', 0.35)).toBeLessThan(4.5);
  });
});
