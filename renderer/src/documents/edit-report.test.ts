import { describe, expect, it } from 'vitest';
import { reportLines, reportSentence } from './edit-report';

describe('edit reports', () => {
  it('list each outcome that happened, review last', () => {
    expect(reportLines({ kept: 9, moved: 2, edited: 1, unplaced: 1 })).toEqual([
      '9 codings kept their words',
      '2 codings moved with their words',
      '1 coding on edited text, kept with the change',
      '1 coding needs review: its words could not be found for sure',
    ]);
    expect(reportLines({ kept: 1, moved: 0, edited: 0, unplaced: 3 })).toEqual([
      '1 coding kept its words',
      '3 codings need review: their words could not be found for sure',
    ]);
  });

  it('say so when there were no codings, and read as one sentence', () => {
    expect(reportLines({ kept: 0, moved: 0, edited: 0, unplaced: 0 })).toEqual(['The document has no codings, so none had to move.']);
    expect(reportSentence({ kept: 2, moved: 1, edited: 0, unplaced: 0 })).toBe('2 codings kept their words and 1 coding moved with its words.');
    expect(reportSentence({ kept: 2, moved: 0, edited: 0, unplaced: 0 })).toBe('2 codings kept their words.');
  });
});
