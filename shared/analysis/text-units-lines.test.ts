/** Sentences are segmented line by line (faster); they must be exactly those of the whole text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentSentences } from './text-units';

function whole(text: string, language: string) {
  const out: number[][] = [];
  for (const part of new Intl.Segmenter(language, { granularity: 'sentence' }).segment(text)) out.push([part.index, part.index + part.segment.length]);
  return out;
}

function lineByLine(text: string, language: string) {
  const list = segmentSentences(text, language);
  return Array.from(list.starts, (start, i) => [start, list.starts[i + 1] ?? text.length]);
}

describe('segmentSentences line by line', () => {
  it('breaks where Intl.Segmenter breaks the whole text, on random text of terminators, quotes, spaces and line ends', () => {
    const piece = fc.constantFrom(
      'a', 'word', 'A', 'Word', '1', '.', '?', '!', '…', '。', '"', '”', ')', ' ', '  ', '\n', '\r', '\r\n', '\u2029', '\u0085', '\u2028',
      '\u0301', '\u00ad', 'etc.', 'e.g. ', 'Mr. ', 'U.S.', ',', ';', ':', '\t', '😀', '\n\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.constantFrom('en', 'de', 'fr', 'zh'), (pieces, language) => {
        const text = pieces.join('');
        expect(lineByLine(text, language)).toEqual(whole(text, language));
      }),
      { numRuns: 3000 },
    );
  });
});
