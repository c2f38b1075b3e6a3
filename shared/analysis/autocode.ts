/**
 * Auto-code: the passages a set of search hits becomes when each hit is widened to a scope
 * (the match itself, its sentence, its paragraph, or its speaker's turn), and what coding
 * them with a code would do. Pure; shared/ops/autocode.ts turns the plan into one Change.
 *
 * - Hits of one document whose passages overlap or touch become one passage.
 * - A passage lying wholly within what this coder has already coded with the code is not
 *   coded again, so the same auto-code run twice creates nothing the second time. Other
 *   coders' codings are theirs and do not count.
 * - Existing codings are never changed: a passage that only overlaps one is coded as it is.
 */
import type { AutocodeScope, GlossDocument, SearchQuery } from '../model/schema';
import type { ProjectState } from '../model/state';
import { err, ok, type Result } from '../result';
import { byDocumentOrder, documentsInScope, holding, searchProject, type SearchHit, type SearchScope } from './search';
import type { QueryProblem } from './search-query';
import { documentLanguage } from './text-language';
import { paragraphAt, paragraphsOf, sentenceAt, sentencesOf, type Span } from './text-units';
import { sameSpeaker, speakersOf, spokenStart, turnHolding, turnsOf } from './speaker-turns';

type State = Pick<ProjectState, 'documents' | 'sets' | 'codes' | 'codings' | 'codingsByCode' | 'codingsByDocument' | 'variables'>;

/** One passage to code. */
export interface Passage {
  documentId: string;
  start: number;
  end: number;
}

export interface AutocodePlan {
  /** Hits found (search matches, or a speaker's turns). */
  hits: number;
  /** The passages to code, in document order then by start. */
  passages: Passage[];
  /** Hits whose passage this coder has already coded with the code: nothing is created for them. */
  alreadyCoded: number;
  /** Hits whose passage overlaps or touches another's: they share one new coding. */
  merged: number;
  /** Hits with no passage at the scope (white space only, before a transcript's first label). */
  skipped: number;
  /** Documents that get at least one coding. */
  documents: number;
}

/** What to auto-code: the hits of a query (and/or a speaker's turns) in a scope. */
export interface AutocodeInput {
  query: SearchQuery;
  scope: AutocodeScope;
  /** Where to search: the documents and filters of project search. */
  where?: SearchScope;
  /** Only this speaker's turns: the turns themselves when the query is empty, else the hits inside them. */
  speaker?: string;
  /** Code only these of the hits (a selection in the results list). */
  only?: readonly Passage[];
}

/** The passage `hit` widens to at `scope` in `doc`, or null when there is none. */
export function widen(doc: GlossDocument, hit: Span, scope: AutocodeScope, language: string): Span | null {
  switch (scope) {
    case 'match':
      return { start: hit.start, end: hit.end };
    case 'sentence': {
      const list = sentencesOf(doc, language);
      const first = sentenceAt(list, hit.start);
      const last = sentenceAt(list, Math.max(hit.start, hit.end - 1));
      if (!first || !last) return first ?? last;
      return withoutLabel(doc, { start: Math.min(first.start, hit.start), end: Math.max(last.end, hit.end) }, hit);
    }
    case 'paragraph': {
      const list = paragraphsOf(doc);
      const first = paragraphAt(list, hit.start);
      const last = paragraphAt(list, Math.max(hit.start, hit.end - 1));
      if (!first || !last) return first ?? last;
      return { start: Math.min(first.start, hit.start), end: Math.max(last.end, hit.end) };
    }
    case 'speaker': {
      const turn = turnHolding(turnsOf(doc), hit.start, hit.end);
      return turn && turn.end > turn.start ? { start: turn.start, end: turn.end } : null;
    }
  }
}

/**
 * A transcript's first sentence of a turn starts with the speaker's label ("Officer A: No
 * training."); the sentence coded is the spoken words, unless the hit is in the label itself.
 */
function withoutLabel(doc: GlossDocument, span: Span, hit: Span): Span {
  const turns = turnsOf(doc);
  if (turns.length === 0) return span;
  const start = spokenStart(turns, span.start);
  // A hit on the label itself keeps the sentence as it is.
  return start > span.start && hit.start >= start && start < span.end ? { start, end: span.end } : span;
}

/** The hits an auto-code starts from: search hits, a speaker's turns, or the hits inside them. */
export function autocodeHits(state: State, input: AutocodeInput): Result<SearchHit[], QueryProblem> {
  const where = input.where ?? {};
  let hits: SearchHit[];
  if (input.speaker !== undefined) {
    const speaker = input.speaker;
    const docs = documentsInScope(state, where);
    const turns = docs.flatMap((doc) => turnsOf(doc).filter((t) => t.end > t.start && sameSpeaker(t.speaker, speaker)).map((t) => ({ documentId: doc.id, start: t.start, end: t.end })));
    if (turns.length === 0) {
      const known = [...new Set(docs.flatMap((doc) => speakersOf(turnsOf(doc)).map((s) => s.speaker)))];
      return err({ message: `no turns of speaker “${speaker}” were found (speakers: ${known.length ? known.slice(0, 10).join(', ') : 'none'})` });
    }
    if (input.query.text === '') {
      hits = turns;
    } else {
      const found = searchProject(state, input.query, where);
      if (!found.ok) return found;
      const byDoc = new Map<string, SearchHit[]>();
      for (const t of turns) byDoc.set(t.documentId, [...(byDoc.get(t.documentId) ?? []), t]);
      hits = found.value.hits.filter((h) => (byDoc.get(h.documentId) ?? []).some((t) => t.start <= h.start && h.end <= t.end));
    }
  } else {
    const found = searchProject(state, input.query, where);
    if (!found.ok) return found;
    hits = found.value.hits;
  }
  if (input.only) {
    const keys = new Set(input.only.map((p) => `${p.documentId}:${p.start}:${p.end}`));
    hits = hits.filter((h) => keys.has(`${h.documentId}:${h.start}:${h.end}`));
  }
  return ok(hits);
}

/** Spans merged where they overlap or touch; sorted. */
function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/**
 * What coding `hits` at `scope` with `codeId` as `coderId` would do (null code: a new code,
 * nothing coded with it yet). Every hit is counted once: hits = passages' hits + merged +
 * alreadyCoded + skipped, where each passage holds at least one hit.
 */
export function planPassages(state: State, hits: readonly SearchHit[], scope: AutocodeScope, codeId: string | null, coderId: string): AutocodePlan {
  const byDoc = new Map<string, Span[]>();
  let skipped = 0;
  for (const hit of hits) {
    const doc = state.documents.get(hit.documentId);
    const span = doc ? widen(doc, hit, scope, documentLanguage(state, doc)) : null;
    if (!span || span.end <= span.start) {
      skipped++;
      continue;
    }
    let list = byDoc.get(hit.documentId);
    if (!list) byDoc.set(hit.documentId, (list = []));
    list.push(span);
  }
  const passages: Passage[] = [];
  let alreadyCoded = 0;
  let merged = 0;
  const docIds = new Set<string>();
  for (const doc of [...state.documents.values()].sort(byDocumentOrder)) {
    const spans = byDoc.get(doc.id);
    if (!spans) continue;
    const coded = codeId === null ? [] : codedBy(state, doc.id, codeId, coderId);
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    // Merged groups neither overlap nor touch, so a widened hit belongs to the group it starts in.
    let i = 0;
    for (const group of mergeSpans(spans)) {
      let count = 0;
      for (; i < sorted.length && sorted[i]!.start <= group.end; i++) count++;
      if (holding(coded, group.start, group.end)) {
        alreadyCoded += count;
      } else {
        merged += count - 1;
        passages.push({ documentId: doc.id, start: group.start, end: group.end });
        docIds.add(doc.id);
      }
    }
  }
  return { hits: hits.length, passages, alreadyCoded, merged, skipped, documents: docIds.size };
}

/** What `coderId` has coded with `codeId` in one document, merged. */
function codedBy(state: State, documentId: string, codeId: string, coderId: string): Span[] {
  const spans: Span[] = [];
  for (const id of state.codingsByDocument.get(documentId) ?? []) {
    const c = state.codings.get(id);
    if (c && c.codeId === codeId && c.coderId === coderId) spans.push({ start: c.start, end: c.end });
  }
  return mergeSpans(spans);
}
