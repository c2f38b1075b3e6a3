import { describe, expect, it } from 'vitest';
import { cleanSpan } from './span';

describe('cleanSpan', () => {
  it('trims white space and line breaks at both ends', () => {
    const text = 'one two\nthree';
    expect(cleanSpan(text, 3, 9)).toEqual({ start: 4, end: 9 });
    expect(cleanSpan(text, 7, 8)).toBeNull();
  });

  it('never cuts an emoji (a surrogate pair) in half', () => {
    const text = 'a😀b😀c';
    // 😀 occupies 1–2 and 4–5; a span starting inside the first and ending inside the second widens.
    expect(cleanSpan(text, 2, 5)).toEqual({ start: 1, end: 6 });
    expect(text.slice(1, 6)).toBe('😀b😀');
  });

  it('orders reversed offsets and clamps to the text', () => {
    expect(cleanSpan('hello', 9, 2)).toEqual({ start: 2, end: 5 });
  });
});
