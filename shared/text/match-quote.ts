/**
 * Finding a stored quote in a text: every exact occurrence, scored by how well the text
 * around it agrees with the stored prefix and suffix and how near it is to where the
 * quote was expected. Pure string logic.
 */
import { CONTEXT_LENGTH, type QuoteSelector } from './quote';

export interface QuoteMatch {
  start: number;
  end: number;
  /** Share (0–1) of the stored prefix and suffix characters that agree with the text around the match. */
  context: number;
  /** Distance in code units from the expected start. */
  distance: number;
  score: number;
}

/**
 * Context counts twice as much as position: a repeated phrase is told apart by its
 * surroundings first. Position decides between occurrences whose surroundings agree about
 * equally (a duplicated paragraph, or a copy whose context the edit itself touched).
 */
const CONTEXT_WEIGHT = 2;

/**
 * Distance at which an occurrence's position score halves: one prefix and one suffix
 * length. Measured in characters rather than as a share of the text: in a 1 MB transcript
 * a share would make a paragraph's distance worth nothing against one stray context character.
 */
const POSITION_HALF = 2 * CONTEXT_LENGTH;

/**
 * Characters equal at the same distance from the quote, so a typo fixed in the context
 * costs one character rather than everything beyond it. `stored` and `actual` are aligned
 * at the end (prefix) or the start (suffix).
 */
function agreement(stored: string, actual: string, alignEnd: boolean): number {
  let same = 0;
  const n = Math.min(stored.length, actual.length);
  for (let i = 0; i < n; i++) {
    const a = alignEnd ? stored.charCodeAt(stored.length - 1 - i) : stored.charCodeAt(i);
    const b = alignEnd ? actual.charCodeAt(actual.length - 1 - i) : actual.charCodeAt(i);
    if (a === b) same++;
  }
  return same;
}

/** How well the text around [start, end) agrees with the selector's prefix and suffix (0–1). */
export function contextAgreement(text: string, start: number, end: number, selector: QuoteSelector): number {
  const total = selector.prefix.length + selector.suffix.length;
  // A passage spanning the whole text has no context; nothing around it can disagree.
  if (total === 0) return 1;
  const before = text.slice(Math.max(0, start - selector.prefix.length), start);
  const after = text.slice(end, end + selector.suffix.length);
  return (agreement(selector.prefix, before, true) + agreement(selector.suffix, after, false)) / total;
}

/** Every exact occurrence of the quote in `text`, best first. Empty when it does not occur. */
export function matchQuote(text: string, selector: QuoteSelector, expectedStart: number): QuoteMatch[] {
  const { quote } = selector;
  if (quote === '') return [];
  const matches: QuoteMatch[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    const end = at + quote.length;
    const context = contextAgreement(text, at, end, selector);
    const distance = Math.abs(at - expectedStart);
    matches.push({ start: at, end, context, distance, score: CONTEXT_WEIGHT * context + 1 / (1 + distance / POSITION_HALF) });
  }
  return matches.sort((a, b) => b.score - a.score || a.start - b.start);
}
