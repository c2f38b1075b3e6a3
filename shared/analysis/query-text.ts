/**
 * A retrieval query typed as text: `Barriers > Data sharing AND NOT Trust`,
 * `(A OR B) AND C`, `"Not AND sure" OR C`. AND binds tighter than OR; NOT applies to what
 * follows it. Only the upper-case words are operators, so a code called "Not sure" needs no
 * quotes; a name holding an upper-case operator or a bracket goes in double quotes. The
 * names are left as typed: the caller resolves them against the project.
 */
import { err, ok, type Result } from '../result';
import type { CodeQuery } from './retrieval';

type Token = { kind: 'and' | 'or' | 'not' | 'open' | 'close' } | { kind: 'name'; name: string };

const KEYWORDS: Record<string, 'and' | 'or' | 'not'> = { AND: 'and', OR: 'or', NOT: 'not' };

function tokens(text: string): Result<Token[]> {
  const out: Token[] = [];
  let words: string[] = [];
  const flush = () => {
    if (words.length > 0) out.push({ kind: 'name', name: words.join(' ') });
    words = [];
  };
  const pattern = /\s*(?:(")((?:[^"]|"")*)("?)|([()])|([^\s()"]+))/gy;
  let at = 0;
  while (at < text.length) {
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (!m || m[0].length === 0) break;
    at = pattern.lastIndex;
    if (m[1]) {
      if (!m[3]) return err(`a quoted name is not closed: ${text.slice(m.index).trim()}`);
      flush();
      out.push({ kind: 'name', name: m[2]!.replace(/""/g, '"') });
    } else if (m[4]) {
      flush();
      out.push({ kind: m[4] === '(' ? 'open' : 'close' });
    } else if (m[5] && Object.hasOwn(KEYWORDS, m[5])) {
      flush();
      out.push({ kind: KEYWORDS[m[5]]! });
    } else words.push(m[5]!);
  }
  flush();
  return ok(out);
}

/** Parses a query; the leaves' `code` holds the names as typed. */
export function parseQuery(text: string): Result<CodeQuery> {
  const read = tokens(text);
  if (!read.ok) return read;
  const list = read.value;
  let i = 0;
  const describe = (t: Token | undefined) => (t === undefined ? 'the end' : t.kind === 'name' ? `"${t.name}"` : t.kind === 'open' ? '"("' : t.kind === 'close' ? '")"' : t.kind.toUpperCase());
  const fail = (wanted: string) => err(`${wanted} was expected before ${describe(list[i])} in: ${text.trim()}`);

  function factor(): Result<CodeQuery> {
    const t = list[i];
    if (t?.kind === 'not') {
      i++;
      const inner = factor();
      return inner.ok ? ok({ not: inner.value }) : inner;
    }
    if (t?.kind === 'open') {
      i++;
      const inner = expression();
      if (!inner.ok) return inner;
      if (list[i]?.kind !== 'close') return fail('")"');
      i++;
      return inner;
    }
    if (t?.kind === 'name') {
      i++;
      return ok({ code: t.name });
    }
    return fail('a code name');
  }
  function term(): Result<CodeQuery> {
    const parts: CodeQuery[] = [];
    for (;;) {
      const f = factor();
      if (!f.ok) return f;
      parts.push(f.value);
      if (list[i]?.kind !== 'and') break;
      i++;
    }
    return ok(parts.length === 1 ? parts[0]! : { and: parts });
  }
  function expression(): Result<CodeQuery> {
    const parts: CodeQuery[] = [];
    for (;;) {
      const t = term();
      if (!t.ok) return t;
      parts.push(t.value);
      if (list[i]?.kind !== 'or') break;
      i++;
    }
    return ok(parts.length === 1 ? parts[0]! : { or: parts });
  }

  if (list.length === 0) return err('the query is empty: name a code, or combine codes with AND, OR and NOT');
  const query = expression();
  if (!query.ok) return query;
  if (i < list.length) return fail('AND or OR');
  return query;
}

/** The query with each leaf's code replaced (names resolved to ids, say). */
export function mapCodes(query: CodeQuery, f: (code: string) => string): CodeQuery {
  if ('code' in query) return { ...query, code: f(query.code) };
  if ('not' in query) return { not: mapCodes(query.not, f) };
  if ('and' in query) return { and: query.and.map((q) => mapCodes(q, f)) };
  return { or: query.or.map((q) => mapCodes(q, f)) };
}
