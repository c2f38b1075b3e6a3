import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DERIVED_TITLE_LENGTH, memoTitle } from './memo-title';

describe('memoTitle', () => {
  it('keeps a title the writer gave, trimmed', () => {
    expect(memoTitle('  Queue ', 'Requests wait for weeks.')).toBe('Queue');
  });

  it('derives the title from the first line of the memo when the title is empty', () => {
    expect(memoTitle('', 'Requests wait for weeks.\nAsk about the triage rules.')).toBe('Requests wait for weeks.');
    expect(memoTitle('   ', '\n  Two   spaces\there  ')).toBe('Two spaces here');
  });

  it('cuts a long first line at a word and says it was cut', () => {
    const text = 'Requests from the police wait in a queue for weeks, and nobody at the council can say why that is so';
    const title = memoTitle('', text);
    expect(title).toBe('Requests from the police wait in a queue for weeks, and…');
    expect(title.length).toBeLessThanOrEqual(DERIVED_TITLE_LENGTH + 1);
  });

  it('gives an empty title for an empty memo', () => {
    expect(memoTitle('', '  \n ')).toBe('');
  });

  it('never exceeds the limit and is always a prefix of the memo’s first line (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const title = memoTitle('', text);
        expect(title.length).toBeLessThanOrEqual(DERIVED_TITLE_LENGTH + 1);
        const body = title.endsWith('…') ? title.slice(0, -1) : title;
        expect(text.replace(/\s+/g, ' ').trim().startsWith(body)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
