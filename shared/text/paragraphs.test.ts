import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { paragraphIndex, paragraphStarts, paragraphsOf } from './paragraphs';

describe('paragraphs', () => {
  it('start after blank lines (spaces on a blank line too) and at block ranges, never at a single line break', () => {
    const text = 'One\nstill one.\n\nTwo.\n  \n\nThree.';
    expect(paragraphStarts(text)).toEqual([0, 16, 25]);
    expect(text.slice(16, 20)).toBe('Two.');
    expect(paragraphStarts('Head\nBody', [{ kind: 'heading', start: 0, end: 4 }, { kind: 'paragraph', start: 5, end: 9 }, { kind: 'page', start: 2, end: 9 }])).toEqual([0, 5]);
    // A trailing blank line starts nothing.
    expect(paragraphStarts('Only.\n\n')).toEqual([0]);
  });

  it('put every offset in one paragraph, and a span in the paragraphs it touches', () => {
    const starts = paragraphStarts('aa\n\nbb\n\ncc');
    expect(starts).toEqual([0, 4, 8]);
    expect([0, 3, 4, 7, 8, 10].map((o) => paragraphIndex(starts, o))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(paragraphsOf(starts, 1, 4)).toEqual({ first: 0, end: 1 });
    expect(paragraphsOf(starts, 1, 5)).toEqual({ first: 0, end: 2 });
  });

  it('agree with a character-by-character count of blank-line runs', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ' ', '\n'), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        const starts = paragraphStarts(text);
        // Reference, line by line: a line after a blank line starts a paragraph, unless it is a
        // blank line that more lines follow (then the run of blank lines goes on). The first
        // line is where the text starts, never the end of a run.
        const lines = text.split('\n');
        const blank = (line: string) => /^[ \t]*$/.test(line);
        const expected: number[] = [];
        let paragraph = 0;
        let at = 0;
        for (const [i, line] of lines.entries()) {
          const last = i === lines.length - 1;
          if (i >= 2 && blank(lines[i - 1]!) && (!blank(line) || last) && at < text.length) paragraph++;
          for (let k = 0; k < line.length + (last ? 0 : 1); k++) expected.push(paragraph);
          at += line.length + 1;
        }
        expect(expected.length).toBe(text.length);
        return [...text].every((_, o) => paragraphIndex(starts, o) === expected[o]);
      }),
    );
  });
});
