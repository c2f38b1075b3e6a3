import { describe, expect, it } from 'vitest';
import { nameQuotes, positionMapper, schemeForOrigin, storedText } from './positions-in';

describe('positionMapper', () => {
  // a 😀 CRLF b: raw UTF-16 indices a=0, 😀=1-2, CR=3, LF=4, b=5; LF text "a😀\nb".
  const stored = storedText('a😀\r\nb');
  const map = (unit: 'codepoints' | 'utf16', crlf: 1 | 2) => {
    const m = positionMapper(stored, { unit, crlf });
    return (p: number) => {
      const r = m(p);
      return r.ok ? r.offset : r.reason;
    };
  };

  it('turns CRLF into LF and keeps the text otherwise', () => {
    expect(stored.text).toBe('a😀\nb');
    expect(storedText('x\ry').text).toBe('x\ny');
  });

  it('maps UTF-16 positions with CRLF as 2 (NVivo)', () => {
    const m = map('utf16', 2);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(m)).toEqual([0, 1, 'surrogate', 3, 'crlf', 4, 5, 'outside']);
  });

  it('maps code points with CRLF as 2 (the spec, QualCoder)', () => {
    const m = map('codepoints', 2);
    expect([0, 1, 2, 3, 4, 5, 6].map(m)).toEqual([0, 1, 3, 'crlf', 4, 5, 'outside']);
  });

  it('maps code points with CRLF as 1 (ATLAS.ti)', () => {
    const m = map('codepoints', 1);
    expect([0, 1, 2, 3, 4, 5].map(m)).toEqual([0, 1, 3, 4, 5, 'outside']);
  });

  it('refuses negative and fractional positions', () => {
    expect(map('utf16', 2)(-1)).toBe('outside');
    expect(map('utf16', 2)(1.5)).toBe('outside');
  });

  it('maps long texts with many events consistently with slicing', () => {
    const raw = 'x😀y\r\n'.repeat(500) + 'end';
    const s = storedText(raw);
    const m = positionMapper(s, { unit: 'codepoints', crlf: 1 });
    // In code points with CRLF as 1 each repeat is 4 characters: x, 😀, y, newline.
    const at = m(4 * 321 + 2);
    expect(at.ok && s.text.slice(at.offset, at.offset + 2)).toBe('y\n');
  });
});

describe('nameQuotes', () => {
  it('accepts the quote, a quote cut with an ellipsis, and line breaks stored differently', () => {
    expect(nameQuotes('trust matters', 'trust matters')).toBe(true);
    expect(nameQuotes('trust ma…', 'trust matters')).toBe(true);
    expect(nameQuotes('trust ma...', 'trust matters')).toBe(true);
    expect(nameQuotes('line one line two', 'line one\nline two')).toBe(true);
    expect(nameQuotes('trust ma', 'trust matters')).toBe(false);
    expect(nameQuotes('Selection 3', 'trust matters')).toBe(false);
    expect(nameQuotes('…', 'anything')).toBe(false);
  });
});

describe('schemeForOrigin', () => {
  it('knows NVivo, ATLAS.ti and QualCoder, and follows the spec otherwise', () => {
    expect(schemeForOrigin('NVivo for Mac 15.0.0').scheme).toEqual({ unit: 'utf16', crlf: 2 });
    expect(schemeForOrigin('Gloss (UTF-16 positions, as NVivo)').scheme).toEqual({ unit: 'utf16', crlf: 2 });
    expect(schemeForOrigin('Gloss').scheme).toEqual({ unit: 'codepoints', crlf: 2 });
    expect(schemeForOrigin('ATLAS.ti for Windows 23.2.3').scheme).toEqual({ unit: 'codepoints', crlf: 1 });
    expect(schemeForOrigin('QualCoder 3.5').scheme).toEqual({ unit: 'codepoints', crlf: 2 });
    expect(schemeForOrigin(null)).toEqual({ scheme: { unit: 'codepoints', crlf: 2 }, known: null });
  });
});
