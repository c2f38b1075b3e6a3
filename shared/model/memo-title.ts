/** A memo's title when its writer left the field empty: the memo's first words. */

/** Longest derived title, in characters, before it is cut at a word and ended with "…". */
export const DERIVED_TITLE_LENGTH = 60;

/**
 * The title to save: `title` trimmed when given, else the first line of `text` cut at a
 * word boundary (at most DERIVED_TITLE_LENGTH characters), else "" for an empty memo.
 */
export function memoTitle(title: string, text: string): string {
  const given = title.trim();
  if (given) return given;
  const firstLine = text.trim().split(/\r?\n/, 1)[0]!.replace(/\s+/g, ' ').trim();
  if (firstLine.length <= DERIVED_TITLE_LENGTH) return firstLine;
  const cut = firstLine.slice(0, DERIVED_TITLE_LENGTH);
  const lastSpace = cut.lastIndexOf(' ');
  // A first "word" longer than the limit (a URL, say) is cut where the limit falls.
  return `${(lastSpace > DERIVED_TITLE_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
