import { describe, expect, it } from 'vitest';
import { contrast, heatColour, heatStyle, HEAT_STOPS, luminance, textOn } from './heat';

describe('heat map colours', () => {
  it('computes WCAG contrast as the standard defines it', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('keeps every number readable (AA, 4.5:1) on every colour of the scale', () => {
    for (let i = 0; i <= 200; i++) {
      const background = heatColour(i / 200);
      expect(contrast(background, textOn(background))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('runs from light to dark, so more reads as darker', () => {
    const l = [0, 0.25, 0.5, 0.75, 1].map((s) => luminance(heatColour(s)));
    for (let i = 1; i < l.length; i++) expect(l[i]!).toBeLessThan(l[i - 1]!);
    expect(heatColour(0)).toBe(HEAT_STOPS[0]);
    expect(heatColour(1)).toBe(HEAT_STOPS[HEAT_STOPS.length - 1]);
  });

  it('leaves zero uncoloured and writes white on the darkest', () => {
    expect(heatStyle(0, 10)).toBeUndefined();
    expect(heatStyle(10, 10)).toEqual({ background: '#081d58', color: '#ffffff' });
    expect(heatStyle(1, 100)!.color).toBe('#000000');
  });
});
