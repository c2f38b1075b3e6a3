import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bestGuessSpan, mapRanges, reanchor, type Anchor, type AnchorStatus } from './anchor';
import { findOccurrence, quoteAt, splitsSurrogatePair } from './quote';
import { diffTexts, OffsetMap } from './text-edit';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

interface EditCase {
  case: string;
  text: string;
  /** Applied in order, each to the result of the one before; `occurrence` is 1-based. */
  edits: { find: string; occurrence?: number; replace: string }[];
  codings: {
    quote: string;
    occurrence?: number;
    expect: AnchorStatus;
    /** The text the coding must cover afterwards (default: its quote) … */
    now?: string;
    /** … at this occurrence of it in the edited text (default 1). */
    nowOccurrence?: number;
  }[];
}

const CASES = JSON.parse(fixture('edit-cases.json')) as EditCase[];

function applyEdits(text: string, edits: EditCase['edits'], label: string): string {
  for (const edit of edits) {
    const at = findOccurrence(text, edit.find, edit.occurrence ?? 1);
    if (at < 0) throw new Error(`${label}: ${JSON.stringify(edit.find)} is not in the text`);
    text = text.slice(0, at) + edit.replace + text.slice(at + edit.find.length);
  }
  return text;
}

/** A passage of `text` as applyCode stores it. */
function anchorOn(text: string, quote: string, occurrence = 1, needsReview = false): Anchor {
  const start = findOccurrence(text, quote, occurrence);
  if (start < 0) throw new Error(`${JSON.stringify(quote)} (occurrence ${occurrence}) is not in the fixture`);
  return { start, end: start + quote.length, needsReview, ...quoteAt(text, start, start + quote.length) };
}

/** Re-anchors `anchor` the way editDocumentText does: through the diff of the two texts. */
function reanchorThroughDiff(before: string, after: string, anchor: Anchor) {
  return reanchor(anchor, new OffsetMap(diffTexts(before, after)), after);
}

describe('re-anchoring codings through real transcript edits (fixtures/edit-cases.json)', () => {
  for (const c of CASES) {
    describe(c.case, () => {
      const before = fixture(c.text);
      const after = applyEdits(before, c.edits, c.case);
      for (const coding of c.codings) {
        const name = `${JSON.stringify(coding.quote)}${coding.occurrence ? ` (occurrence ${coding.occurrence})` : ''} is ${coding.expect}`;
        it(name, () => {
          const anchor = anchorOn(before, coding.quote, coding.occurrence);
          const result = reanchorThroughDiff(before, after, anchor);
          const now = coding.now ?? coding.quote;
          const expectedStart = findOccurrence(after, now, coding.nowOccurrence ?? 1);
          expect(expectedStart, `${JSON.stringify(now)} should be in the edited text`).toBeGreaterThanOrEqual(0);
          expect({ status: result.status, start: result.start, text: after.slice(result.start, result.end) }).toEqual({
            status: coding.expect,
            start: expectedStart,
            text: now,
          });
          if (coding.expect === 'unplaced') {
            // Kept, flagged, and still carrying the words it was made on for the reviewer.
            expect(result.needsReview).toBe(true);
            expect({ quote: result.quote, prefix: result.prefix, suffix: result.suffix }).toEqual({
              quote: anchor.quote,
              prefix: anchor.prefix,
              suffix: anchor.suffix,
            });
          } else {
            expect(result.needsReview).toBe(false);
            expect({ quote: result.quote, prefix: result.prefix, suffix: result.suffix }).toEqual(quoteAt(after, result.start, result.end));
          }
          expect(result.end).toBeGreaterThan(result.start);
          expect(result.end).toBeLessThanOrEqual(after.length);
          expect(splitsSurrogatePair(after, result.start) || splitsSurrogatePair(after, result.end)).toBe(false);
        });
      }
    });
  }
});

describe('reanchor', () => {
  const text = fixture('interview-1.txt');

  it('shifts a coding by exactly the length of text inserted before it and refreshes its context', () => {
    const anchor = anchorOn(text, 'a two-page leaflet');
    const after = text.replace('We recieved', 'We then received');
    const result = reanchorThroughDiff(text, after, anchor);
    expect(result).toMatchObject({ status: 'kept', start: anchor.start + 5, end: anchor.end + 5 });
    expect(anchor.prefix.endsWith('We recieved ')).toBe(true);
    expect(result.prefix.endsWith('We then received ')).toBe(true);
  });

  it('leaves a coding untouched by an edit after it entirely as it was', () => {
    const anchor = anchorOn(text, 'Thank you for joining');
    const after = text.replace('black hole', 'void');
    expect(reanchorThroughDiff(text, after, anchor)).toEqual({ ...anchor, status: 'kept' });
  });

  it('does not move a coding off an edited passage to an untouched copy of its old words', () => {
    // The same sentence twice; a typo is fixed inside the coded copy only.
    const before = 'A: We recieved nothing at all.\nB: We recieved nothing at all.\n';
    const after = before.replace('B: We recieved', 'B: We received');
    const anchor = anchorOn(before, 'We recieved nothing', 2);
    const result = reanchorThroughDiff(before, after, anchor);
    expect(result.status).toBe('edited');
    expect(after.slice(result.start, result.end)).toBe('We received nothing');
    expect(result.start).toBe(after.indexOf('B: ') + 3);
  });

  it('does not take an occurrence far away with other surroundings for a deleted passage', () => {
    const before = `She said it, and then no. ${'The team met weekly. '.repeat(10)}At the end there were cuts, and then no more.`;
    const anchor = anchorOn(before, 'and then no', 1);
    const after = before.replace(', and then no.', '.');
    const result = reanchorThroughDiff(before, after, anchor);
    expect(result).toMatchObject({ status: 'unplaced', needsReview: true, quote: 'and then no' });
    expect(result.start).toBe('She said it'.length);
    // The same words right next to where the passage was are taken: that is "moved", and reported.
    const stutter = 'She said it, and then no, and then no again.';
    const fixed = 'She said it, and then no again.';
    expect(reanchorThroughDiff(stutter, fixed, anchorOn(stutter, 'and then no', 2))).toMatchObject({ status: 'moved', start: 13, end: 24 });
  });

  it('keeps a coding that already needs review flagged, with the quote it was made on', () => {
    const anchor = { ...anchorOn(text, 'We recieved a two-page leaflet'), needsReview: true };
    const after = text.replace('We recieved', 'We received');
    const edited = reanchorThroughDiff(text, after, anchor);
    expect(edited).toMatchObject({ status: 'edited', needsReview: true, quote: 'We recieved a two-page leaflet' });
    expect(after.slice(edited.start, edited.end)).toBe('We received a two-page leaflet');
    // Found again where the edit carried it: placed, but still waiting for a person.
    const shifted = reanchorThroughDiff(text, 'Hello. ' + text, { ...anchorOn(text, 'nobody trained us'), needsReview: true });
    expect(shifted).toMatchObject({ status: 'kept', needsReview: true, quote: 'nobody trained us' });
  });

  it('leaves a coding waiting for review at its guessed span when a later edit does not touch it', () => {
    const deleted = text.replace('We recieved a two-page leaflet and that was it. ', '');
    const flagged = reanchorThroughDiff(text, deleted, anchorOn(text, 'a two-page leaflet'));
    expect(flagged).toMatchObject({ status: 'unplaced', needsReview: true });
    const { status: _status, ...stored } = flagged;
    const later = deleted.replace('Thank you', 'Thanks');
    const again = reanchorThroughDiff(deleted, later, stored);
    expect(again).toEqual({ ...stored, status: 'kept', start: stored.start - 3, end: stored.end - 3 });
    expect(later.slice(again.start, again.end)).toBe(deleted.slice(stored.start, stored.end));
  });

  it('refuses an empty new text rather than inventing an empty span', () => {
    expect(() => reanchor(anchorOn(text, 'Sarah'), new OffsetMap(diffTexts(text, '')), '')).toThrow(/empty text/);
  });
});

describe('bestGuessSpan', () => {
  it('is never empty, never past the end, and never splits an emoji', () => {
    const text = 'ab😀';
    expect(bestGuessSpan(text, 2, 2)).toEqual({ start: 2, end: 4 });
    expect(bestGuessSpan(text, 3, 3)).toEqual({ start: 2, end: 4 });
    expect(bestGuessSpan(text, 4, 4)).toEqual({ start: 2, end: 4 });
    expect(bestGuessSpan(text, 9, 12)).toEqual({ start: 2, end: 4 });
    expect(bestGuessSpan(text, 1, 3)).toEqual({ start: 1, end: 4 });
    expect(bestGuessSpan('a', 1, 1)).toEqual({ start: 0, end: 1 });
    expect(bestGuessSpan(text, 0, 1)).toEqual({ start: 0, end: 1 });
  });
});

describe('mapRanges', () => {
  const text = 'Heading\nFirst paragraph.\nSecond paragraph.';
  const ranges = [
    { kind: 'heading', start: 0, end: 7, level: 1 },
    { kind: 'paragraph', start: 8, end: 24 },
    { kind: 'paragraph', start: 25, end: 42 },
  ];

  it('shifts ranges after an edit, grows the range typed at its end and drops a deleted one', () => {
    const after = text.replace('First paragraph.', 'First paragraph, longer.').replace('Second paragraph.', '');
    // Two edits in one diff would merge; map each edit in turn like two saves.
    const first = text.replace('First paragraph.', 'First paragraph, longer.');
    const once = mapRanges(ranges, new OffsetMap(diffTexts(text, first)));
    expect(once).toEqual([
      { kind: 'heading', start: 0, end: 7, level: 1 },
      { kind: 'paragraph', start: 8, end: 32 },
      { kind: 'paragraph', start: 33, end: 50 },
    ]);
    expect(once.map((r) => first.slice(r.start, r.end))).toEqual(['Heading', 'First paragraph, longer.', 'Second paragraph.']);
    const twice = mapRanges(once, new OffsetMap(diffTexts(first, after)));
    expect(twice.map((r) => after.slice(r.start, r.end))).toEqual(['Heading', 'First paragraph, longer.']);
  });

  it('returns the same objects for ranges the edit did not move', () => {
    const mapped = mapRanges(ranges, new OffsetMap(diffTexts(text, text + ' More.')));
    expect(mapped[0]).toBe(ranges[0]);
    expect(mapped[2]).toEqual({ kind: 'paragraph', start: 25, end: 48 });
  });
});
