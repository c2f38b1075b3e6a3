import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextAgreement, matchQuote } from './match-quote';
import { quoteAt } from './quote';

/** Two interviews' worth of the same phrase, told apart only by what surrounds it. */
const TEXT = [
  'Interviewer: Did you get training?',
  'Officer: No training at all, we learned on the job.',
  'Interviewer: And your colleagues?',
  'Officer: They had no training at all either, and it showed.',
].join('\n');
const PHRASE = 'no training at all';

describe('contextAgreement', () => {
  it('is 1 where prefix and suffix agree, and drops by one character per character that differs', () => {
    const at = TEXT.lastIndexOf(PHRASE);
    const selector = quoteAt(TEXT, at, at + PHRASE.length);
    expect(contextAgreement(TEXT, at, at + PHRASE.length, selector)).toBe(1);
    const total = selector.prefix.length + selector.suffix.length;
    const typo = { ...selector, suffix: selector.suffix.replace('either', 'eithre') };
    expect(contextAgreement(TEXT, at, at + PHRASE.length, typo)).toBeCloseTo((total - 2) / total);
  });

  it('counts a passage with no stored context as agreeing, since nothing around it can disagree', () => {
    expect(contextAgreement('abc', 0, 3, { quote: 'abc', prefix: '', suffix: '' })).toBe(1);
  });

  it('compares the prefix from its end and the suffix from its start, so a text cut short near the quote costs only what is missing', () => {
    const selector = { quote: 'b', prefix: 'xxa', suffix: 'cyy' };
    // Only "a" and "c" are there: 2 of the 6 context characters.
    expect(contextAgreement('abc', 1, 2, selector)).toBeCloseTo(2 / 6);
  });
});

describe('matchQuote', () => {
  it('lists every exact occurrence, the one whose context agrees first, wherever it was expected', () => {
    const second = TEXT.lastIndexOf(PHRASE);
    const selector = quoteAt(TEXT, second, second + PHRASE.length);
    // Even with the first occurrence's position as the hint, the context decides.
    const matches = matchQuote(TEXT, selector, TEXT.indexOf('No training'));
    expect(matches.map((m) => m.start)).toEqual([second]);
    const loose = matchQuote(TEXT.toLowerCase(), { ...selector, quote: PHRASE }, 0);
    expect(loose.map((m) => m.start)).toEqual([TEXT.lastIndexOf(PHRASE), TEXT.toLowerCase().indexOf(PHRASE)]);
    expect(loose[0]!.context).toBeGreaterThan(loose[1]!.context);
  });

  it('lets position decide between occurrences whose context agrees equally (a duplicated paragraph)', () => {
    const paragraph = 'We waited weeks for the council to answer.';
    const text = `${paragraph}\n${paragraph}\n${paragraph}`;
    const quote = { quote: 'waited weeks', prefix: '', suffix: '' };
    const starts = [0, 1, 2].map((i) => i * (paragraph.length + 1) + 3);
    expect(matchQuote(text, quote, starts[2]!)[0]!.start).toBe(starts[2]);
    expect(matchQuote(text, quote, starts[1]! + 5)[0]!.start).toBe(starts[1]);
    expect(matchQuote(text, quote, 0)[0]!.start).toBe(starts[0]);
  });

  it('finds overlapping occurrences, and nothing for an empty or absent quote', () => {
    expect(matchQuote('aaaa', { quote: 'aa', prefix: '', suffix: '' }, 0).map((m) => m.start).sort()).toEqual([0, 1, 2]);
    expect(matchQuote(TEXT, { quote: '', prefix: '', suffix: '' }, 0)).toEqual([]);
    expect(matchQuote(TEXT, { quote: 'not in the text', prefix: '', suffix: '' }, 0)).toEqual([]);
  });

  it('works in code units, so an emoji before the quote shifts nothing', () => {
    const text = '😀 no training 👩‍👩‍👧 no training';
    const at = text.lastIndexOf('no training');
    const [best] = matchQuote(text, quoteAt(text, at, at + 11), at);
    expect(best).toMatchObject({ start: at, end: at + 11, context: 1, distance: 0 });
  });

  it('on any text: every match is the quote itself, best first, with its context share between 0 and 1', () => {
    const alphabet = fc.constantFrom('a', 'b', ' ', '😀', '\n');
    const text = fc.array(alphabet, { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), fc.nat(), (t, a, b, hint) => {
        if (t.length === 0) return;
        const start = a % t.length;
        const end = start + 1 + (b % (t.length - start));
        const selector = quoteAt(t, start, end);
        const matches = matchQuote(t, selector, hint % (t.length + 1));
        // The stored place is always among the matches, and scores as well as any.
        expect(matches.some((m) => m.start === start)).toBe(true);
        for (const [i, m] of matches.entries()) {
          expect(t.slice(m.start, m.end)).toBe(selector.quote);
          expect(m.context).toBeGreaterThanOrEqual(0);
          expect(m.context).toBeLessThanOrEqual(1);
          if (i > 0) expect(m.score).toBeLessThanOrEqual(matches[i - 1]!.score);
        }
        expect(matches.find((m) => m.start === start)!.context).toBe(1);
      }),
      { numRuns: 300 },
    );
  });
});
