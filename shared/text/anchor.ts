/**
 * Re-anchoring a coded passage after its document's text was edited, as a fallback chain
 * (the shape of hypothesis's `anchor()`), but with the edit itself known:
 *
 * 1. kept: the old offsets carried through the edit still hold the stored quote;
 * 2. edited: the edit changed text inside the passage (a typo fixed, a name anonymised)
 *    while both its ends and most of its words survived, so the passage is known: the same
 *    words with that change. This comes before searching, unlike in hypothesis, which
 *    cannot know the edit: a search would carry the coding off to an untouched copy of the
 *    old words (a duplicated paragraph) when its own words were corrected;
 * 3. moved: the quote is found elsewhere, the best occurrence chosen by its prefix/suffix
 *    and its distance from the carried position, and taken only if it is near where the
 *    passage was or its context agrees;
 * 4. unplaced: none of these. The passage is kept at a best-guess span and marked as
 *    needing review; it is never dropped. A passage already marked stays marked, whatever
 *    later edits do; when they leave its guessed span alone, it is simply kept there.
 *
 * Every outcome is reported, so the caller can tell the user what happened to each coding.
 */
import { matchQuote } from './match-quote';
import { CONTEXT_LENGTH, quoteAt, splitsSurrogatePair, type QuoteSelector } from './quote';
import { PASSAGE_END, PASSAGE_START, type MapRule, type OffsetMap } from './text-edit';

export type AnchorStatus = 'kept' | 'moved' | 'edited' | 'unplaced';

/** A passage as stored with a coding: offsets, quote and context, and the review flag. */
export interface Anchor extends QuoteSelector {
  start: number;
  end: number;
  needsReview: boolean;
}

export interface Reanchored extends Anchor {
  status: AnchorStatus;
}

/**
 * Share of context characters that must agree before a match away from the edit is taken
 * as the same passage. Half the context is far more than chance: an unrelated occurrence
 * of a phrase agrees on a few characters at most.
 */
const MIN_CONTEXT = 0.5;

/** Code units of the character starting at `at` (2 for an astral character). */
function charLength(text: string, at: number): number {
  return splitsSurrogatePair(text, at + 1) ? 2 : 1;
}

/**
 * A non-empty span of `text` as close to [start, end) as possible that splits no
 * character. `text` must not be empty.
 */
export function bestGuessSpan(text: string, start: number, end: number): { start: number; end: number } {
  const length = text.length;
  let s = Math.min(Math.max(0, start), length);
  let e = Math.min(Math.max(s, end), length);
  if (splitsSurrogatePair(text, s)) s--;
  if (splitsSurrogatePair(text, e)) e++;
  if (e > s) return { start: s, end: e };
  // Nothing left of the passage: mark the one character where it was.
  if (s < length) return { start: s, end: s + charLength(text, s) };
  const lastStart = splitsSurrogatePair(text, length - 1) ? length - 2 : length - 1;
  return { start: lastStart, end: length };
}

/** Only the selector's own fields, when the anchor passed in is a whole coding. */
function selectorOf(anchor: Anchor): QuoteSelector {
  return { quote: anchor.quote, prefix: anchor.prefix, suffix: anchor.suffix };
}

export interface ReanchorOptions {
  /**
   * The replacements are exactly what the user asked for (anonymising a name), not a diff's
   * guess: a passage may then be edited however much of it was replaced ("Sarah" coded on
   * its own becomes "[NAME]").
   */
  exactEdit?: boolean;
}

/**
 * Where `anchor`, a passage of the old text, is in `newText`, the old text with `edit`
 * applied. `newText` must not be empty: a passage needs at least one character.
 */
export function reanchor(anchor: Anchor, edit: OffsetMap, newText: string, options: ReanchorOptions = {}): Reanchored {
  if (newText.length === 0) throw new Error('a passage cannot be placed in an empty text');
  const hintStart = edit.map(anchor.start, PASSAGE_START);
  const hintEnd = edit.map(anchor.end, PASSAGE_END);
  const placed = (status: AnchorStatus, start: number, end: number): Reanchored => ({
    status,
    start,
    end,
    needsReview: anchor.needsReview,
    ...quoteAt(newText, start, end),
  });

  // 1. The stored quote is where the edit carried it.
  if (anchor.quote !== '' && newText.slice(hintStart, hintEnd) === anchor.quote) return placed('kept', hintStart, hintEnd);

  // 2. Both ends of the passage survived and the edit changed something between them. Unless
  //    the edit is exact, at least half of the passage must be its old words: a paragraph
  //    rewritten from end to end is not the passage that was coded. A passage already
  //    waiting for review keeps the quote it was made on, which is what the reviewer needs.
  const editedInside =
    hintEnd > hintStart &&
    !edit.isInsideReplacement(anchor.start) &&
    !edit.isInsideReplacement(anchor.end) &&
    edit.touchesInside(anchor.start, anchor.end) &&
    (options.exactEdit === true || 2 * edit.replacedWithin(anchor.start, anchor.end) <= anchor.end - anchor.start);
  if (editedInside) {
    if (anchor.needsReview) return { ...selectorOf(anchor), status: 'edited', start: hintStart, end: hintEnd, needsReview: true };
    return placed('edited', hintStart, hintEnd);
  }

  // 3. The quote elsewhere: near where the passage was, or with its context agreeing.
  const near = (m: { start: number; end: number }) => m.start < hintEnd + CONTEXT_LENGTH && m.end > hintStart - CONTEXT_LENGTH;
  for (const match of matchQuote(newText, anchor, hintStart)) {
    if (match.context >= MIN_CONTEXT || near(match)) return placed('moved', match.start, match.end);
  }

  // A coding already waiting for review stands on a guessed span, not on its quote. While
  // both ends of that span survive, it stays on it, for the person to check.
  if (anchor.needsReview && hintEnd > hintStart && !edit.isInsideReplacement(anchor.start) && !edit.isInsideReplacement(anchor.end)) {
    const status = edit.touchesInside(anchor.start, anchor.end) ? 'edited' : 'kept';
    return { ...selectorOf(anchor), status, start: hintStart, end: hintEnd, needsReview: true };
  }

  // 4. A best guess, kept with the quote it was made on and flagged for a person to check.
  const guess = bestGuessSpan(newText, hintStart, hintEnd);
  return { ...selectorOf(anchor), status: 'unplaced', start: guess.start, end: guess.end, needsReview: true };
}

/** Ranges that grow when text is typed at their end (a paragraph being extended). */
const RANGE_START: MapRule = { inside: 'start', insertion: 'after' };
const RANGE_END: MapRule = { inside: 'end', insertion: 'after' };

/**
 * Reading-structure ranges (headings, pages…) carried through an edit. Text typed where a
 * range ends joins that range, so of two touching ranges the first grows; a range whose
 * text was deleted is dropped.
 */
export function mapRanges<R extends { start: number; end: number }>(ranges: readonly R[], edit: OffsetMap): R[] {
  const out: R[] = [];
  for (const range of ranges) {
    const start = edit.map(range.start, RANGE_START);
    const end = edit.map(range.end, RANGE_END);
    if (end > start) out.push(start === range.start && end === range.end ? range : { ...range, start, end });
  }
  return out;
}
