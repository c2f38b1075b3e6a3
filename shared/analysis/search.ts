/**
 * Project search: every match of a query in the documents in scope, as UTF-16 offsets into
 * each document's text (end exclusive), in document order (by name, as the documents list
 * shows them) then by start, non-overlapping,
 * left to right. Empty matches (a pattern such as `x*` or `^`) are not hits: a hit is
 * something a person can see and code.
 *
 * Scope: some documents (by id, by document set, by a document variable's values), and
 * within them only hits inside codings of a code (with its sub-codes or not), or only hits
 * outside every coding.
 */
import type { GlossDocument, SearchQuery, VariableValue } from '../model/schema';
import type { ProjectState } from '../model/state';
import { descendantIds } from '../model/codes';
import { err, ok, type Result } from '../result';
import { compileQuery, type QueryProblem } from './search-query';

/** Which documents, and which parts of them, a search looks in. Every field narrows it; none: everything. */
export interface SearchScope {
  documentIds?: readonly string[];
  /** Documents in any of these document sets. */
  setIds?: readonly string[];
  /** Documents whose value of this variable is one of these. */
  variable?: { variableId: string; values: readonly VariableValue[] };
  /** Only hits lying wholly inside codings of this code (by any coder). */
  insideCode?: { codeId: string; withSubcodes: boolean };
  /** Only hits touching no coding at all. */
  uncodedOnly?: boolean;
}

export interface SearchHit {
  documentId: string;
  start: number;
  end: number;
}

export interface SearchResult {
  /** The hits, at most `limit` of them. */
  hits: SearchHit[];
  /** Every hit in scope, counted even past the limit. */
  total: number;
  /** Hits per document id (all of them, not only those returned). */
  perDocument: Map<string, number>;
}

export interface SearchOptions {
  /** Return at most this many hits (all are still counted). Default: all. */
  limit?: number;
}

export interface Interval {
  start: number;
  end: number;
}

/** Document order, as the documents list shows them: by name, then id (the file's own order is by id). */
export const byDocumentOrder = (a: GlossDocument, b: GlossDocument) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The documents a scope names, in document order (byDocumentOrder). */
export function documentsInScope(state: Pick<ProjectState, 'documents' | 'sets'>, scope: SearchScope): GlossDocument[] {
  let docs = [...state.documents.values()].sort(byDocumentOrder);
  if (scope.documentIds) {
    const wanted = new Set(scope.documentIds);
    docs = docs.filter((d) => wanted.has(d.id));
  }
  if (scope.setIds) {
    const members = new Set<string>();
    for (const setId of scope.setIds) {
      const set = state.sets.get(setId);
      if (set?.kind === 'documents') for (const id of set.memberIds) members.add(id);
    }
    docs = docs.filter((d) => members.has(d.id));
  }
  if (scope.variable) {
    const { variableId, values } = scope.variable;
    docs = docs.filter((d) => values.includes(d.attributes[variableId] ?? null));
  }
  return docs;
}

/** Codings' spans in one document, merged where they overlap or touch, sorted. */
function mergedSpans(spans: Interval[]): Interval[] {
  spans.sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** Coded spans per document: of the given codes, or of every code when `codeIds` is null. */
function codedSpans(state: Pick<ProjectState, 'codings' | 'codingsByCode'>, codeIds: readonly string[] | null): Map<string, Interval[]> {
  const byDoc = new Map<string, Interval[]>();
  const add = (codingId: string) => {
    const c = state.codings.get(codingId);
    if (!c) return;
    let list = byDoc.get(c.documentId);
    if (!list) byDoc.set(c.documentId, (list = []));
    list.push({ start: c.start, end: c.end });
  };
  if (codeIds === null) for (const id of state.codings.keys()) add(id);
  else for (const codeId of codeIds) for (const id of state.codingsByCode.get(codeId) ?? []) add(id);
  for (const [doc, list] of byDoc) byDoc.set(doc, mergedSpans(list));
  return byDoc;
}

/** The merged span holding [start, end) wholly, or undefined. */
export function holding(spans: readonly Interval[], start: number, end: number): Interval | undefined {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= start) lo = mid + 1;
    else hi = mid;
  }
  const span = spans[lo - 1];
  return span && span.end >= end ? span : undefined;
}

/** Whether [start, end) overlaps any of the sorted, merged spans. */
function touchesAny(spans: readonly Interval[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const span = spans[lo];
  return span !== undefined && span.start < end;
}

/** Every non-empty, non-overlapping match of `pattern` (global) in `text`, left to right. */
export function matchesIn(text: string, pattern: RegExp, visit: (start: number, end: number) => void): void {
  pattern.lastIndex = 0;
  for (;;) {
    const m = pattern.exec(text);
    if (!m) return;
    const start = m.index;
    const end = start + m[0].length;
    if (end > start) {
      visit(start, end);
    } else {
      // An empty match: step over one whole character (the u flag's rule) so the loop moves on.
      const code = text.charCodeAt(start);
      pattern.lastIndex = start + (code >= 0xd800 && code <= 0xdbff && start + 1 < text.length ? 2 : 1);
      if (start >= text.length) return;
    }
  }
}

/**
 * What a search scans, gathered from the project: the documents in scope with their texts
 * (in document order) and the merged coded spans a hit must lie within (`inside`) or must
 * not touch (`avoid`), for those documents only. Plain data (Maps and arrays), so the host
 * can hand it to its task worker, where a pattern that backtracks without end cannot
 * freeze the host (electron/service/tasks/).
 */
export interface SearchPlan {
  documents: { id: string; text: string }[];
  inside: Map<string, Interval[]> | null;
  avoid: Map<string, Interval[]> | null;
}

/** The plan of a search within `scope`; an unknown code says so. */
export function planSearch(
  state: Pick<ProjectState, 'documents' | 'sets' | 'codes' | 'codings' | 'codingsByCode'>,
  scope: SearchScope = {},
): Result<SearchPlan, QueryProblem> {
  let inside: Map<string, Interval[]> | null = null;
  if (scope.insideCode) {
    const { codeId, withSubcodes } = scope.insideCode;
    if (!state.codes.has(codeId)) return err({ message: `there is no code with id ${codeId}` });
    inside = codedSpans(state, withSubcodes ? descendantIds(state, codeId) : [codeId]);
  }
  let docs = documentsInScope(state, scope);
  // A document with no coding of the code cannot hold a hit inside one: not worth scanning.
  if (inside) docs = docs.filter((d) => inside!.has(d.id));
  const wanted = new Set(docs.map((d) => d.id));
  const only = (spans: Map<string, Interval[]> | null) => spans && new Map([...spans].filter(([id]) => wanted.has(id)));
  return ok({
    documents: docs.map((d) => ({ id: d.id, text: d.text })),
    inside: only(inside),
    avoid: only(scope.uncodedOnly ? codedSpans(state, null) : null),
  });
}

/** Scans a plan's documents for `pattern`; `onDocument` hears after each document (for progress). */
export function scanPlan(plan: SearchPlan, pattern: RegExp, options: SearchOptions = {}, onDocument?: (done: number, total: number) => void): SearchResult {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const hits: SearchHit[] = [];
  const perDocument = new Map<string, number>();
  let total = 0;
  for (const [i, doc] of plan.documents.entries()) {
    const within = plan.inside?.get(doc.id);
    const avoid = plan.avoid?.get(doc.id);
    let count = 0;
    if (!plan.inside || within) {
      matchesIn(doc.text, pattern, (start, end) => {
        if (within && !holding(within, start, end)) return;
        if (avoid && touchesAny(avoid, start, end)) return;
        count++;
        if (hits.length < limit) hits.push({ documentId: doc.id, start, end });
      });
    }
    if (count > 0) perDocument.set(doc.id, count);
    total += count;
    onDocument?.(i + 1, plan.documents.length);
  }
  return { hits, total, perDocument };
}

/** Searches the project for `query` within `scope`; a query that cannot be searched for says why. */
export function searchProject(
  state: Pick<ProjectState, 'documents' | 'sets' | 'codes' | 'codings' | 'codingsByCode'>,
  query: SearchQuery,
  scope: SearchScope = {},
  options: SearchOptions = {},
): Result<SearchResult, QueryProblem> {
  const compiled = compileQuery(query);
  if (!compiled.ok) return compiled;
  const plan = planSearch(state, scope);
  if (!plan.ok) return plan;
  return ok(scanPlan(plan.value, compiled.value, options));
}

/** A hit with some text either side, for a results list: `before`, the hit, `after`, cut at line breaks. */
export function hitContext(text: string, hit: Pick<SearchHit, 'start' | 'end'>, width = 40): { before: string; match: string; after: string } {
  let from = Math.max(0, hit.start - width);
  let to = Math.min(text.length, hit.end + width);
  const lineStart = text.lastIndexOf('\n', hit.start - 1);
  if (lineStart + 1 > from) from = lineStart + 1;
  const lineEnd = text.indexOf('\n', hit.end);
  if (lineEnd >= 0 && lineEnd < to) to = lineEnd;
  // Never cut a character in two at either end.
  if (from > 0 && from < hit.start && /[\udc00-\udfff]/.test(text[from]!)) from++;
  if (to < text.length && to > hit.end && /[\ud800-\udbff]/.test(text[to - 1]!)) to--;
  return { before: text.slice(from, hit.start), match: text.slice(hit.start, hit.end), after: text.slice(hit.end, to) };
}
