import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectTurns, sameSpeaker, speakersOf, turnHolding, turnsOf } from './speaker-turns';
import { stateWith } from './fixtures/project';

const words = (text: string) => detectTurns(text).map((t) => [t.speaker, text.slice(t.start, t.end)]);

describe('detectTurns', () => {
  it('reads every label form of the issue, without the label, up to the next label', () => {
    const text = [
      'Interviewer: How did it start?',
      'Officer A: Badly.',
      'It got worse.',
      '',
      'INTERVIEWER: Why?',
      '[Officer A] Nobody told us.',
      'Interviewer (00:12): And then?',
      'Officer A [00:12:03]: We guessed.',
    ].join('\n');
    expect(words(text)).toEqual([
      ['Interviewer', 'How did it start?'],
      ['Officer A', 'Badly.\nIt got worse.'],
      ['INTERVIEWER', 'Why?'],
      ['Officer A', 'Nobody told us.'],
      ['Interviewer', 'And then?'],
      ['Officer A', 'We guessed.'],
    ]);
  });

  it('takes a label after a leading timestamp', () => {
    expect(words('[00:01:02] Ana: yes\n[00:01:09] Ben: no\nAna: maybe')).toEqual([
      ['Ana', 'yes'],
      ['Ben', 'no'],
      ['Ana', 'maybe'],
    ]);
  });

  it('does not take one-off prose such as "Note:" or a five-word lead-in for a label', () => {
    expect(words('Note: this is prose.\nThe main point we made was: nothing.\nhttp://example.org')).toEqual([]);
  });

  it('keeps a label with nothing after it as an empty turn', () => {
    const text = 'Ana: one\nAna:\nBen: two';
    const turns = detectTurns(text);
    expect(turns.map((t) => t.end - t.start)).toEqual([3, 0, 3]);
  });
});

describe('turnsOf', () => {
  it('uses speaker structure from an import, without the "Name:" in the range', () => {
    const text = '[00:00:01] Ana: Hello there\n[00:00:04] Ben: Hi';
    const doc = stateWith([
      {
        id: 'd',
        text,
        structure: [
          { kind: 'speaker', start: 11, end: 27, label: 'Ana' },
          { kind: 'speaker', start: 39, end: 46, label: 'Ben' },
        ],
      },
    ]).documents.get('d')!;
    expect(turnsOf(doc).map((t) => [t.speaker, text.slice(t.start, t.end)])).toEqual([
      ['Ana', 'Hello there'],
      ['Ben', 'Hi'],
    ]);
  });

  it('lists speakers with their turn counts, and finds the turn holding a span', () => {
    const text = 'Ana: one two\nBen: three\nAna: four';
    const turns = detectTurns(text);
    expect(speakersOf(turns)).toEqual([
      { speaker: 'Ana', turns: 2 },
      { speaker: 'Ben', turns: 1 },
    ]);
    expect(turnHolding(turns, text.indexOf('two'), text.indexOf('two') + 3)?.speaker).toBe('Ana');
    expect(turnHolding(turns, 0, 3)).toBe(null); // the label itself
    expect(sameSpeaker('officer  a', 'Officer A')).toBe(true);
  });

  it('never throws on random text; turns are in order, inside the text, never holding their label', () => {
    const piece = fc.constantFrom('Ana: ', 'Officer A: ', '[Ben] ', 'X (00:12): ', 'words ', '\n', '\n\n', ':', '[', 'ß ', 'Ü: ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        let last = 0;
        for (const t of detectTurns(text)) {
          expect(t.labelStart).toBeGreaterThanOrEqual(last);
          expect(t.labelEnd).toBeLessThanOrEqual(t.start);
          expect(t.start).toBeLessThanOrEqual(t.end);
          expect(t.end).toBeLessThanOrEqual(text.length);
          last = t.end;
        }
      }),
      { numRuns: 200 },
    );
  });
});
