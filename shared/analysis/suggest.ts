/**
 * "More like this", offline: rank the project's sentences (or paragraphs) by how much they
 * resemble the passages coded with a code. A lexical model only: Okapi BM25 (k1 = 1.2,
 * b = 0.75) over each passage's terms (suggest-terms.ts: stop words removed with the
 * stopword package's lists, English stemmed with the stemmer package), queried with the
 * terms that characterise the code's excerpts. No model download, no network; nothing is
 * coded here: a person accepts or dismisses each suggestion.
 *
 * Scoring is a loop over typed-array postings rather than MiniSearch's search: MiniSearch
 * assembles match details for every passage any query term touches, which took about a
 * second per query on the benchmark's 117,000 sentences (issue 11's target is 50 ms); the
 * postings loop does the same arithmetic without the objects.
 *
 * The index covers every unit of every document and is built once for a state of the
 * documents; what is excluded for a code (passages already coded with it, suggestions
 * dismissed for it) is decided per query, so one index serves every code.
 */
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
  documentId: string;
  start: number;
  end: number;
}

/** Every unit of the project with its terms, as postings for BM25. */
export interface SuggestionIndex {
  unit: SuggestionUnit;
  passages: Passage[];
  /** Term → its postings: the passages holding it (ascending) and how often. */
  postings: Map<string, { passages: Int32Array; counts: Int32Array }>;
  /** Each passage's BM25 length term, K1 × (1 − B + B × length / average length), worked out once. */
  norms: Float64Array;
  /** The document objects it was built from: a different object means a changed text. */
  built: Map<string, GlossDocument>;
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
const K1 = 1.2;
const B = 0.75;

/** Builds the index of every sentence or paragraph in the project. */
export function buildSuggestionIndex(state: State, unit: SuggestionUnit): SuggestionIndex {
  const passages: Passage[] = [];
  const lengths: number[] = [];
  const lists = new Map<string, { passages: number[]; counts: number[] }>();
  const built = new Map<string, GlossDocument>();
  let totalLength = 0;
  for (const doc of [...state.documents.values()].sort(byDocumentOrder)) {
    built.set(doc.id, doc);
    const language = documentLanguage(state, doc);
    const turns = turnsOf(doc);
    const units = unit === 'sentence' ? sentenceSpans(sentencesOf(doc, language)) : paragraphSpans(paragraphsOf(doc));
    // A transcript's passages are the spoken words: "Officer A:" at a passage's start is left out.
    const spans = turns.length === 0 ? units : units.map((s) => ({ start: spokenStart(turns, s.start), end: s.end })).filter((s) => s.start < s.end);
    // The document's words once, then handed to the passages they fall in (spans ascend).
    const words = termsIn(doc.text, language);
    let w = 0;
    for (const span of spans) {
      while (w < words.length && words[w]!.start < span.start) w++;
      let end = w;
      while (end < words.length && words[end]!.end <= span.end) end++;
      const length = end - w;
      if (length === 0) continue;
      const id = passages.length;
      passages.push({ documentId: doc.id, start: span.start, end: span.end });
      lengths.push(length);
      totalLength += length;
      // A term's list ends with this passage once it has been seen in it: count on, no map per passage.
      for (let i = w; i < end; i++) {
        const term = words[i]!.term;
        let list = lists.get(term);
        if (!list) lists.set(term, (list = { passages: [], counts: [] }));
        const last = list.passages.length - 1;
        if (last >= 0 && list.passages[last] === id) list.counts[last]!++;
        else {
          list.passages.push(id);
          list.counts.push(1);
        }
      }
    }
  }
  const postings = new Map<string, { passages: Int32Array; counts: Int32Array }>();
  for (const [term, list] of lists) postings.set(term, { passages: Int32Array.from(list.passages), counts: Int32Array.from(list.counts) });
  const average = passages.length ? totalLength / passages.length : 1;
  const norms = Float64Array.from(lengths, (length) => K1 * (1 - B + (B * length) / average));
  return { unit, passages, postings, norms, built };
}

/** Whether `index` was built from the documents `state` holds now. */
export function indexIsCurrent(index: SuggestionIndex, state: Pick<ProjectState, 'documents'>): boolean {
  if (index.built.size !== state.documents.size) return false;
  for (const [id, doc] of state.documents) if (index.built.get(id) !== doc) return false;
  return true;
}

/** The code's excerpts as weighted query terms: frequency in the excerpts times rarity in the project. */
function queryTerms(state: State, index: SuggestionIndex, codeId: string, leaveOut?: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of state.codingsByCode.get(codeId) ?? []) {
    const coding = state.codings.get(id);
    const doc = coding && state.documents.get(coding.documentId);
    if (!coding || !doc || doc.id === leaveOut) continue;
    for (const t of termsIn(doc.text, documentLanguage(state, doc), coding.start, Math.min(coding.end, doc.text.length))) {
      counts.set(t.term, (counts.get(t.term) ?? 0) + 1);
    }
  }
  const n = index.passages.length;
  const df = (term: string) => index.postings.get(term)?.passages.length ?? 0;
  // The most characteristic terms: frequent in the excerpts, rare in the project.
  const chosen = [...counts]
    .filter(([term]) => df(term) > 0)
    .map(([term, tf]) => [term, tf, (1 + Math.log(tf)) * Math.log(1 + n / (1 + df(term)))] as const)
    .sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : 1))
    .slice(0, QUERY_TERMS);
  // BM25 brings rarity in itself; the query weighs each term by its frequency in the excerpts.
  const top = Math.max(1, ...chosen.map(([, tf]) => 1 + Math.log(tf)));
  return new Map(chosen.map(([term, tf]) => [term, (1 + Math.log(tf)) / top]));
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

/** BM25 scores of every passage for the weighted terms (0 where no term occurs), and the passages touched. */
function score(index: SuggestionIndex, weights: Map<string, number>): { scores: Float64Array; touched: Int32Array } {
  const n = index.passages.length;
  const scores = new Float64Array(n);
  const norms = index.norms;
  for (const [term, weight] of weights) {
    const list = index.postings.get(term);
    if (!list) continue;
    const df = list.passages.length;
    const factor = weight * Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (K1 + 1);
    const passages = list.passages;
    const counts = list.counts;
    for (let i = 0; i < df; i++) {
      const p = passages[i]!;
      const tf = counts[i]!;
      scores[p]! += (factor * tf) / (tf + norms[p]!);
    }
  }
  let count = 0;
  for (let p = 0; p < n; p++) if (scores[p]! > 0) count++;
  const touched = new Int32Array(count);
  for (let p = 0, k = 0; p < n; p++) if (scores[p]! > 0) touched[k++] = p;
  return { scores, touched };
}

/**
 * The passages most like those coded with `codeId`, best first (equal scores in document
 * order): never one overlapping a coding of that code (by anyone), never one dismissed for
 * it. Empty when the code has no excerpts with words the project's passages share.
 */
export function suggestFor(state: State, index: SuggestionIndex, codeId: string, limit = 20): Suggestion[] {
  const code = state.codes.get(codeId);
  if (!code) return [];
  const weights = queryTerms(state, index, codeId);
  if (weights.size === 0) return [];
  const coded = codedSpans(state, codeId);
  const isDismissed = dismissedTest(state, code);
  const { scores, touched } = score(index, weights);
  // Better first: a higher score, or an equal score earlier in document order.
  const better = (x: number, y: number) => scores[x]! > scores[y]! || (scores[x] === scores[y] && x < y);
  // The best `limit` passages, kept in a heap whose root is the worst of them: no sort of every passage touched.
  const heap: number[] = [];
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!]);
  for (const id of touched) {
    if (heap.length === limit && !better(id, heap[0]!)) continue;
    const p = index.passages[id]!;
    const spans = coded.get(p.documentId);
    if (spans && spans.some((s) => s.start < p.end && p.start < s.end)) continue;
    if (isDismissed(p)) continue;
    if (heap.length < limit) {
      heap.push(id);
      for (let i = heap.length - 1; i > 0 && better(heap[(i - 1) >> 1]!, heap[i]!); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
      continue;
    }
    heap[0] = id;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      let worst = i;
      if (l < heap.length && better(heap[worst]!, heap[l]!)) worst = l;
      if (l + 1 < heap.length && better(heap[worst]!, heap[l + 1]!)) worst = l + 1;
      if (worst === i) break;
      swap(i, worst);
      i = worst;
    }
  }
  const out: Suggestion[] = [];
  for (const id of heap.sort((x, y) => (better(x, y) ? -1 : 1))) {
    const p = index.passages[id]!;
    const doc = state.documents.get(p.documentId)!;
    const marks = termsIn(doc.text, documentLanguage(state, doc), p.start, p.end).filter((t) => weights.has(t.term));
    const words = [...new Set(marks.map((m) => doc.text.slice(m.start, m.end).toLowerCase()))];
    out.push({ documentId: p.documentId, start: p.start, end: p.end, score: scores[id]!, terms: words, marks: marks.map(({ start, end }) => ({ start, end })) });
  }
  return out;
}

/** How well suggestions would have found what people coded by hand (see suggestionRecall). */
export interface SuggestionRecall {
  /** Documents with hand-made codings of the code, each judged with the code's excerpts from the other documents. */
  documents: number;
  /** Hand-made codings of the code in them. */
  handCoded: number;
  /** Of those, how many a top-N suggestion overlaps. */
  found: number;
  /** found / handCoded; null when nothing was coded by hand. */
  recall: number | null;
  topN: number;
}

/**
 * Quality shown, not claimed: for each document a person coded with `codeId` by hand (codings
 * without an auto-code or suggestion origin), the code's excerpts in the OTHER documents
 * rank that document's passages, and a hand-made coding counts as found when one of the
 * document's top `topN` passages overlaps it. So a document's own codings never help find
 * themselves.
 */
export function suggestionRecall(state: State, index: SuggestionIndex, codeId: string, topN = 20): SuggestionRecall {
  const hand = new Map<string, { start: number; end: number }[]>();
  for (const id of state.codingsByCode.get(codeId) ?? []) {
    const c = state.codings.get(id);
    if (!c || c.origin) continue;
    hand.set(c.documentId, [...(hand.get(c.documentId) ?? []), { start: c.start, end: c.end }]);
  }
  let handCoded = 0;
  let found = 0;
  for (const [documentId, codings] of hand) {
    handCoded += codings.length;
    const weights = queryTerms(state, index, codeId, documentId);
    if (weights.size === 0) continue;
    const { scores, touched } = score(index, weights);
    const top = Array.from(touched)
      .filter((id) => index.passages[id]!.documentId === documentId)
      .sort((a, b) => scores[b]! - scores[a]! || a - b)
      .slice(0, topN)
      .map((id) => index.passages[id]!);
    found += codings.filter((c) => top.some((p) => p.start < c.end && c.start < p.end)).length;
  }
  return { documents: hand.size, handCoded, found, recall: handCoded === 0 ? null : found / handCoded, topN };
}
