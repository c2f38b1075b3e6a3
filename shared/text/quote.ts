/**
 * The quote-and-context selector stored with every coding (the idea of the W3C Web
 * Annotation TextQuoteSelector).
 */

/**
 * Characters of context kept on each side. 32 is what hypothesis and the W3C examples
 * use: enough to tell repeated phrases apart, small enough not to bloat the file.
 */
export const CONTEXT_LENGTH = 32;

export interface QuoteSelector {
  quote: string;
  prefix: string;
  suffix: string;
}

/** Quote and context for [start, end) of text. */
export function quoteAt(text: string, start: number, end: number): QuoteSelector {
  return {
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
  };
}

/**
 * Quote and context for [start, end), with the context grown past CONTEXT_LENGTH until
 * prefix + quote + suffix occurs only once in text, so a reader outside Gloss that anchors
 * by quote alone (a TextQuoteSelector) finds this passage and not a repeated copy of it.
 * The context doubles each round; at worst it becomes the whole text, which is unique.
 */
export function uniqueQuoteAt(text: string, start: number, end: number): QuoteSelector {
  for (let context = CONTEXT_LENGTH; ; context *= 2) {
    const from = Math.max(0, start - context);
    const to = Math.min(text.length, end + context);
    const whole = text.slice(from, to);
    const unique = text.indexOf(whole) === from && text.indexOf(whole, from + 1) < 0;
    if (unique || (from === 0 && to === text.length)) {
      return { quote: text.slice(start, end), prefix: text.slice(from, start), suffix: text.slice(end, to) };
    }
  }
}

/** True if [start, end) would cut a surrogate pair in two. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Start offset of the nth (1-based) occurrence of `quote` in `text`, or -1. */
export function findOccurrence(text: string, quote: string, n = 1): number {
  if (!quote || n < 1) return -1;
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) return -1;
  }
  return at;
}
