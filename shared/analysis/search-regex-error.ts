/**
 * Where a regular expression goes wrong. V8's SyntaxError says why ("Nothing to repeat")
 * but not where, so the pattern is cut into tokens (escapes, group openings, character
 * classes, quantifiers) and each prefix that ends on a token, with its open groups and
 * class closed, is compiled in turn: the first prefix that fails for the same reason as
 * the whole pattern ends on the token at fault. An unclosed group or class fails only at
 * the end; its opening is the place to point at.
 */
import type { QueryProblem } from './search-query';

interface Token {
  start: number;
  end: number;
  /** Groups open after this token. */
  depth: number;
  /** Inside a character class after this token. */
  inClass: boolean;
  /** The token runs to the end of the pattern without being finished (a lone "\", "\u{12"). */
  unfinished: boolean;
}

interface Scan {
  tokens: Token[];
  /** Where the groups still open at the end begin, outermost first. */
  openGroups: number[];
  /** Where a character class still open at the end begins, or -1. */
  openClass: number;
}

/** Past this many tokens the prefixes are bisected rather than tried one by one. */
const LINEAR_PROBES = 400;

/** Plainer words for V8's most common reasons; the rest are shown as V8 words them. */
const PLAIN: Record<string, string> = {
  'Unterminated group': 'a group opened with ( is never closed',
  "Unmatched ')'": 'a ) closes no group',
  'Unterminated character class': 'a [ is never closed with ]',
  'Nothing to repeat': '*, +, ? or {…} has nothing before it to repeat',
  'Lone quantifier brackets': 'a { or } is not part of a repeat such as {2,3} (write \\{ or \\} for the character itself)',
  'Invalid escape': 'this escape is not allowed (only characters with a meaning in a pattern may be escaped)',
  '\\ at end of pattern': 'the pattern ends with a lone \\',
  'Range out of order in character class': 'a range in […] goes backwards',
  'numbers out of order in {} quantifier': 'a repeat {n,m} has n greater than m',
  'Incomplete quantifier': 'a repeat {…} is not finished',
  'Invalid group': 'a group starting with (? is not one JavaScript knows',
};

/** V8's reason ("Nothing to repeat"): the part of its message after the pattern and the last colon. */
function reasonOf(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const m = /: ([^:]+)$/.exec(message);
  return (m?.[1] ?? message).trim();
}

function compileError(source: string, flags: string): string | null {
  try {
    new RegExp(source, flags);
    return null;
  } catch (e) {
    return reasonOf(e);
  }
}

const codeUnits = (text: string, at: number) => (text.codePointAt(at)! > 0xffff ? 2 : 1);

/** End of the escape starting with the "\" at `at`. */
function escapeEnd(p: string, at: number): { end: number; unfinished: boolean } {
  const next = p[at + 1];
  if (next === undefined) return { end: p.length, unfinished: true };
  const until = (close: string, from: number) => {
    const found = p.indexOf(close, from);
    return found < 0 ? { end: p.length, unfinished: true } : { end: found + 1, unfinished: false };
  };
  if ((next === 'u' || next === 'p' || next === 'P') && p[at + 2] === '{') return until('}', at + 3);
  if (next === 'k' && p[at + 2] === '<') return until('>', at + 3);
  const fixed = next === 'u' ? 6 : next === 'x' ? 4 : next === 'c' ? 3 : 1 + codeUnits(p, at + 1);
  return at + fixed > p.length ? { end: p.length, unfinished: true } : { end: at + fixed, unfinished: false };
}

/** End of the group opening "(", "(?:", "(?=", "(?!", "(?<=", "(?<!" or "(?<name>" at `at`. */
function groupOpenEnd(p: string, at: number): { end: number; unfinished: boolean } {
  if (p[at + 1] !== '?') return { end: at + 1, unfinished: false };
  const kind = p[at + 2];
  if (kind === ':' || kind === '=' || kind === '!') return { end: at + 3, unfinished: false };
  if (kind === '<') {
    if (p[at + 3] === '=' || p[at + 3] === '!') return { end: at + 4, unfinished: false };
    const close = p.indexOf('>', at + 3);
    return close < 0 ? { end: p.length, unfinished: true } : { end: close + 1, unfinished: false };
  }
  return { end: Math.min(p.length, at + 2), unfinished: false };
}

const QUANTIFIER = /\{\d+(?:,\d*)?\}/y;

/** The pattern's tokens, and what is left open at its end. */
function scan(p: string): Scan {
  const tokens: Token[] = [];
  const stack: number[] = [];
  let openClass = -1;
  let i = 0;
  while (i < p.length) {
    const start = i;
    const c = p[i]!;
    let unfinished = false;
    if (c === '\\') {
      ({ end: i, unfinished } = escapeEnd(p, i));
    } else if (openClass >= 0) {
      if (c === ']') openClass = -1;
      i += codeUnits(p, i);
    } else if (c === '[') {
      openClass = i;
      i += p[i + 1] === '^' ? 2 : 1;
    } else if (c === '(') {
      stack.push(i);
      ({ end: i, unfinished } = groupOpenEnd(p, i));
    } else if (c === ')') {
      stack.pop();
      i++;
    } else if (c === '{') {
      QUANTIFIER.lastIndex = i;
      i += QUANTIFIER.exec(p)?.[0].length ?? 1;
    } else {
      i += codeUnits(p, i);
    }
    tokens.push({ start, end: i, depth: stack.length, inClass: openClass >= 0, unfinished });
  }
  return { tokens, openGroups: stack, openClass };
}

/** The prefix ending with `token`, its open class and groups closed. */
const closedPrefix = (p: string, token: Token) => p.slice(0, token.end) + (token.inClass ? ']' : '') + ')'.repeat(token.depth);

/** The first token whose closed prefix fails with `reason`, or null. */
function firstFailing(p: string, flags: string, tokens: readonly Token[], reason: string): Token | null {
  const fails = (t: Token) => !t.unfinished && compileError(closedPrefix(p, t), flags) === reason;
  if (tokens.length <= LINEAR_PROBES) return tokens.find(fails) ?? null;
  // Once a prefix fails, longer ones almost always do too: bisect for the first that fails.
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    // An unfinished token is at the very end; treat it as failing so the search moves left.
    if (tokens[mid]!.unfinished || fails(tokens[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo < tokens.length && fails(tokens[lo]!) ? tokens[lo]! : null;
}

/** Why `pattern` is not a valid regular expression with `flags`, and where; null when it is one. */
export function locateRegexError(pattern: string, flags: string): QueryProblem | null {
  const reason = compileError(pattern, flags);
  if (reason === null) return null;
  const message = `not a valid regular expression: ${PLAIN[reason] ?? reason.charAt(0).toLowerCase() + reason.slice(1)}`;
  const { tokens, openGroups, openClass } = scan(pattern);
  if (reason === 'Unterminated character class' && openClass >= 0) return { message, index: openClass };
  if (reason === 'Unterminated group' && openGroups.length > 0) return { message, index: openGroups[openGroups.length - 1]! };
  const token = firstFailing(pattern, flags, tokens, reason);
  if (token) return { message, index: token.start };
  // "\" at the very end, and whatever else only the whole pattern shows.
  const last = tokens[tokens.length - 1];
  return last?.unfinished ? { message, index: last.start } : { message };
}
