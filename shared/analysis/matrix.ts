/**
 * Code matrices: codes × documents, × cases, or × the values of a variable (one column per
 * value). Each cell holds, for the code and the column's documents: the codings, the
 * documents coded, the characters covered (a character two codings of the code cover
 * counts once per document) and those characters as a percentage of the column's text.
 *
 * A document is in every column it belongs to: each of its cases, each of its values (a
 * document's own value, else its cases' values, see scope.ts), so a column's figures are
 * what the column's documents hold, and columns can add up to more than the row's total.
 * Documents in no case are in no case column; documents without a value of the variable
 * make a "(no value)" column, last, so nothing counted goes unseen.
 */
import type { Coding, VariableValue } from '../model/schema';
import { valueText } from '../model/variable-values';
import { CodeCoverage } from './coverage';
import { analysisScope, casesByDocument, codeRow, codingsByDocumentIn, codingsOfCodes, documentValues, subtreeIds, valueKey, type AnalysisFilter, type AnalysisProgress, type AnalysisState, type CodeRow } from './scope';

/** What the columns are. */
export type MatrixColumns = { kind: 'documents' } | { kind: 'cases' } | { kind: 'variable'; variableId: string };

export interface MatrixOptions {
  columns: MatrixColumns;
  /** Count each code's sub-codes' codings in its row too. */
  withSubcodes?: boolean;
}

export interface MatrixColumn {
  /** A document's or case's id, or the value's key (see valueKey). */
  key: string;
  /** The document's or case's name, or the value as a person reads it. */
  label: string;
  /** The variable's value, for value columns (null: no value). */
  value?: VariableValue;
  /** The counted documents in the column. */
  documentIds: string[];
  /** Length of the column's texts (UTF-16 code units), the base of the percentages. */
  characters: number;
}

export interface CodeMatrix {
  rows: CodeRow[];
  columns: MatrixColumn[];
  /** [row][column]: codings. */
  codings: number[][];
  /** [row][column]: documents with at least one coding. */
  documents: number[][];
  /** [row][column]: characters covered. */
  characters: number[][];
  /** [row][column]: characters covered, per cent of the column's text (0 for an empty column). */
  percent: number[][];
}

/** Values in the order their columns go: false before true, numbers by size, texts and dates alphabetically; no value last. */
function compareValues(a: VariableValue, b: VariableValue): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  if (typeof a !== typeof b) return typeof a < typeof b ? -1 : 1;
  if (typeof a === 'string') return a.localeCompare(b as string);
  return Number(a) - Number(b);
}

/** The columns of a matrix and, per counted document, the columns it is in. */
function columnsOf(state: AnalysisState, documents: ReturnType<typeof analysisScope>['documents'], columns: MatrixColumns): { list: MatrixColumn[]; of: Map<string, number[]> } {
  const list: MatrixColumn[] = [];
  const at = new Map<string, number>();
  const join = (key: string, label: string, docId: string, value?: VariableValue) => {
    let i = at.get(key);
    if (i === undefined) {
      i = list.length;
      at.set(key, i);
      list.push({ key, label, ...(value !== undefined ? { value } : {}), documentIds: [], characters: 0 });
    }
    list[i]!.documentIds.push(docId);
    list[i]!.characters += state.documents.get(docId)!.text.length;
  };
  const cases = casesByDocument(state);
  for (const doc of documents) {
    if (columns.kind === 'documents') join(doc.id, doc.name, doc.id);
    else if (columns.kind === 'cases') for (const caseId of cases.get(doc.id) ?? []) join(caseId, state.cases.get(caseId)!.name, doc.id);
    else for (const value of documentValues(state, doc, columns.variableId, cases)) join(valueKey(value), valueText(value), doc.id, value);
  }
  const order = list.map((_, i) => i);
  if (columns.kind === 'cases') order.sort((a, b) => list[a]!.label.localeCompare(list[b]!.label) || (list[a]!.key < list[b]!.key ? -1 : 1));
  if (columns.kind === 'variable') order.sort((a, b) => compareValues(list[a]!.value ?? null, list[b]!.value ?? null));
  const sorted = order.map((i) => list[i]!);
  const of = new Map<string, number[]>();
  sorted.forEach((col, i) => {
    for (const docId of col.documentIds) {
      const inColumns = of.get(docId);
      if (inColumns) inColumns.push(i);
      else of.set(docId, [i]);
    }
  });
  return { list: sorted, of };
}

const grid = (rows: number, columns: number) => Array.from({ length: rows }, () => new Array<number>(columns).fill(0));

/** The matrix of the shown codes against the chosen columns. */
export function codeMatrix(state: AnalysisState, options: MatrixOptions, filter: AnalysisFilter = {}, report?: AnalysisProgress): CodeMatrix {
  const scope = analysisScope(state, filter);
  const { list: columns, of } = columnsOf(state, scope.documents, options.columns);
  const n = scope.tree.length;
  // Row of each tree index (-1: not shown).
  const rowOf = new Int32Array(n).fill(-1);
  scope.shown.forEach((treeIndex, row) => (rowOf[treeIndex] = row));
  const rows = scope.shown.map((i) => codeRow(state, scope, i));
  const codings = grid(rows.length, columns.length);
  const documents = grid(rows.length, columns.length);
  const characters = grid(rows.length, columns.length);
  const coverage = new CodeCoverage(n);
  const byDocument = codingsByDocumentIn(state, scope);
  for (let d = 0; d < byDocument.length; d++) {
    report?.(d, byDocument.length);
    const { doc, codings: inDoc } = byDocument[d]!;
    const inColumns = of.get(doc.id);
    if (!inColumns) continue;
    for (const coding of inDoc) {
      const i = scope.index.get(coding.codeId);
      if (i === undefined) continue;
      if (options.withSubcodes) for (let a = i; a >= 0; a = scope.parent[a]!) coverage.add(a, coding.start, coding.end);
      else coverage.add(i, coding.start, coding.end);
    }
    for (const i of coverage.touched) {
      const row = rowOf[i]!;
      if (row < 0) continue;
      for (const col of inColumns) {
        codings[row]![col]! += coverage.codings[i]!;
        documents[row]![col]!++;
        characters[row]![col]! += coverage.characters[i]!;
      }
    }
    coverage.reset();
  }
  const percent = characters.map((line) => line.map((c, col) => (columns[col]!.characters > 0 ? (100 * c) / columns[col]!.characters : 0)));
  return { rows, columns, codings, documents, characters, percent };
}

/** The codings behind one cell: the code's (with its sub-codes' when the matrix rolls them up) in the column's documents, in document order. */
export function matrixCellCodings(state: AnalysisState, codeId: string, column: Pick<MatrixColumn, 'documentIds'>, withSubcodes = false, filter: AnalysisFilter = {}): Coding[] {
  const scope = analysisScope(state, { ...filter, documentIds: filter.documentIds ? column.documentIds.filter((id) => filter.documentIds!.includes(id)) : column.documentIds });
  return codingsOfCodes(state, scope, withSubcodes ? subtreeIds(scope, codeId) : scope.index.has(codeId) ? [codeId] : []);
}
