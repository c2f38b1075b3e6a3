/**
 * Each analysis view as a plain table (a header and rows of texts and numbers): what the
 * CSV and XLSX exports write, the same figures the view shows, nothing rounded away.
 */
import type { FrequencyRow } from '../../../shared/analysis/frequencies';
import type { Cooccurrence } from '../../../shared/analysis/cooccurrence';
import { cooccurrenceTable } from '../../../shared/analysis/cooccurrence';
import type { CodeMatrix } from '../../../shared/analysis/matrix';
import type { FrameworkMatrix } from '../../../shared/analysis/framework';
import type { Summary } from '../../../shared/model/schema';

/** The tables each view exports, by name (one CSV button each). */
export const FREQUENCIES_NAMES = ['Frequencies'];
export const COOCCURRENCE_NAMES = ['Co-occurrence', 'Co-occurring pairs'];
export const MATRIX_NAMES = ['Matrix'];
export const FRAMEWORK_NAMES = ['Framework'];

export interface ExportTable {
  /** The sheet's name and the file name's ending ("Frequencies"). */
  name: string;
  header: string[];
  rows: (string | number)[][];
}

/** What a matrix cell counts. */
export type MatrixMeasure = 'codings' | 'documents' | 'characters' | 'percent';

export const MEASURE_LABELS: Record<MatrixMeasure, string> = {
  codings: 'Codings',
  documents: 'Documents coded',
  characters: 'Characters',
  percent: '% of column text',
};

export const FREQUENCY_COLUMNS = [
  { key: 'codings', label: 'Codings' },
  { key: 'documents', label: 'Documents' },
  { key: 'characters', label: 'Characters' },
  { key: 'codingsWithSubcodes', label: 'Codings with sub-codes' },
  { key: 'documentsWithSubcodes', label: 'Documents with sub-codes' },
  { key: 'charactersWithSubcodes', label: 'Characters with sub-codes' },
] as const satisfies readonly { key: keyof FrequencyRow; label: string }[];

export type FrequencyKey = (typeof FREQUENCY_COLUMNS)[number]['key'];

/** The frequencies table, rows in the order given. */
export function frequenciesTable(rows: readonly FrequencyRow[]): ExportTable {
  return {
    name: 'Frequencies',
    header: ['Code', ...FREQUENCY_COLUMNS.map((c) => c.label)],
    rows: rows.map((r) => [r.codePath, ...FREQUENCY_COLUMNS.map((c) => r[c.key])]),
  };
}

/** A c-coefficient as shown and written: two decimals, or a dash where it has no value. */
export function formatCoefficient(c: number | null): string {
  return c === null ? '–' : c.toFixed(2);
}

/** Co-occurrence as two tables: the square of counts, and one row per co-occurring pair with its c-coefficient. */
export function cooccurrenceTables(result: Cooccurrence): ExportTable[] {
  const square = cooccurrenceTable(result);
  return [
    { name: 'Co-occurrence', header: ['Code', ...result.codes.map((c) => c.codePath)], rows: result.codes.map((c, i) => [c.codePath, ...square[i]!]) },
    {
      name: 'Co-occurring pairs',
      header: ['Code A', 'Code B', 'Count', 'c-coefficient'],
      rows: result.pairs.map((p) => [p.codeA.codePath, p.codeB.codePath, p.count, p.cCoefficient === null ? '' : p.cCoefficient]),
    },
  ];
}

/** A matrix cell's figure as shown. */
export function formatMeasure(value: number, measure: MatrixMeasure): string {
  return measure === 'percent' ? `${value.toFixed(1)} %` : value.toLocaleString('en');
}

/** The matrix under one measure. */
export function matrixTable(matrix: CodeMatrix, measure: MatrixMeasure): ExportTable {
  return {
    name: `Matrix - ${MEASURE_LABELS[measure]}`.replace('%', 'pct'),
    header: ['Code', ...matrix.columns.map((c) => c.label)],
    rows: matrix.rows.map((r, i) => [r.codePath, ...matrix[measure][i]!]),
  };
}

/** The framework matrix: a row per case or document, per code its summary and its number of codings. */
export function frameworkTable(matrix: FrameworkMatrix, summaryOf: (row: number, code: number) => Summary | null): ExportTable {
  return {
    name: 'Framework',
    header: [matrix.rows[0]?.kind === 'document' ? 'Document' : 'Case', ...matrix.codes.flatMap((c) => [c.codePath, `${c.codePath} (codings)`])],
    rows: matrix.rows.map((r, i) => [r.name, ...matrix.codes.flatMap((_, j) => [summaryOf(i, j)?.text ?? '', matrix.cells[i]![j]!.codings])]),
  };
}

export type SortDirection = 'ascending' | 'descending';

/** Rows sorted by one of their values (numbers by size, texts alphabetically), ties kept in their order. */
export function sortedBy<T>(rows: readonly T[], value: (row: T) => number | string, direction: SortDirection): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, v: value(row) }))
    .sort((a, b) => {
      const d = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v));
      return d !== 0 ? sign * d : a.i - b.i;
    })
    .map((x) => x.row);
}
