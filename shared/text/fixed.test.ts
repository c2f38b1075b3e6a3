import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fixed } from './fixed';

describe('fixed', () => {
  it('shows a value that rounds to zero without a sign', () => {
    expect(fixed(-0, 3)).toBe('0.000');
    expect(fixed(-0.0004, 3)).toBe('0.000');
    expect(fixed(-0.0004, 0)).toBe('0');
    expect(fixed(-0.0005, 3)).toBe('-0.001');
    expect(fixed(-0.25, 1)).toBe('-0.3');
    expect(fixed(0.4444, 3)).toBe('0.444');
  });

  it('property: equals toFixed except that no result is a negative zero', () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), fc.integer({ min: 0, max: 6 }), (value, digits) => {
        const text = fixed(value, digits);
        expect(Number(text)).toBe(Number(value.toFixed(digits)) || 0);
        expect(text).not.toMatch(/^-0(\.0*)?$/);
        if (!/^-0(\.0*)?$/.test(value.toFixed(digits))) expect(text).toBe(value.toFixed(digits));
      }),
    );
  });
});
