import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CONTEXT_LENGTH, quoteAt, uniqueQuoteAt } from './quote';

/** How many times needle occurs in haystack, overlapping matches included. */
function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}

describe('uniqueQuoteAt', () => {
  const paragraph = 'Asked about the new system, the officers said that they had not been trained in data sharing at all, not once in two years.';
  const text = `Intro.\n\n${paragraph}\n\nMiddle part of the article, long enough to matter here.\n\n${paragraph}\n\nEnd.`;
  const second = text.lastIndexOf('not been trained');

  it('keeps the usual 32 characters when they already single the passage out', () => {
    const start = text.indexOf('Middle');
    expect(uniqueQuoteAt(text, start, start + 6)).toEqual(quoteAt(text, start, start + 6));
  });

  it('grows the context past a repeated paragraph until the passage is the only match', () => {
    const plain = quoteAt(text, second, second + 16);
    expect(occurrences(text, plain.prefix + plain.quote + plain.suffix)).toBe(2);
    const unique = uniqueQuoteAt(text, second, second + 16);
    expect(unique.quote).toBe('not been trained');
    expect(unique.prefix.length).toBeGreaterThan(CONTEXT_LENGTH);
    expect(text.indexOf(unique.prefix + unique.quote + unique.suffix)).toBe(second - unique.prefix.length);
    expect(occurrences(text, unique.prefix + unique.quote + unique.suffix)).toBe(1);
  });

  it('property: prefix, quote and suffix sit at the passage and occur once in the text', () => {
    // A small alphabet makes repeats, and so the growing context, common.
    const texts = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n'), minLength: 1, maxLength: 400 });
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(), (text, x, y) => {
        const start = x % text.length;
        const end = start + 1 + (y % (text.length - start));
        const { quote, prefix, suffix } = uniqueQuoteAt(text, start, end);
        expect(quote).toBe(text.slice(start, end));
        expect(text.slice(start - prefix.length, start)).toBe(prefix);
        expect(text.slice(end, end + suffix.length)).toBe(suffix);
        expect(occurrences(text, prefix + quote + suffix)).toBe(1);
      }),
      { numRuns: 500 },
    );
  });
});
