/**
 * AND / OR / NOT retrieval: the passages coded with A and B (where their codings overlap),
 * with A or B, with A but not B, and any nesting of these. A query is read as a set of
 * characters per document: a code is the characters its counted codings cover, AND is
 * intersection, OR union, NOT the rest of the document. So the laws of sets hold (A AND B
 * is B AND A; NOT (A OR B) is NOT A AND NOT B), and a passage is a longest run of
 * characters the query holds for: two touching codings of A read as one passage of A.
 *
 * Each passage lists the counted codings of the query's codes that overlap it, so a view
 * can show whole coded segments around an overlap and open their memos.
 */
import type { Coding, GlossDocument } from '../model/schema';
import { analysisScope, codingsByDocumentIn, subtreeIds, type AnalysisFilter, type AnalysisProgress, type AnalysisState } from './scope';
import { complementOf, intersectionOf, spanSet, unionOf, type Span } from './span-sets';

export type CodeQuery =
  | { code: string; withSubcodes?: boolean }
  | { and: CodeQuery[] }
  | { or: CodeQuery[] }
  | { not: CodeQuery };

/** "A but not B". */
export const butNot = (a: CodeQuery, b: CodeQuery): CodeQuery => ({ and: [a, { not: b }] });

export interface RetrievedPassage extends Span {
  document: GlossDocument;
  /** The passage's text, sliced from the document. */
  text: string;
  /** Counted codings of the query's codes that overlap the passage, by start. */
  codings: Coding[];
}

/** The code ids a query reads, each leaf's sub-codes included where it asks for them. */
function leaves(query: CodeQuery, subtree: (codeId: string) => string[], into = new Map<CodeQuery, Set<string>>()): Map<CodeQuery, Set<string>> {
  if ('code' in query) into.set(query, new Set(query.withSubcodes ? subtree(query.code) : [query.code]));
  else if ('not' in query) leaves(query.not, subtree, into);
  else for (const part of 'and' in query ? query.and : query.or) leaves(part, subtree, into);
  return into;
}

/** The characters of a document a query holds for, given each leaf's codings there. */
function evaluate(query: CodeQuery, length: number, spansOf: (leaf: CodeQuery) => Span[]): Span[] {
  if ('code' in query) return spansOf(query);
  if ('not' in query) return complementOf(evaluate(query.not, length, spansOf), length);
  if ('and' in query) {
    // AND of nothing is everything, as an empty product is one.
    let out: Span[] = length > 0 ? [{ start: 0, end: length }] : [];
    for (const part of query.and) out = intersectionOf(out, evaluate(part, length, spansOf));
    return out;
  }
  let out: Span[] = [];
  for (const part of query.or) out = unionOf(out, evaluate(part, length, spansOf));
  return out;
}

/** The passages that satisfy `query`, in document order (documents by name), each with the codings behind it. */
export function retrieve(state: AnalysisState, query: CodeQuery, filter: AnalysisFilter = {}, report?: AnalysisProgress): RetrievedPassage[] {
  const scope = analysisScope(state, filter);
  const byLeaf = leaves(query, (codeId) => subtreeIds(scope, codeId));
  const named = new Set([...byLeaf.values()].flatMap((ids) => [...ids]));
  const out: RetrievedPassage[] = [];
  const byDocument = codingsByDocumentIn(state, scope);
  for (let d = 0; d < byDocument.length; d++) {
    report?.(d, byDocument.length);
    const { doc, codings } = byDocument[d]!;
    const spans = evaluate(query, doc.text.length, (leaf) => spanSet(codings.filter((c) => byLeaf.get(leaf)!.has(c.codeId))));
    if (spans.length === 0) continue;
    const relevant = codings.filter((c) => named.has(c.codeId));
    for (const span of spans) {
      out.push({
        document: doc,
        start: span.start,
        end: span.end,
        text: doc.text.slice(span.start, span.end),
        codings: relevant.filter((c) => c.start < span.end && c.end > span.start),
      });
    }
  }
  return out;
}
