import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CODE_COLORS, CODER_COLORS, colorDistance, distinctColors } from './colors';

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

describe('coder colours and code colours', () => {
  it('the coder palette shares no colour with the code palette', () => {
    for (const coder of CODER_COLORS) for (const code of CODE_COLORS) expect(colorDistance(coder, code), `${coder} ${code}`).toBeGreaterThanOrEqual(40);
  });

  it('a coder whose colour is a code’s gets another from the coder palette, far from the codes and the other coders', () => {
    const shown = distinctColors(['#f0e442', '#3949ab'], ['#f0e442', '#0072b2']);
    expect(shown[0]).not.toBe('#f0e442');
    expect(CODER_COLORS).toContain(shown[0]);
    expect(colorDistance(shown[0]!, shown[1]!)).toBeGreaterThanOrEqual(130);
  });

  it('never gives a coder a code’s colour, whatever colours they bring (property)', () => {
    const hex = fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`);
    fc.assert(
      fc.property(fc.array(hex, { maxLength: 6 }), fc.array(fc.constantFrom(...CODE_COLORS), { maxLength: 12 }), (coders, codes) => {
        for (const color of distinctColors(coders, codes)) for (const code of codes) expect(colorDistance(color, code)).toBeGreaterThanOrEqual(40);
      }),
      { numRuns: 200 },
    );
  });
});
