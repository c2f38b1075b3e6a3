/** Finding a word or name where it stands as a whole word, in any script. */

/**
 * What counts as part of a word: letters, combining marks (so "é" typed as e + ◌́ stays one
 * letter), digits and the underscore, in any script. ASCII-only \b would find "Zoë" inside
 * "Zoëy" and miss "Sarah" after an "é".
 */
const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}_]`;

/** Characters with a meaning in a regular expression with the u flag; only these may be escaped there. */
const SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

/** `text` escaped to match itself literally inside a regular expression with the u flag. */
export function literalPattern(text: string): string {
  return text.replace(SYNTAX, '\\$&');
}

/** The pattern matching `word` as a whole word. */
export function wholeWordPattern(word: string, caseSensitive: boolean): RegExp {
  const escaped = literalPattern(word);
  return new RegExp(`(?<!${WORD_CHAR})${escaped}(?!${WORD_CHAR})`, caseSensitive ? 'gu' : 'giu');
}

/**
 * Every place `word` stands as a whole word in `text`: no letter, digit or underscore
 * directly before or after it. So "Sarah's" contains "Sarah" and "Sarahs" does not.
 */
export function wholeWordOccurrences(text: string, word: string, caseSensitive: boolean): { start: number; end: number }[] {
  if (word === '') return [];
  const out: { start: number; end: number }[] = [];
  for (const match of text.matchAll(wholeWordPattern(word, caseSensitive))) {
    out.push({ start: match.index, end: match.index + match[0].length });
  }
  return out;
}
