import { describe, expect, it } from 'vitest';
import { colorDistance, distinctColors } from './colors';

describe('distinctColors', () => {
  it('keeps colours that are already far apart', () => {
    expect(distinctColors(['#0072b2', '#e69f00', '#009e73'])).toEqual(['#0072b2', '#e69f00', '#009e73']);
  });

  it('moves a later colour that reads as the same one, to the farthest palette colour', () => {
    const [first, second] = distinctColors(['#f0e442', '#bcbd22']);
    expect(first).toBe('#f0e442');
    expect(second).not.toBe('#bcbd22');
    expect(colorDistance(first!, second!)).toBeGreaterThan(300);
  });

  it('separates exact duplicates and never changes the first person', () => {
    const shown = distinctColors(['#cc79a7', '#cc79a7', '#cc79a7']);
    expect(shown[0]).toBe('#cc79a7');
    expect(new Set(shown).size).toBe(3);
  });
});
