/**
 * "More like this", offline: rank the project's sentences (or paragraphs) by how much they
 * resemble the passages coded with a code. A lexical model only: BM25 (MiniSearch) over
 * each passage's terms (suggest-terms.ts), queried with the terms that characterise the
 * code's excerpts. No model download, no network; nothing is coded here: a person accepts
 * or dismisses each suggestion.
 *
 * The index covers every unit of every document and is built once for a state of the
 * documents; what is excluded for a code (passages already coded with it, suggestions
 * dismissed for it) is decided per query, so one index serves every code.
 */
import MiniSearch from 'minisearch';
import type { Code, GlossDocument } from '../model/schema';
import type { ProjectState } from '../model/state';
import { byDocumentOrder } from './search';
import { documentLanguage } from './text-language';
import { paragraphSpans, paragraphsOf, sentenceSpans, sentencesOf } from './text-units';
import { termsIn } from './suggest-terms';
import { spokenStart, turnsOf } from './speaker-turns';

export type SuggestionUnit = 'sentence' | 'paragraph';

type State = Pick<ProjectState, 'documents' | 'codes' | 'codings' | 'codingsByCode' | 'variables'>;

interface Passage {
  id: number;
  documentId: string;
  start: number;
  end: number;
  /** The passage's terms, space-separated: what MiniSearch indexes (terms hold no spaces). */
  terms: string;
}

/** Every unit of the project, indexed for BM25, with each term's document frequency. */
export interface SuggestionIndex {
  unit: SuggestionUnit;
  passages: Passage[];
  search: MiniSearch<Passage>;
  /** The document objects it was built from: a different object means a changed text. */
  built: Map<string, GlossDocument>;
  /** Passages holding each term. */
  documentFrequency: Map<string, number>;
}

export interface Suggestion {
  documentId: string;
  start: number;
  end: number;
  score: number;
  /** The passage's words that it shares with the code's excerpts, in the order they appear, once each. */
  terms: string[];
  /** Where those words stand in the document, for highlighting. */
  marks: { start: number; end: number }[];
}

/** How many of the excerpts' terms make up the query: the most characteristic ones. */
const QUERY_TERMS = 40;

/** Builds the index of every sentence or paragraph in the project. */
export function buildSuggestionIndex(state: State, unit: SuggestionUnit): SuggestionIndex {
  const passages: Passage[] = [];
  const documentFrequency = new Map<string, number>();
  const built = new Map<string, GlossDocument>();
  for (const doc of [...state.documents.values()].sort(byDocumentOrder)) {
    built.set(doc.id, doc);
    const language = documentLanguage(state, doc);
    const turns = turnsOf(doc);
    const units = unit === 'sentence' ? sentenceSpans(sentencesOf(doc, language)) : paragraphSpans(paragraphsOf(doc));
    // A transcript's passages are the spoken words: "Officer A:" at a passage's start is left out.
    const spans = turns.length === 0 ? units : units.map((s) => ({ start: spokenStart(turns, s.start), end: s.end })).filter((s) => s.start < s.end);
    for (const span of spans) {
      const terms = termsIn(doc.text, language, span.start, span.end).map((t) => t.term);
      if (terms.length === 0) continue;
      for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
      passages.push({ id: passages.length, documentId: doc.id, start: span.start, end: span.end, terms: terms.join(' ') });
    }
  }
  const search = new MiniSearch<Passage>({
    fields: ['terms'],
    storeFields: [],
    tokenize: (text) => (text === '' ? [] : text.split(' ')),
    processTerm: (term) => term,
  });
  search.addAll(passages);
  return { unit, passages, search, built, documentFrequency };
}

/** Whether `index` was built from the documents `state` holds now. */
export function indexIsCurrent(index: SuggestionIndex, state: Pick<ProjectState, 'documents'>): boolean {
  if (index.built.size !== state.documents.size) return false;
  for (const [id, doc] of state.documents) if (index.built.get(id) !== doc) return false;
  return true;
}

/** The code's excerpts as weighted query terms: frequency in the excerpts times rarity in the project. */
function queryTerms(state: State, index: SuggestionIndex, codeId: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of state.codingsByCode.get(codeId) ?? []) {
    const coding = state.codings.get(id);
    const doc = coding && state.documents.get(coding.documentId);
    if (!coding || !doc) continue;
    for (const t of termsIn(doc.text, documentLanguage(state, doc), coding.start, Math.min(coding.end, doc.text.length))) {
      counts.set(t.term, (counts.get(t.term) ?? 0) + 1);
    }
  }
  const n = index.passages.length;
  const weighted = [...counts]
    .map(([term, tf]) => [term, (1 + Math.log(tf)) * Math.log(1 + n / (1 + (index.documentFrequency.get(term) ?? 0)))] as const)
    .filter(([term]) => index.documentFrequency.has(term))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, QUERY_TERMS);
  const top = weighted[0]?.[1] ?? 1;
  return new Map(weighted.map(([term, w]) => [term, w / top]));
}

/** Spans coded with `codeId` (any coder) per document. */
function codedSpans(state: State, codeId: string): Map<string, { start: number; end: number }[]> {
  const out = new Map<string, { start: number; end: number }[]>();
  for (const id of state.codingsByCode.get(codeId) ?? []) {
    const c = state.codings.get(id);
    if (!c) continue;
    out.set(c.documentId, [...(out.get(c.documentId) ?? []), { start: c.start, end: c.end }]);
  }
  return out;
}

/** Whether a passage was dismissed for `code`: the same place, or the same words in the same document. */
function dismissedTest(state: State, code: Code): (p: Passage) => boolean {
  const dismissed = code.dismissed ?? [];
  if (dismissed.length === 0) return () => false;
  const places = new Set(dismissed.map((d) => `${d.documentId}:${d.start}:${d.end}`));
  const quotes = new Set(dismissed.map((d) => `${d.documentId}\u0000${d.quote}`));
  return (p) => places.has(`${p.documentId}:${p.start}:${p.end}`) || quotes.has(`${p.documentId}\u0000${state.documents.get(p.documentId)!.text.slice(p.start, p.end)}`);
}

/**
 * The passages most like those coded with `codeId`, best first: never one overlapping a
 * coding of that code (by anyone), never one dismissed for it. Empty when the code has no
 * excerpts with words the project's passages share.
 */
export function suggestFor(state: State, index: SuggestionIndex, codeId: string, limit = 20): Suggestion[] {
  const code = state.codes.get(codeId);
  if (!code) return [];
  const weights = queryTerms(state, index, codeId);
  if (weights.size === 0) return [];
  const coded = codedSpans(state, codeId);
  const isDismissed = dismissedTest(state, code);
  const results = index.search.search([...weights.keys()].join(' '), {
    combineWith: 'OR',
    boostTerm: (term) => weights.get(term) ?? 1,
    filter: (r) => {
      const p = index.passages[r.id as number]!;
      const spans = coded.get(p.documentId);
      if (spans && spans.some((s) => s.start < p.end && p.start < s.end)) return false;
      return !isDismissed(p);
    },
  });
  return results.slice(0, limit).map((r) => {
    const p = index.passages[r.id as number]!;
    const doc = state.documents.get(p.documentId)!;
    const shared = new Set(r.terms);
    const marks = termsIn(doc.text, documentLanguage(state, doc), p.start, p.end).filter((t) => shared.has(t.term));
    const words = [...new Set(marks.map((m) => doc.text.slice(m.start, m.end).toLocaleLowerCase()))];
    return { documentId: p.documentId, start: p.start, end: p.end, score: r.score, terms: words, marks: marks.map(({ start, end }) => ({ start, end })) };
  });
}
