/** Labels are looked for at each line start only (faster); they must be exactly those LABEL finds over the whole text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelCandidates, labelsByWholeText } from './speaker-turns';

describe('speaker labels line by line', () => {
  it('finds the labels the whole-text search finds, with every kind of line end', () => {
    const text = 'Interviewer: Hi\r\nOfficer A: Yes\u2028[Chief] No\rNAME (00:12): x\u2029 Bob [00:12:03]: y\nNote: a: b\n\n';
    expect(labelCandidates(text)).toEqual(labelsByWholeText(text));
    expect(labelCandidates(text).map((l) => l.speaker)).toEqual(['Interviewer', 'Officer A', 'Chief', 'NAME', 'Bob', 'Note']);
  });

  it('on random text', () => {
    const piece = fc.constantFrom('Ann', 'Officer', 'B', 'x', ':', ' ', '\t', '[', ']', '(', ')', '00:12', '\n', '\r', '\r\n', '\u2028', '\u2029', 'É', '.', '-');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(labelCandidates(text)).toEqual(labelsByWholeText(text));
      }),
      { numRuns: 3000 },
    );
  });
});
