/**
 * A search query as a regular expression: literal text (escaped), a JavaScript regular
 * expression, either one case-sensitive or not and whole words only or not. A regular
 * expression that does not compile is refused with the place it goes wrong.
 *
 * Flags: `u` always (so `\p{L}` works and a match never splits a character), `g` to find
 * every match, `m` so that `^` and `$` mean the start and end of a line as in every
 * editor's find (a document is one string; without `m` they would only mean its two
 * ends), and `i` unless the search is case-sensitive.
 */
import type { SearchQuery } from '../model/schema';
import { err, ok, type Result } from '../result';
import { literalPattern } from '../text/whole-word';
import { locateRegexError } from './search-regex-error';

export type { SearchQuery };

/** What counts as part of a word for "whole word": the same rule as Find and Anonymise (whole-word.ts). */
const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}_]`;

/** Why a query cannot be searched for, and for a regular expression where (0-based UTF-16 index). */
export interface QueryProblem {
  message: string;
  index?: number;
}

/** A literal, case-insensitive query for `text`: the default search. */
export function literalQuery(text: string, options: Partial<Omit<SearchQuery, 'text'>> = {}): SearchQuery {
  return { text, regex: false, caseSensitive: false, wholeWord: false, ...options };
}

/** The flags every search pattern is compiled with. */
export function queryFlags(query: Pick<SearchQuery, 'caseSensitive'>): string {
  return query.caseSensitive ? 'gmu' : 'gimu';
}

/** The query as a global regular expression, or why it cannot be one. */
export function compileQuery(query: SearchQuery): Result<RegExp, QueryProblem> {
  if (query.text === '') return err({ message: 'the search is empty; type what to look for' });
  const flags = queryFlags(query);
  let source = query.text;
  if (query.regex) {
    const problem = locateRegexError(source, flags);
    if (problem) return err(problem);
  } else {
    source = literalPattern(source);
  }
  // The user's pattern stays one unit inside the word-boundary guards: "a|b" must not become "(?<!w)a|b(?!w)".
  if (query.wholeWord) source = `(?<!${WORD_CHAR})(?:${source})(?!${WORD_CHAR})`;
  try {
    return ok(new RegExp(source, flags));
  } catch (e) {
    // Whole word around a pattern that compiles alone cannot fail, but say so plainly if it does.
    return err({ message: `the search cannot be carried out: ${(e as Error).message}` });
  }
}

/** A query problem as one line for a person: where a regular expression goes wrong, and why. */
export function describeProblem(query: SearchQuery, problem: QueryProblem): string {
  if (problem.index === undefined) return problem.message;
  const at = problem.index;
  const character = String.fromCodePoint(query.text.codePointAt(at) ?? 0x20);
  return `${problem.message} at character ${at + 1} (${JSON.stringify(at < query.text.length ? character : 'end')} in ${JSON.stringify(query.text.length > 60 ? `${query.text.slice(0, 59)}…` : query.text)})`;
}
