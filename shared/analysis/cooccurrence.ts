/**
 * Code co-occurrence (codes × codes): two codings co-occur when they are in the same
 * document and share at least one character, or, with `within: 'paragraph'`, touch a
 * common paragraph (shared/text/paragraphs.ts). A cell counts co-occurring pairs of
 * codings, each pair once, of two different codes; codes' own codings, never rolled up, so
 * a parent and its sub-code are two codes like any others.
 *
 * ATLAS.ti's c-coefficient n12 / (n1 + n2 − n12) (n1, n2: codings of each code counted)
 * goes with each pair. It reads as an overlap ratio between 0 and 1 only while each coding
 * meets at most one of the other code's: a long coding overlapping many short ones pushes
 * n12 past the smaller of n1 and n2 and the ratio past 1, and where n12 reaches n1 + n2 the
 * formula has no value at all; it is then null, and the count still stands.
 */
import type { Coding, GlossDocument } from '../model/schema';
import { paragraphStarts, paragraphsOf } from '../text/paragraphs';
import { analysisScope, codeRow, codingsByDocumentIn, type AnalysisFilter, type AnalysisProgress, type AnalysisState, type CodeRow, type Scope } from './scope';

/** What "together" means: sharing a character, or touching a common paragraph. */
export type Proximity = 'overlap' | 'paragraph';

export interface CooccurrenceOptions {
  within?: Proximity;
}

export interface CooccurrenceCode extends CodeRow {
  /** Codings of this code counted (n1, n2 of the c-coefficient). */
  codings: number;
}

export interface CooccurrencePair {
  codeA: CooccurrenceCode;
  codeB: CooccurrenceCode;
  /** Co-occurring pairs of codings (n12). */
  count: number;
  /** n12 / (n1 + n2 − n12); null where that is not positive. */
  cCoefficient: number | null;
}

export interface Cooccurrence {
  /** The codes shown, in tree order. */
  codes: CooccurrenceCode[];
  /** Every pair of shown codes that co-occur at least once, codeA before codeB in tree order; pairs in tree order of codeA, then codeB. */
  pairs: CooccurrencePair[];
}

/** ATLAS.ti's c-coefficient of n12 co-occurrences between codes of n1 and n2 codings; null where it has no value. */
export function cCoefficient(n12: number, n1: number, n2: number): number | null {
  const denominator = n1 + n2 - n12;
  return denominator > 0 ? n12 / denominator : null;
}

/** A coding as the sweep sees it: where it lies (characters, or paragraph indexes) and its code's place among those shown. */
interface Placed {
  start: number;
  end: number;
  code: number;
  coding: Coding;
}

/** The counted codings of shown codes in `doc`, placed as `within` asks, sorted by start then end. */
function placed(doc: GlossDocument, codings: readonly Coding[], shownIndex: ReadonlyMap<string, number>, within: Proximity): Placed[] {
  const starts = within === 'paragraph' ? paragraphStarts(doc.text, doc.structure) : null;
  const out: Placed[] = [];
  for (const coding of codings) {
    const code = shownIndex.get(coding.codeId);
    if (code === undefined) continue;
    if (starts) {
      const p = paragraphsOf(starts, coding.start, coding.end);
      out.push({ start: p.first, end: p.end, code, coding });
    } else out.push({ start: coding.start, end: coding.end, code, coding });
  }
  // Codings arrive sorted by character; paragraphs keep that order, so no second sort is needed.
  return out;
}

/**
 * Calls `meet` once for every pair of placed codings of different codes that share a place.
 * A sweep in order of start keeps the codings not yet ended; work grows with the pairs met,
 * not with the length of the text.
 */
function sweepPairs(items: readonly Placed[], meet: (earlier: Placed, later: Placed) => void): void {
  const active: Placed[] = [];
  for (const item of items) {
    let kept = 0;
    for (const other of active) {
      if (other.end <= item.start) continue;
      active[kept++] = other;
      if (other.code !== item.code) meet(other, item);
    }
    active.length = kept;
    active.push(item);
  }
}

/** Largest number of codes whose pairs are counted in a dense table (8 MB of counts at most); beyond it, a map of the pairs that occur. */
const DENSE_CODES = 1024;

/** Counts per pair key (a * m + b) for `m` codes; entries come out in order of key. */
export function pairCounter(m: number, dense = m <= DENSE_CODES): { add(key: number): void; entries(): [number, number][] } {
  if (dense) {
    const table = new Float64Array(m * m);
    return {
      add: (key) => void table[key]!++,
      entries: () => {
        const out: [number, number][] = [];
        for (let key = 0; key < table.length; key++) if (table[key]! > 0) out.push([key, table[key]!]);
        return out;
      },
    };
  }
  const map = new Map<number, number>();
  return {
    add: (key) => void map.set(key, (map.get(key) ?? 0) + 1),
    entries: () => [...map.entries()].sort((x, y) => x[0] - y[0]),
  };
}

function shownIndexOf(scope: Scope): Map<string, number> {
  return new Map(scope.shown.map((treeIndex, i) => [scope.tree[treeIndex]!.id, i]));
}

/** The co-occurrence of every pair of shown codes. */
export function cooccurrence(state: AnalysisState, options: CooccurrenceOptions = {}, filter: AnalysisFilter = {}, report?: AnalysisProgress): Cooccurrence {
  const scope = analysisScope(state, filter);
  const within = options.within ?? 'overlap';
  const shownIndex = shownIndexOf(scope);
  const m = scope.shown.length;
  const codings = new Float64Array(m);
  const counts = pairCounter(m);
  const byDocument = codingsByDocumentIn(state, scope);
  byDocument.forEach(({ doc, codings: inDoc }, d) => {
    const items = placed(doc, inDoc, shownIndex, within);
    for (const item of items) codings[item.code]!++;
    sweepPairs(items, (x, y) => counts.add(x.code < y.code ? x.code * m + y.code : y.code * m + x.code));
    report?.(d + 1, byDocument.length);
  });
  const codes = scope.shown.map((treeIndex, i) => ({ ...codeRow(state, scope, treeIndex), codings: codings[i]! }));
  const pairs = counts
    .entries()
    .map(([key, count]) => {
      const codeA = codes[Math.floor(key / m)]!;
      const codeB = codes[key % m]!;
      return { codeA, codeB, count, cCoefficient: cCoefficient(count, codeA.codings, codeB.codings) };
    });
  return { codes, pairs };
}

/** Co-occurrence as a square table over the shown codes (symmetric, zero on the diagonal), for a heat map. */
export function cooccurrenceTable(result: Cooccurrence): number[][] {
  const at = new Map(result.codes.map((c, i) => [c.codeId, i]));
  const table = result.codes.map(() => new Array<number>(result.codes.length).fill(0));
  for (const pair of result.pairs) {
    const a = at.get(pair.codeA.codeId)!;
    const b = at.get(pair.codeB.codeId)!;
    table[a]![b] = table[b]![a] = pair.count;
  }
  return table;
}

/** Two codings that co-occur, in one document. */
export interface CooccurringPassages {
  document: GlossDocument;
  /** The coding of the first code asked for. */
  a: Coding;
  /** The coding of the second. */
  b: Coding;
}

/** The pairs of codings behind one cell, in document order then by where they start: what opens side by side. */
export function cooccurringPassages(state: AnalysisState, codeA: string, codeB: string, options: CooccurrenceOptions = {}, filter: AnalysisFilter = {}, report?: AnalysisProgress): CooccurringPassages[] {
  if (codeA === codeB) return [];
  const scope = analysisScope(state, filter);
  const within = options.within ?? 'overlap';
  const index = new Map([[codeA, 0], [codeB, 1]]);
  const out: CooccurringPassages[] = [];
  const byDocument = codingsByDocumentIn(state, scope);
  for (let d = 0; d < byDocument.length; d++) {
    report?.(d, byDocument.length);
    const { doc, codings } = byDocument[d]!;
    if (!codings.some((c) => c.codeId === codeA) || !codings.some((c) => c.codeId === codeB)) continue;
    const found: CooccurringPassages[] = [];
    sweepPairs(placed(doc, codings, index, within), (x, y) => {
      const [a, b] = x.code === 0 ? [x.coding, y.coding] : [y.coding, x.coding];
      found.push({ document: doc, a, b });
    });
    found.sort((p, q) => Math.min(p.a.start, p.b.start) - Math.min(q.a.start, q.b.start) || p.a.start - q.a.start || p.b.start - q.b.start);
    out.push(...found);
  }
  return out;
}
