/**
 * Code frequencies: per code, its own codings, the documents they are in and the
 * characters they cover, and the same with its sub-codes rolled up. Characters are UTF-16
 * code units, as every offset in Gloss is; a character two codings of one code cover
 * counts once. Rolled up, codings add up (each coding has one code), while documents and
 * characters are unions: a document with codings of a code and of its sub-code counts
 * once, and so does a character both cover.
 */
import type { Coding } from '../model/schema';
import { CodeCoverage } from './coverage';
import { analysisScope, codeRow, codingsByDocumentIn, codingsOfCodes, subtreeIds, type AnalysisFilter, type AnalysisProgress, type AnalysisState, type CodeRow } from './scope';

export interface FrequencyRow extends CodeRow {
  codings: number;
  documents: number;
  characters: number;
  codingsWithSubcodes: number;
  documentsWithSubcodes: number;
  charactersWithSubcodes: number;
}

/** The frequency of every shown code, in tree order. */
export function codeFrequencies(state: AnalysisState, filter: AnalysisFilter = {}, report?: AnalysisProgress): FrequencyRow[] {
  const scope = analysisScope(state, filter);
  const n = scope.tree.length;
  const own = new CodeCoverage(n);
  const rolled = new CodeCoverage(n);
  const totals = { own: total(n), rolled: total(n) };
  const byDocument = codingsByDocumentIn(state, scope);
  for (let d = 0; d < byDocument.length; d++) {
    const { codings } = byDocument[d]!;
    for (const coding of codings) {
      const i = scope.index.get(coding.codeId);
      if (i === undefined) continue;
      own.add(i, coding.start, coding.end);
      for (let a = i; a >= 0; a = scope.parent[a]!) rolled.add(a, coding.start, coding.end);
    }
    addDocument(own, totals.own);
    addDocument(rolled, totals.rolled);
    report?.(d + 1, byDocument.length);
  }
  return scope.shown.map((i) => ({
    ...codeRow(state, scope, i),
    codings: totals.own.codings[i]!,
    documents: totals.own.documents[i]!,
    characters: totals.own.characters[i]!,
    codingsWithSubcodes: totals.rolled.codings[i]!,
    documentsWithSubcodes: totals.rolled.documents[i]!,
    charactersWithSubcodes: totals.rolled.characters[i]!,
  }));
}

interface Totals {
  codings: Float64Array;
  documents: Float64Array;
  characters: Float64Array;
}

const total = (n: number): Totals => ({ codings: new Float64Array(n), documents: new Float64Array(n), characters: new Float64Array(n) });

function addDocument(coverage: CodeCoverage, totals: Totals): void {
  for (const i of coverage.touched) {
    totals.codings[i]! += coverage.codings[i]!;
    totals.documents[i]!++;
    totals.characters[i]! += coverage.characters[i]!;
  }
  coverage.reset();
}

/** The codings behind a frequency row: the code's own, or with its sub-codes', in document order. */
export function frequencyCodings(state: AnalysisState, codeId: string, withSubcodes: boolean, filter: AnalysisFilter = {}): Coding[] {
  const scope = analysisScope(state, filter);
  return codingsOfCodes(state, scope, withSubcodes ? subtreeIds(scope, codeId) : scope.index.has(codeId) ? [codeId] : []);
}
