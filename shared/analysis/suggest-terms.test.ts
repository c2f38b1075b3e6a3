import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanWords, termsIn, WORD } from './suggest-terms';

/** The words as the regular expression finds them in text.slice(start, end). */
function byRegex(text: string, start: number, end: number): [number, number][] {
  return [...text.slice(start, end).matchAll(WORD)].map((m) => [start + m.index, start + m.index + m[0].length]);
}

function byScan(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  scanWords(text, start, end, (from, to) => out.push([from, to]));
  return out;
}

describe('scanWords', () => {
  it('finds the words WORD matches: inner apostrophes, marks, digits, astral letters', () => {
    const text = "Don't O’Brien's café e\u0301 x'  '9 l'\u0301 2nd 𝐀𝐁c 😀 \ud800a rock'n'roll";
    expect(byScan(text, 0, text.length)).toEqual(byRegex(text, 0, text.length));
    expect(byScan(text, 0, text.length).map(([a, b]) => text.slice(a, b))).toEqual([
      "Don't", 'O’Brien', 's', 'café', 'e\u0301', 'x', '9', "l'\u0301", '2nd', '𝐀𝐁c', 'a', "rock'n'roll",
    ].flatMap((w) => (w === 'O’Brien' ? ["O’Brien's"] : w === 's' ? [] : [w])));
  });

  it('on random text and any slice of it, finds exactly what the regular expression finds', () => {
    const piece = fc.constantFrom('a', 'Z', 'é', 'e\u0301', '\u0301', "'", '’', ' ', '.', '7', '٣', '𝐀', '😀', '\ud800', '\udc00', '\n', 'ß', '中', '-');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.nat(), fc.nat(), (pieces, a, b) => {
        const text = pieces.join('');
        const start = text.length === 0 ? 0 : a % (text.length + 1);
        const end = start + (text.length === 0 ? 0 : b % (text.length - start + 1));
        expect(byScan(text, start, end)).toEqual(byRegex(text, start, end));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives termsIn the same terms and places as before, for a slice too', () => {
    const text = 'The officers’ training, trained: we didn’t train 42 nurses.';
    expect(termsIn(text, 'en', 4, 30)).toEqual([
      { start: 4, end: 12, term: 'offic' },
      { start: 14, end: 22, term: 'train' },
      { start: 24, end: 30, term: 'train' },
    ]);
  });
});
