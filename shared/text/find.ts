/** Find in document: every match of a query in a text, as offsets. Pure string logic. */
import { literalPattern, wholeWordOccurrences } from './whole-word';
import { compileQuery } from '../analysis/search-query';
import { matchesIn } from '../analysis/search';

export interface FindOptions {
  caseSensitive: boolean;
  /** Only where the query stands as a whole word (the same rule as Anonymise). */
  wholeWord: boolean;
  /** The query is a regular expression, as project search reads one (search-query.ts); one that does not compile finds nothing. */
  regex?: boolean;
}

export interface Match {
  start: number;
  end: number;
}

/** Past this many matches the find bar stops counting: a one-letter query in a book is not worth more. */
export const MATCH_LIMIT = 100_000;

/** Every non-overlapping match of `query` in `text`, in order (at most MATCH_LIMIT). */
export function findMatches(text: string, query: string, options: FindOptions): Match[] {
  if (query === '') return [];
  if (options.regex) {
    const pattern = compileQuery({ text: query, regex: true, caseSensitive: options.caseSensitive, wholeWord: options.wholeWord });
    const out: Match[] = [];
    // Project search's own loop, so the reader marks exactly the hits the Search view listed.
    if (pattern.ok) matchesIn(text, pattern.value, (start, end) => void (out.length < MATCH_LIMIT && out.push({ start, end })));
    return out;
  }
  if (options.wholeWord) return wholeWordOccurrences(text, query, options.caseSensitive).slice(0, MATCH_LIMIT);
  const out: Match[] = [];
  if (options.caseSensitive) {
    for (let at = text.indexOf(query); at >= 0 && out.length < MATCH_LIMIT; at = text.indexOf(query, at + query.length)) {
      out.push({ start: at, end: at + query.length });
    }
    return out;
  }
  // A regular expression rather than lower-casing both strings: lower-casing can change a
  // string's length ("İ" becomes two code units), which would shift every offset after it.
  const pattern = new RegExp(literalPattern(query), 'giu');
  for (const match of text.matchAll(pattern)) {
    out.push({ start: match.index, end: match.index + match[0].length });
    if (out.length >= MATCH_LIMIT) break;
  }
  return out;
}

/** The first match at or after `offset`, or the first of all when there is none after it (index into matches, -1 when empty). */
export function matchAtOrAfter(matches: readonly Match[], offset: number): number {
  if (matches.length === 0) return -1;
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid]!.start >= offset) hi = mid;
    else lo = mid + 1;
  }
  return lo < matches.length ? lo : 0;
}
