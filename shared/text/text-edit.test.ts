import { describe, expect, it } from 'vitest';
import { applyReplacements, diffTexts, OffsetMap, PASSAGE_END, PASSAGE_START } from './text-edit';

describe('diffTexts', () => {
  it('finds the one changed span between the common prefix and suffix', () => {
    expect(diffTexts('We recieved it', 'We received it')).toEqual([{ start: 6, end: 8, text: 'ei' }]);
    expect(diffTexts('abc', 'abXc')).toEqual([{ start: 2, end: 2, text: 'X' }]);
    expect(diffTexts('abXc', 'abc')).toEqual([{ start: 2, end: 3, text: '' }]);
    expect(diffTexts('same', 'same')).toEqual([]);
    expect(diffTexts('', 'new')).toEqual([{ start: 0, end: 0, text: 'new' }]);
  });

  it('does not let the prefix and suffix overlap when text repeats', () => {
    // "aa" → "aaa": the prefix takes both a's, so the suffix has nothing left to claim.
    expect(diffTexts('aa', 'aaa')).toEqual([{ start: 2, end: 2, text: 'a' }]);
    expect(diffTexts('ab ab', 'ab')).toEqual([{ start: 2, end: 5, text: '' }]);
  });

  it('never cuts a surrogate pair, even between emoji that share their first unit', () => {
    // 📨 is D83D DCE8 and 📥 is D83D DCE5: a plain common prefix would end between the two units.
    const [r] = diffTexts('inbox 📨 now', 'inbox 📥 now');
    expect(r).toEqual({ start: 6, end: 8, text: '📥' });
    // 😀 is D83D DE00 and 𝘀 is D835 DE00: a plain common suffix would start between the two units.
    const [s] = diffTexts('x\u{1F600}y', 'x\u{1D600}y');
    expect(s).toEqual({ start: 1, end: 3, text: '\u{1D600}' });
  });

  it('splits changes in different paragraphs into one replacement each', () => {
    const before = 'Sarah: We recieved nothing.\n\nTom: It took weeks.\n\nSarah: The sytem was new.\n';
    const after = 'Sarah: We received nothing.\n\nTom: It took weeks.\n\nSarah: The system was new.\n';
    const typo = before.indexOf('recieved') + 'rec'.length;
    const missing = before.indexOf('sytem') + 'sy'.length;
    expect(diffTexts(before, after)).toEqual([
      { start: typo, end: typo + 2, text: 'ei' },
      { start: missing, end: missing, text: 's' },
    ]);
    // Two changes in one paragraph are one replacement from the first to the last.
    expect(diffTexts('We recieved teh form.', 'We received the form.')).toEqual([{ start: 6, end: 15, text: 'eived the' }]);
  });

  it('pairs up lines changed in place, even more of them than the line diff would take on', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `Interviewer: question ${i}?\n`).join('');
    const after = before.replace(/Interviewer:/g, 'I:');
    const edit = diffTexts(before, after);
    expect(edit).toHaveLength(3000);
    const second = before.indexOf('Interviewer: question 1?');
    expect(edit[1]).toEqual({ start: second + 1, end: second + 'Interviewer'.length, text: '' }); // "I" is common
    expect(applyReplacements(before, edit)).toBe(after);
  });

  it('treats a paragraph moved elsewhere as a deletion and an insertion, leaving those between alone', () => {
    const before = 'A: one.\n\nB: two.\n\nC: three.\n\nD: four.\n';
    const after = 'B: two.\n\nC: three.\n\nA: one.\n\nD: four.\n';
    const edit = diffTexts(before, after);
    expect(applyReplacements(before, edit)).toBe(after);
    expect(edit).toEqual([
      { start: 0, end: 9, text: '' },
      { start: before.indexOf('D:'), end: before.indexOf('D:'), text: 'A: one.\n\n' },
    ]);
  });

  it('applied to the old text gives the new text', () => {
    const pairs = [
      ['Interview with Sarah.', 'Interview with [NAME].'],
      ['😀😀', '😀😁😀'],
      ['line one\nline two', 'line two'],
      ['', ''],
      ['a\n\nb\n\nc\n', 'c\n\nb\n\na\n'],
      ['x\ny\nz', 'x\nY\nz\nw\n'],
      ['same\n\n\n\nsame\n', 'same\n\nsame\n\nsame\n'],
    ] as const;
    for (const [a, b] of pairs) expect(applyReplacements(a, diffTexts(a, b))).toBe(b);
  });
});

describe('OffsetMap', () => {
  // "Sarah met Tom." → "[NAME] met Tom, twice." as two replacements.
  const edit = new OffsetMap([
    { start: 0, end: 5, text: '[NAME]' },
    { start: 13, end: 13, text: ', twice' },
  ]);

  it('shifts offsets after a replacement by its change in length', () => {
    expect(edit.map(6, PASSAGE_START)).toBe(7); // "met"
    expect(edit.map(12, PASSAGE_END)).toBe(13); // after "Tom"
    expect(edit.map(14, PASSAGE_END)).toBe(22); // the end of the text
  });

  it('keeps a passage outside text inserted exactly at its start or end', () => {
    expect(edit.map(13, PASSAGE_END)).toBe(14); // a passage ending before the insertion does not grow
    expect(edit.map(13, PASSAGE_START)).toBe(21); // one starting there starts after it
  });

  it('maps the ends of replaced text to the ends of its replacement', () => {
    expect(edit.map(0, PASSAGE_START)).toBe(0);
    expect(edit.map(5, PASSAGE_END)).toBe(6);
    expect(edit.map(2, PASSAGE_START)).toBe(0);
    expect(edit.map(2, PASSAGE_END)).toBe(6);
  });

  it('tells offsets inside replaced text and edits inside a passage apart', () => {
    expect(edit.isInsideReplacement(2)).toBe(true);
    expect(edit.isInsideReplacement(0)).toBe(false);
    expect(edit.isInsideReplacement(5)).toBe(false);
    expect(edit.isInsideReplacement(13)).toBe(false); // an insertion has no inside
    expect(edit.touchesInside(0, 9)).toBe(true); // "Sarah met"
    expect(edit.touchesInside(6, 13)).toBe(false); // "met Tom": the insertion is at its end
    expect(edit.touchesInside(10, 14)).toBe(true); // "Tom." has the insertion inside
    expect(edit.touchesInside(5, 9)).toBe(false);
  });

  it('maps through touching replacements and an empty edit', () => {
    const touching = new OffsetMap([
      { start: 2, end: 4, text: 'X' },
      { start: 4, end: 6, text: 'YYY' },
    ]);
    expect(touching.map(4, PASSAGE_START)).toBe(3);
    expect(touching.map(4, PASSAGE_END)).toBe(3);
    expect(touching.map(6, PASSAGE_END)).toBe(6);
    expect(touching.map(7, PASSAGE_START)).toBe(7);
    expect(new OffsetMap([]).map(5, PASSAGE_START)).toBe(5);
  });

  it('refuses overlapping or unsorted replacements', () => {
    expect(() => new OffsetMap([{ start: 3, end: 6, text: '' }, { start: 5, end: 7, text: '' }])).toThrow(/overlap/);
  });
});
