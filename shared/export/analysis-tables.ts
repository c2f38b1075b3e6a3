/**
 * The analysis views as export files, computed by shared/analysis/ as the app's views and
 * `gloss analyse` compute them: the same rows and columns `gloss analyse VIEW --csv` writes
 * (one row per code with its own and rolled-up counts; one row per co-occurring pair with
 * its c-coefficient; codes × documents counts of codings), the framework matrix as
 * Markdown notes, and all of them as sheets of one workbook. A file made under a filter
 * says so on its first line (filter-words.ts); one made without is exactly the table.
 */
import type { ProjectState } from '../model/state';
import { ok } from '../result';
import { codeFrequencies } from '../analysis/frequencies';
import { cooccurrence, cooccurrenceTable, type Cooccurrence } from '../analysis/cooccurrence';
import { codeMatrix, type CodeMatrix } from '../analysis/matrix';
import { frameworkMarkdown, frameworkMatrix, type FrameworkMatrix } from '../analysis/framework';
import type { AnalysisFilter } from '../analysis/scope';
import { filterSentence } from '../analysis/filter-words';
import { analysisCsv, markdownWithCaption } from './analysis-csv';
import type { Cell, SheetSpec, Workbook } from './workbook';
import type { BuildOptions, ExportBuilder } from './registry';

/** A table as the CSV and the workbook write it. */
export interface AnalysisTable {
  header: string[];
  rows: Cell[][];
}

export const FREQUENCIES_HEADER = ['code', 'code_path', 'codings', 'documents', 'characters', 'codings_with_subcodes', 'documents_with_subcodes', 'characters_with_subcodes'];
export const PAIRS_HEADER = ['code_a', 'code_b', 'count', 'c_coefficient'];

/** Per code in tree order: its own codings, documents, characters, and the same with its sub-codes. */
export function frequenciesTable(state: ProjectState, filter: AnalysisFilter = {}): AnalysisTable {
  return {
    header: FREQUENCIES_HEADER,
    rows: codeFrequencies(state, filter).map((r) => [r.code, r.codePath, r.codings, r.documents, r.characters, r.codingsWithSubcodes, r.documentsWithSubcodes, r.charactersWithSubcodes]),
  };
}

/** One row per pair of codes that co-occur (sharing a character), codes by path, with ATLAS.ti's c-coefficient (empty where it has no value). */
export function pairsTable(result: Cooccurrence): AnalysisTable {
  return { header: PAIRS_HEADER, rows: result.pairs.map((p) => [p.codeA.codePath, p.codeB.codePath, p.count, p.cCoefficient ?? '']) };
}

/** Codes × codes: co-occurring pairs of codings in each cell, the diagonal empty (0). */
export function cooccurrenceSquare(result: Cooccurrence): AnalysisTable {
  const square = cooccurrenceTable(result);
  return { header: ['code_path', ...result.codes.map((c) => c.codePath)], rows: result.codes.map((c, i) => [c.codePath, ...square[i]!]) };
}

/** Codes × documents: codings of each code (its own) in each counted document. */
export function matrixTable(matrix: CodeMatrix): AnalysisTable {
  return { header: ['code_path', ...matrix.columns.map((c) => c.label)], rows: matrix.rows.map((r, i) => [r.codePath, ...matrix.codings[i]!]) };
}

/** The framework matrix: a row per case or document, per code its summary and the codings behind it. */
export function frameworkTable(matrix: FrameworkMatrix, rowsAre: 'cases' | 'documents'): AnalysisTable {
  return {
    header: [rowsAre === 'cases' ? 'case' : 'document', ...matrix.codes.flatMap((c) => [c.codePath, `${c.codePath} (codings)`])],
    rows: matrix.rows.map((r, i) => [r.name, ...matrix.cells[i]!.flatMap((cell) => [cell.summary?.text ?? '', cell.codings])]),
  };
}

/** A project's framework matrix rows: its cases when it has any (summaries are mostly written per case), else its documents. */
export function frameworkRows(state: Pick<ProjectState, 'cases'>): 'cases' | 'documents' {
  return state.cases.size > 0 ? 'cases' : 'documents';
}

export function codesByDocuments(state: ProjectState, filter: AnalysisFilter = {}): CodeMatrix {
  return codeMatrix(state, { columns: { kind: 'documents' } }, filter);
}

export function frameworkOf(state: ProjectState, filter: AnalysisFilter = {}): FrameworkMatrix {
  return frameworkMatrix(state, { rows: frameworkRows(state) }, filter);
}

const captionOf = (state: ProjectState, options: Pick<BuildOptions, 'filter'>) => filterSentence(state, options.filter);

export const frequenciesCsvExport: ExportBuilder = (state, options) => ok(analysisCsv(frequenciesTable(state, options.filter), captionOf(state, options), options.csvRaw));

export const cooccurrenceCsvExport: ExportBuilder = (state, options) =>
  ok(analysisCsv(pairsTable(cooccurrence(state, {}, options.filter)), captionOf(state, options), options.csvRaw));

export const matrixCsvExport: ExportBuilder = (state, options) => ok(analysisCsv(matrixTable(codesByDocuments(state, options.filter)), captionOf(state, options), options.csvRaw));

/** The framework matrix as Markdown: a section per case (or document), a sub-section per code with its summary; the filter said under the title. */
export const frameworkMarkdownExport: ExportBuilder = (state, options) => ok(markdownWithCaption(frameworkMarkdown(state, frameworkOf(state, options.filter)), captionOf(state, options)));

export const ANALYSIS_SHEETS = {
  frequencies: 'Code frequencies',
  cooccurrence: 'Co-occurrence',
  pairs: 'Co-occurring pairs',
  matrix: 'Codes × documents',
  framework: 'Framework matrix',
} as const;

/** Every analysis table as a sheet: frequencies, co-occurrence (the square and the pairs), codes × documents, the framework matrix. */
export function analysisWorkbook(state: ProjectState, filter: AnalysisFilter = {}): Workbook {
  const caption = filterSentence(state, filter);
  const result = cooccurrence(state, {}, filter);
  const rowsAre = frameworkRows(state);
  const sheet = (name: string, table: AnalysisTable, extra: Partial<SheetSpec> = {}): SheetSpec => ({
    name,
    header: table.header,
    rows: table.rows,
    frozenColumns: 1,
    ...(caption !== null ? { caption } : {}),
    ...extra,
  });
  const framework = frameworkTable(frameworkOf(state, filter), rowsAre);
  return {
    kind: 'workbook',
    sheets: [
      sheet(ANALYSIS_SHEETS.frequencies, frequenciesTable(state, filter), { frozenColumns: 2 }),
      sheet(ANALYSIS_SHEETS.cooccurrence, cooccurrenceSquare(result), { note: 'Each cell: pairs of codings of the two codes that share at least one character (codes’ own codings).' }),
      sheet(ANALYSIS_SHEETS.pairs, pairsTable(result), { frozenColumns: 2, note: 'c_coefficient: n12 / (n1 + n2 − n12), ATLAS.ti’s; empty where it has no value.' }),
      sheet(ANALYSIS_SHEETS.matrix, matrixTable(codesByDocuments(state, filter)), { note: 'Each cell: codings of the code (its own, not its sub-codes’) in the document.' }),
      sheet(ANALYSIS_SHEETS.framework, framework, { wrap: framework.header.flatMap((_, i) => (i > 0 && i % 2 === 1 ? [i] : [])) }),
    ],
  };
}

export const analysisWorkbookExport: ExportBuilder = (state, options) => ok(analysisWorkbook(state, options.filter));
