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
 * dismissed for it) is decided per query, so one index serves every code. Terms are
 * numbered (suggest-terms.ts) and the postings are typed arrays indexed by term number;
 * each document's passages and terms are kept per document object, so building again
 * after an edit reads only the edited documents. The app builds and keeps the index in a
 * task worker (electron/service/tasks/suggest-index.ts), which answers with suggestWith
 * and recallWith from a CodeQuery the host sends; `gloss suggest` builds it in-process.
 */
import type { GlossDocument } from '../model/schema';
import type { ProjectState } from '../model/state';
import { byDocumentOrder } from './search';
import { DEFAULT_LANGUAGE, languageTag, languageVariable } from './text-language';
import { paragraphSpans, paragraphsOf, sentenceSpans, sentencesOf } from './text-units';
import { scanTerms, termName } from './suggest-terms';
import { spokenStart, turnsOf } from './speaker-turns';

export type SuggestionUnit = 'sentence' | 'paragraph';

type State = Pick<ProjectState, 'documents' | 'codes' | 'codings' | 'codingsByCode' | 'variables'>;

/** What the index reads of a document: the object (its text and structure) and its language. */
export interface IndexedDocument {
  doc: GlossDocument;
  language: string;
}

/**
 * One document's passages with their terms, worked out once per document object, unit and
 * language: after a text edit only that document is read again (see buildIndexOf).
 */
interface DocumentPart {
  language: string;
  starts: Int32Array;
  ends: Int32Array;
  /** Passage i's distinct terms (by number) are terms[offsets[i]] to terms[offsets[i + 1] - 1], how often in counts. */
  offsets: Int32Array;
  terms: Int32Array;
  counts: Int32Array;
  /** Its words that are terms. */
  lengths: Int32Array;
}

/** Every unit of the project with its terms, as postings for BM25. */
export interface SuggestionIndex {
  unit: SuggestionUnit;
  /** The documents in document order. */
  documents: IndexedDocument[];
  /** How many passages: each one's document (its place in `documents`), start and end. */
  size: number;
  passageDocument: Int32Array;
  passageStart: Int32Array;
  passageEnd: Int32Array;
  /** Postings by term number: the passages holding term t (ascending) are postingPassages[postingOffsets[t]] up to postingOffsets[t + 1], how often in postingCounts. */
  postingOffsets: Int32Array;
  postingPassages: Int32Array;
  postingCounts: Int32Array;
  /** Each passage's BM25 length term, K1 × (1 − B + B × length / average length), worked out once. */
  norms: Float64Array;
  /** What it was built from, by document id: a different object (a changed text) or language means it is out of date. */
  built: Map<string, IndexedDocument>;
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

/**
 * What a query for one code reads of the project: its codings (by anyone) and its
 * dismissed suggestions. Plain data, so it can go to a task worker with the question.
 */
export interface CodeQuery {
  codings: { documentId: string; start: number; end: number; /** Made by a person, not by an auto-code or an accepted suggestion. */ hand: boolean }[];
  dismissed: { documentId: string; start: number; end: number; quote: string }[];
}

/** How many of the excerpts' terms make up the query: the most characteristic ones. */
const QUERY_TERMS = 40;
const K1 = 1.2;
const B = 0.75;

/** The documents of `state` in document order, each with its language (the language variable looked up once). */
export function indexedDocuments(state: Pick<ProjectState, 'documents' | 'variables'>): IndexedDocument[] {
  const variable = languageVariable(state.variables.values());
  return [...state.documents.values()]
    .sort(byDocumentOrder)
    .map((doc) => ({ doc, language: (variable && languageTag(doc.attributes[variable.id])) || DEFAULT_LANGUAGE }));
}

/** Builds the index of every sentence or paragraph in the project. */
export function buildSuggestionIndex(state: State, unit: SuggestionUnit): SuggestionIndex {
  return buildIndexOf(indexedDocuments(state), unit);
}

const parts: Record<SuggestionUnit, WeakMap<GlossDocument, DocumentPart>> = { sentence: new WeakMap(), paragraph: new WeakMap() };

/**
 * Which passage last counted a term, and where in that passage's list: stamps instead of a
 * map per passage. Grown as terms are numbered.
 */
let seen = new Int32Array(1024);
let slot = new Int32Array(1024);
let stamp = 0;

function partOf(doc: GlossDocument, language: string, unit: SuggestionUnit): DocumentPart {
  const cached = parts[unit].get(doc);
  if (cached && cached.language === language) return cached;
  const turns = turnsOf(doc);
  const units = unit === 'sentence' ? sentenceSpans(sentencesOf(doc, language)) : paragraphSpans(paragraphsOf(doc));
  // A transcript's passages are the spoken words: "Officer A:" at a passage's start is left out.
  const spans = turns.length === 0 ? units : units.map((s) => ({ start: spokenStart(turns, s.start), end: s.end })).filter((s) => s.start < s.end);
  // The document's words once, then handed to the passages they fall in (spans ascend).
  const wordStarts: number[] = [];
  const wordEnds: number[] = [];
  const wordTerms: number[] = [];
  scanTerms(doc.text, language, 0, doc.text.length, (from, to, id) => {
    wordStarts.push(from);
    wordEnds.push(to);
    wordTerms.push(id);
  });
  const starts: number[] = [];
  const ends: number[] = [];
  const offsets: number[] = [0];
  const terms: number[] = [];
  const counts: number[] = [];
  const lengths: number[] = [];
  let w = 0;
  for (const span of spans) {
    while (w < wordStarts.length && wordStarts[w]! < span.start) w++;
    let end = w;
    while (end < wordStarts.length && wordEnds[end]! <= span.end) end++;
    const length = end - w;
    if (length === 0) continue;
    starts.push(span.start);
    ends.push(span.end);
    lengths.push(length);
    stamp++;
    for (let i = w; i < end; i++) {
      const term = wordTerms[i]!;
      if (term >= seen.length) {
        const size = Math.max(term + 1, seen.length * 2);
        const grownSeen = new Int32Array(size);
        grownSeen.set(seen);
        const grownSlot = new Int32Array(size);
        grownSlot.set(slot);
        [seen, slot] = [grownSeen, grownSlot];
      }
      if (seen[term] === stamp) counts[slot[term]!]!++;
      else {
        seen[term] = stamp;
        slot[term] = terms.length;
        terms.push(term);
        counts.push(1);
      }
    }
    offsets.push(terms.length);
  }
  const part: DocumentPart = {
    language,
    starts: Int32Array.from(starts),
    ends: Int32Array.from(ends),
    offsets: Int32Array.from(offsets),
    terms: Int32Array.from(terms),
    counts: Int32Array.from(counts),
    lengths: Int32Array.from(lengths),
  };
  parts[unit].set(doc, part);
  return part;
}

/**
 * Builds the index of `documents` (in the order given: document order), calling `report`
 * after each document. Each document's passages and terms are kept per document object,
 * so building again after one text changed reads only that text; the postings are then
 * put together from the parts, which is quick.
 */
export function buildIndexOf(documents: IndexedDocument[], unit: SuggestionUnit, report?: (done: number, total: number) => void): SuggestionIndex {
  const docParts = documents.map(({ doc, language }, i) => {
    const part = partOf(doc, language, unit);
    report?.(i + 1, documents.length);
    return part;
  });
  let size = 0;
  let pairs = 0;
  let totalLength = 0;
  let termCount = 0;
  for (const part of docParts) {
    size += part.starts.length;
    pairs += part.terms.length;
    for (const length of part.lengths) totalLength += length;
    for (const term of part.terms) if (term >= termCount) termCount = term + 1;
  }
  const passageDocument = new Int32Array(size);
  const passageStart = new Int32Array(size);
  const passageEnd = new Int32Array(size);
  const norms = new Float64Array(size);
  const average = size ? totalLength / size : 1;
  // Postings: count each term's passages, then place them, passage by passage (so ascending).
  const postingOffsets = new Int32Array(termCount + 1);
  for (const part of docParts) for (const term of part.terms) postingOffsets[term + 1]!++;
  for (let t = 0; t < termCount; t++) postingOffsets[t + 1]! += postingOffsets[t]!;
  const cursor = postingOffsets.slice(0, termCount);
  const postingPassages = new Int32Array(pairs);
  const postingCounts = new Int32Array(pairs);
  let p = 0;
  docParts.forEach((part, d) => {
    for (let i = 0; i < part.starts.length; i++, p++) {
      passageDocument[p] = d;
      passageStart[p] = part.starts[i]!;
      passageEnd[p] = part.ends[i]!;
      norms[p] = K1 * (1 - B + (B * part.lengths[i]!) / average);
      for (let k = part.offsets[i]!; k < part.offsets[i + 1]!; k++) {
        const at = cursor[part.terms[k]!]!++;
        postingPassages[at] = p;
        postingCounts[at] = part.counts[k]!;
      }
    }
  });
  const built = new Map(documents.map((d) => [d.doc.id, d]));
  return { unit, documents, size, passageDocument, passageStart, passageEnd, postingOffsets, postingPassages, postingCounts, norms, built };
}

/** Whether `index` was built from the documents, and in the languages, `state` holds now. */
export function indexIsCurrent(index: SuggestionIndex, state: Pick<ProjectState, 'documents' | 'variables'>): boolean {
  if (index.built.size !== state.documents.size) return false;
  const variable = languageVariable(state.variables.values());
  for (const [id, doc] of state.documents) {
    const built = index.built.get(id);
    if (built?.doc !== doc || built.language !== ((variable && languageTag(doc.attributes[variable.id])) || DEFAULT_LANGUAGE)) return false;
  }
  return true;
}

/** Whether `index` was built from exactly `documents` (in any order). */
export function indexHolds(index: SuggestionIndex, documents: readonly IndexedDocument[]): boolean {
  if (index.built.size !== documents.length) return false;
  return documents.every((d) => {
    const built = index.built.get(d.doc.id);
    return built?.doc === d.doc && built.language === d.language;
  });
}

/** The codings and dismissals of `codeId` that a query reads; null when there is no such code. */
export function codeQuery(state: State, codeId: string): CodeQuery | null {
  const code = state.codes.get(codeId);
  if (!code) return null;
  const codings: CodeQuery['codings'] = [];
  for (const id of state.codingsByCode.get(codeId) ?? []) {
    const c = state.codings.get(id);
    if (c) codings.push({ documentId: c.documentId, start: c.start, end: c.end, hand: !c.origin });
  }
  const dismissed = (code.dismissed ?? []).map(({ documentId, start, end, quote }) => ({ documentId, start, end, quote }));
  return { codings, dismissed };
}

/** How many passages hold term number `term`. */
function documentFrequency(index: SuggestionIndex, term: number): number {
  return term + 1 < index.postingOffsets.length ? index.postingOffsets[term + 1]! - index.postingOffsets[term]! : 0;
}

/** How often each term occurs in the code's excerpts, per document. */
function excerptCounts(index: SuggestionIndex, query: CodeQuery): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const coding of query.codings) {
    const indexed = index.built.get(coding.documentId);
    if (!indexed) continue;
    let counts = out.get(coding.documentId);
    if (!counts) out.set(coding.documentId, (counts = new Map()));
    const text = indexed.doc.text;
    scanTerms(text, indexed.language, coding.start, Math.min(coding.end, text.length), (_from, _to, term) => counts.set(term, (counts.get(term) ?? 0) + 1));
  }
  return out;
}

/** The counts of every document's excerpts together, but for `leaveOut`'s. */
function excerptTotals(perDocument: Map<string, Map<number, number>>, leaveOut?: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const [documentId, terms] of perDocument) {
    if (documentId === leaveOut) continue;
    for (const [term, count] of terms) counts.set(term, (counts.get(term) ?? 0) + count);
  }
  return counts;
}

/** The excerpts' terms as weighted query terms (by number, most characteristic first): frequency in the excerpts times rarity in the project. */
function queryTerms(index: SuggestionIndex, counts: Map<number, number>): Map<number, number> {
  const n = index.size;
  // The most characteristic terms: frequent in the excerpts, rare in the project.
  const chosen = [...counts]
    .filter(([term]) => documentFrequency(index, term) > 0)
    .map(([term, tf]) => [term, tf, (1 + Math.log(tf)) * Math.log(1 + n / (1 + documentFrequency(index, term)))] as const)
    .sort((a, b) => b[2] - a[2] || (termName(a[0]) < termName(b[0]) ? -1 : 1))
    .slice(0, QUERY_TERMS);
  // BM25 brings rarity in itself; the query weighs each term by its frequency in the excerpts.
  const top = Math.max(1, ...chosen.map(([, tf]) => 1 + Math.log(tf)));
  return new Map(chosen.map(([term, tf]) => [term, (1 + Math.log(tf)) / top]));
}

/** Spans coded with the code (any coder) per document. */
function codedSpans(query: CodeQuery): Map<string, { start: number; end: number }[]> {
  const out = new Map<string, { start: number; end: number }[]>();
  for (const c of query.codings) {
    let spans = out.get(c.documentId);
    if (!spans) out.set(c.documentId, (spans = []));
    spans.push({ start: c.start, end: c.end });
  }
  return out;
}

/** Whether passage `p` was dismissed for the code: the same place, or the same words in the same document. */
function dismissedTest(index: SuggestionIndex, query: CodeQuery): (p: number) => boolean {
  if (query.dismissed.length === 0) return () => false;
  const places = new Set(query.dismissed.map((d) => `${d.documentId}:${d.start}:${d.end}`));
  const quotes = new Set(query.dismissed.map((d) => `${d.documentId}\u0000${d.quote}`));
  return (p) => {
    const doc = index.documents[index.passageDocument[p]!]!.doc;
    const [start, end] = [index.passageStart[p]!, index.passageEnd[p]!];
    return places.has(`${doc.id}:${start}:${end}`) || quotes.has(`${doc.id}\u0000${doc.text.slice(start, end)}`);
  };
}

/**
 * BM25 scores of the passages `from` to `to` (every passage by default) for the weighted
 * terms, 0 where no term occurs. Terms are added in the weights' order, so a passage's
 * score is the same number whichever range it is scored in.
 */
function score(index: SuggestionIndex, weights: Map<number, number>, from = 0, to = index.size): Float64Array {
  const n = index.size;
  const scores = new Float64Array(n);
  const { norms, postingOffsets, postingPassages, postingCounts } = index;
  for (const [term, weight] of weights) {
    let first = postingOffsets[term]!;
    let last = postingOffsets[term + 1]!;
    const df = last - first;
    const factor = weight * Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (K1 + 1);
    if (from > 0 || to < n) {
      // Postings ascend by passage: the range's start found by halving.
      let lo = first;
      let hi = last;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (postingPassages[mid]! < from) lo = mid + 1;
        else hi = mid;
      }
      first = lo;
    }
    for (let i = first; i < last; i++) {
      const p = postingPassages[i]!;
      if (p >= to) break;
      const tf = postingCounts[i]!;
      scores[p]! += (factor * tf) / (tf + norms[p]!);
    }
  }
  return scores;
}

/**
 * The passages most like those coded with `codeId`, best first (equal scores in document
 * order): never one overlapping a coding of that code (by anyone), never one dismissed for
 * it. Empty when the code has no excerpts with words the project's passages share.
 */
export function suggestFor(state: State, index: SuggestionIndex, codeId: string, limit = 20): Suggestion[] {
  const query = codeQuery(state, codeId);
  return query ? suggestWith(index, query, limit) : [];
}

/** suggestFor on what a query reads, for a task worker that holds the index but not the project. */
export function suggestWith(index: SuggestionIndex, query: CodeQuery, limit = 20): Suggestion[] {
  const weights = queryTerms(index, excerptTotals(excerptCounts(index, query)));
  if (weights.size === 0) return [];
  const coded = codedSpans(query);
  const isDismissed = dismissedTest(index, query);
  const scores = score(index, weights);
  const { passageDocument, passageStart, passageEnd } = index;
  // Better first: a higher score, or an equal score earlier in document order.
  const better = (x: number, y: number) => scores[x]! > scores[y]! || (scores[x] === scores[y] && x < y);
  // The best `limit` passages, kept in a heap whose root is the worst of them: no sort of
  // every passage touched. Passages come in document order, so one scoring no more than
  // the root cannot displace it.
  const heap: number[] = [];
  let floor = 0;
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!]);
  for (let id = 0; id < index.size; id++) {
    const value = scores[id]!;
    if (value <= floor) continue;
    const spans = coded.get(index.documents[passageDocument[id]!]!.doc.id);
    const [start, end] = [passageStart[id]!, passageEnd[id]!];
    if (spans && spans.some((s) => s.start < end && start < s.end)) continue;
    if (isDismissed(id)) continue;
    if (heap.length < limit) {
      heap.push(id);
      for (let i = heap.length - 1; i > 0 && better(heap[(i - 1) >> 1]!, heap[i]!); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    } else {
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
    if (heap.length === limit) floor = scores[heap[0]!]!;
  }
  const out: Suggestion[] = [];
  for (const id of heap.sort((x, y) => (better(x, y) ? -1 : 1))) {
    const { doc, language } = index.documents[passageDocument[id]!]!;
    const marks: { start: number; end: number }[] = [];
    scanTerms(doc.text, language, passageStart[id]!, passageEnd[id]!, (from, to, term) => weights.has(term) && marks.push({ start: from, end: to }));
    const words = [...new Set(marks.map((m) => doc.text.slice(m.start, m.end).toLowerCase()))];
    out.push({ documentId: doc.id, start: passageStart[id]!, end: passageEnd[id]!, score: scores[id]!, terms: words, marks });
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
  const query = codeQuery(state, codeId);
  return recallWith(index, query ?? { codings: [], dismissed: [] }, topN);
}

/** suggestionRecall on what a query reads (see suggestWith). */
export function recallWith(index: SuggestionIndex, query: CodeQuery, topN = 20): SuggestionRecall {
  const hand = new Map<string, { start: number; end: number }[]>();
  for (const c of query.codings) {
    if (!c.hand) continue;
    let spans = hand.get(c.documentId);
    if (!spans) hand.set(c.documentId, (spans = []));
    spans.push({ start: c.start, end: c.end });
  }
  const counts = excerptCounts(index, query);
  // Each document's passages are one run in document order: where each run starts.
  const runs = new Map<string, { from: number; to: number }>();
  for (let p = 0; p < index.size; p++) {
    const id = index.documents[index.passageDocument[p]!]!.doc.id;
    const run = runs.get(id);
    if (run) run.to = p + 1;
    else runs.set(id, { from: p, to: p + 1 });
  }
  let handCoded = 0;
  let found = 0;
  for (const [documentId, codings] of hand) {
    handCoded += codings.length;
    const weights = queryTerms(index, excerptTotals(counts, documentId));
    const run = runs.get(documentId);
    if (weights.size === 0 || !run) continue;
    // Only this document's passages are ranked, so only they are scored.
    const scores = score(index, weights, run.from, run.to);
    const mine: number[] = [];
    for (let id = run.from; id < run.to; id++) if (scores[id]! > 0) mine.push(id);
    const top = mine
      .sort((a, b) => scores[b]! - scores[a]! || a - b)
      .slice(0, topN)
      .map((id) => ({ start: index.passageStart[id]!, end: index.passageEnd[id]! }));
    found += codings.filter((c) => top.some((p) => p.start < c.end && c.start < p.end)).length;
  }
  return { documents: hand.size, handCoded, found, recall: handCoded === 0 ? null : found / handCoded, topN };
}
