import { describe, expect, it } from 'vitest';
import { codePointIndex, exportedText, utf16Offset, wholeCharacters } from './qde-positions';
import { decimal } from './qde-variables';

// "a", a grinning face (2 UTF-16 units), "b", a lone high surrogate (1 unit, 1 code point), "c".
const TEXT = 'a😀b\uD800c';

describe('positions', () => {
  it('converts UTF-16 offsets to code point indices and back', () => {
    expect([0, 1, 3, 4, 5, 6].map((offset) => codePointIndex(TEXT, offset))).toEqual([0, 1, 2, 3, 4, 5]);
    expect([0, 1, 2, 3, 4, 5].map((index) => utf16Offset(TEXT, index))).toEqual([0, 1, 3, 4, 5, 6]);
    expect(utf16Offset(TEXT, 99)).toBe(TEXT.length);
  });

  it('maps offsets through exportedText like codePointIndex, and leaves UTF-16 offsets alone', () => {
    const points = exportedText(TEXT, 'codepoints');
    const units = exportedText(TEXT, 'utf16');
    for (const offset of [0, 1, 3, 4, 5, 6]) {
      expect(points.position(offset)).toBe(codePointIndex(TEXT, offset));
      expect(units.position(offset)).toBe(offset);
    }
    expect(points.text).toBe(TEXT);
  });

  it('turns CRLF and lone CR into LF, shifting later offsets by the CRs dropped', () => {
    const text = 'x\r\ny\rz\r\n😀w';
    const units = exportedText(text, 'utf16');
    expect(units.text).toBe('x\ny\nz\n😀w');
    // w is at 10 in the original; the CRs of the two CRLFs are gone, the lone CR became LF.
    expect(units.position(10)).toBe(8);
    expect(units.text.slice(units.position(10))).toBe('w');
    expect(exportedText(text, 'codepoints').position(10)).toBe(7);
    // Between CR and LF lands on the LF, like just before the CR.
    expect(units.position(2)).toBe(1);
  });

  it('widens a span that would cut a surrogate pair to the whole character', () => {
    expect(wholeCharacters(TEXT, 2, 2)).toEqual([1, 3]);
    expect(wholeCharacters(TEXT, 1, 3)).toEqual([1, 3]);
    // A lone surrogate is a character of its own.
    expect(wholeCharacters(TEXT, 4, 5)).toEqual([4, 5]);
  });
});

describe('decimal', () => {
  it('writes numbers as xsd:decimal, without exponents', () => {
    expect(decimal(42.5)).toBe('42.5');
    expect(decimal(-0)).toBe('0');
    expect(decimal(1e21)).toBe('1000000000000000000000');
    expect(decimal(-1.5e22)).toBe('-15000000000000000000000');
    expect(decimal(1.25e-7)).toBe('0.000000125');
    expect(decimal(-3e-7)).toBe('-0.0000003');
    expect(decimal(Number.NaN)).toBeUndefined();
    expect(decimal(Number.POSITIVE_INFINITY)).toBeUndefined();
  });
});
