/**
 * What the Excel workbook holds, as plain data: sheets "Excerpts" (the excerpts CSV),
 * "Codebook" (the codebook CSV) and "Code frequencies" (codes × documents with totals),
 * each with its header, rows and layout wishes. electron/export/xlsx.ts writes it with
 * exceljs, which needs Node; what goes in the workbook is decided here, beside the other
 * exports.
 */
import { memoSheet } from './memo-export';
import type { ProjectState } from '../model/state';
import { ok } from '../result';
import { codePath, codeTree } from '../model/codes';
import { EXCERPTS_HEADER, excerptRows } from './csv-excerpts';
import { CODEBOOK_HEADER, codebookRows } from './csv-codebook';
import { documentsByName } from './document-order';
import type { ExportBuilder } from './registry';

export type Cell = string | number;

/** Said under the frequency table, because a reader might expect parents to add up their sub-codes. */
export const FREQUENCIES_NOTE = 'Each count is a code’s own codings in that document; a parent code does not include its sub-codes.';

export const SHEETS = { excerpts: 'Excerpts', codebook: 'Codebook', frequencies: 'Code frequencies' } as const;

export interface SheetSpec {
  name: string;
  header: readonly string[];
  rows: Cell[][];
  /** Columns (0-based) whose long text wraps instead of running on. */
  wrap?: readonly number[];
  /** Columns (0-based) of ISO 8601 times, written as date cells a spreadsheet can sort and filter. */
  dates?: readonly number[];
  /** Columns kept in view when scrolling right. */
  frozenColumns?: number;
  /** Rows after the data that the filter must not sort in with it (totals). */
  footer?: Cell[][];
  /** A line under the table (not counted for column widths). */
  note?: string;
  /** A line above the header (not counted for column widths): what the table counts, when it counts only part of the project. */
  caption?: string;
}

/** A workbook to write: its sheets in order and the project's own times. */
export interface Workbook {
  kind: 'workbook';
  /** The project's times, not the export's, so two exports of one project say the same; absent when not a valid date. */
  created?: Date;
  modified?: Date;
  sheets: SheetSpec[];
}

/** Codes in tree order × documents in name order: how many codings each code has in each document. */
export function frequencyTable(state: ProjectState): { header: string[]; rows: Cell[][]; totals: Cell[] } {
  const documents = documentsByName(state);
  const column = new Map(documents.map((d, i) => [d.id, i]));
  const columnTotals = new Array<number>(documents.length).fill(0);
  const rows: Cell[][] = codeTree(state.codes.values()).map(({ code }) => {
    const counts = new Array<number>(documents.length).fill(0);
    for (const id of state.codingsByCode.get(code.id) ?? []) {
      const i = column.get(state.codings.get(id)!.documentId);
      if (i !== undefined) counts[i]!++;
    }
    counts.forEach((n, i) => (columnTotals[i]! += n));
    return [code.name, codePath(state, code.id), ...counts, counts.reduce((a, b) => a + b, 0)];
  });
  return {
    header: ['code', 'code_path', ...documents.map((d) => d.name), 'Total'],
    rows,
    totals: ['Total', '', ...columnTotals, columnTotals.reduce((a, b) => a + b, 0)],
  };
}

function validDate(iso: string): Date | undefined {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The workbook of `state`: excerpts, codebook, code frequencies, and every memo when there are any. */
export function workbookOf(state: ProjectState): Workbook {
  const created = validDate(state.project.createdAt);
  const modified = validDate(state.project.modifiedAt);
  const excerptsWrap = ['text', 'memo'].map((h) => EXCERPTS_HEADER.indexOf(h as (typeof EXCERPTS_HEADER)[number]));
  const frequencies = frequencyTable(state);
  return {
    kind: 'workbook',
    ...(created ? { created } : {}),
    ...(modified ? { modified } : {}),
    sheets: [
      { name: SHEETS.excerpts, header: EXCERPTS_HEADER, rows: excerptRows(state), wrap: excerptsWrap, dates: [EXCERPTS_HEADER.indexOf('created_at')] },
      { name: SHEETS.codebook, header: CODEBOOK_HEADER, rows: codebookRows(state), wrap: [CODEBOOK_HEADER.indexOf('description')] },
      {
        name: SHEETS.frequencies,
        header: frequencies.header,
        rows: frequencies.rows,
        footer: [frequencies.totals],
        note: FREQUENCIES_NOTE,
        frozenColumns: 2,
      },
      ...[memoSheet(state)].filter((sheet) => sheet !== null),
    ],
  };
}

/** The registry's builder: the workbook, which the host writes as .xlsx bytes. */
export const workbookExport: ExportBuilder = (state) => ok(workbookOf(state));
