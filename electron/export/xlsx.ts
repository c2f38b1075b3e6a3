/**
 * The XLSX workbook: sheets "Excerpts" (the excerpts CSV), "Codebook" (the codebook CSV)
 * and "Code frequencies" (codes × documents with totals). Each sheet has a bold, frozen
 * header row with a filter, and columns sized to their content.
 */
import { PassThrough } from 'node:stream';
// Types only here: exceljs (about 2.4 MB of code with archiver and its other dependencies)
// is loaded by workbookXlsx itself, so a process that never writes a workbook (most CLI
// commands, the app until the user exports) does not pay for loading it.
import type ExcelJS from 'exceljs';
import type { ProjectState } from '../../shared/model/state';
import { codePath, codeTree } from '../../shared/model/codes';
import { EXCERPTS_HEADER, excerptRows } from '../../shared/export/csv-excerpts';
import { CODEBOOK_HEADER, codebookRows } from '../../shared/export/csv-codebook';
import { documentsByName } from '../../shared/export/document-order';

type Cell = string | number;

/** Said under the frequency table, because a reader might expect parents to add up their sub-codes. */
export const FREQUENCIES_NOTE = 'Each count is a code’s own codings in that document; a parent code does not include its sub-codes.';

export const SHEETS = { excerpts: 'Excerpts', codebook: 'Codebook', frequencies: 'Code frequencies' } as const;

/** Excel refuses to open a file with a cell longer than this (its documented cell limit). */
export const MAX_CELL_LENGTH = 32_767;
const TRUNCATED = ' … [cut: Excel holds at most 32,767 characters in a cell; the CSV export has the full text]';

/** Column widths, in characters: wide enough for short headers, narrow enough to read long text wrapped. */
const MIN_WIDTH = 10;
const MAX_WIDTH = 80;

function fitCell(value: Cell): Cell {
  if (typeof value === 'number' || value.length <= MAX_CELL_LENGTH) return value;
  let cut = MAX_CELL_LENGTH - TRUNCATED.length;
  const last = value.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--; // never keep half a surrogate pair
  return value.slice(0, cut) + TRUNCATED;
}

/** The widest line of the value, in characters (a multi-line cell is as wide as its longest line). */
function displayWidth(value: Cell): number {
  if (typeof value === 'number') return String(value).length;
  let widest = 0;
  for (const line of value.split('\n')) widest = Math.max(widest, line.length);
  return widest;
}

interface SheetSpec {
  name: string;
  header: readonly string[];
  rows: Cell[][];
  /** Columns (0-based) whose long text wraps instead of running on. */
  wrap?: readonly number[];
  /** Columns kept in view when scrolling right. */
  frozenColumns?: number;
  /** Rows after the data that the filter must not sort in with it (totals). */
  footer?: Cell[][];
  /** A line under the table (not counted for column widths). */
  note?: string;
}

function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, spec: SheetSpec): void {
  const { header, rows, footer = [] } = spec;
  const sheet = workbook.addWorksheet(spec.name, {
    views: [{ state: 'frozen', xSplit: spec.frozenColumns ?? 0, ySplit: 1 }],
  });
  const widths = header.map((h) => h.length);
  for (const row of [...rows, ...footer]) row.forEach((v, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(v))));
  widths.forEach((w, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w + 2));
    // Set on the column before the rows are added, so every cell of it takes the style.
    if (spec.wrap?.includes(i)) column.alignment = { wrapText: true, vertical: 'top' };
  });
  if (header.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: header.length } };
  const headerRow = sheet.addRow([...header]);
  headerRow.font = { bold: true };
  headerRow.commit();
  for (const row of rows) sheet.addRow(row.map(fitCell)).commit();
  for (const row of footer) {
    const added = sheet.addRow(row.map(fitCell));
    added.font = { bold: true };
    added.commit();
  }
  if (spec.note) {
    sheet.addRow([]).commit();
    const note = sheet.addRow([spec.note]);
    note.font = { italic: true };
    note.commit();
  }
  sheet.commit();
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

/** The workbook as .xlsx bytes. */
export async function workbookXlsx(state: ProjectState): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  // The project's own times, not the export's, so two exports of one project say the same.
  const created = validDate(state.project.createdAt);
  const modified = validDate(state.project.modifiedAt);
  // The streaming writer, not the in-memory Workbook: it took half the time on the
  // 100,000-coding benchmark project (14 s against 31 s, same machine and load) and lets
  // each row go once written. Inline strings instead of a shared-string table keep it one pass.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Gloss';
  workbook.lastModifiedBy = 'Gloss';
  if (created) workbook.created = created;
  if (modified) workbook.modified = modified;

  const excerptsWrap = ['text', 'memo'].map((h) => EXCERPTS_HEADER.indexOf(h as (typeof EXCERPTS_HEADER)[number]));
  addSheet(workbook, { name: SHEETS.excerpts, header: EXCERPTS_HEADER, rows: excerptRows(state), wrap: excerptsWrap });
  addSheet(workbook, {
    name: SHEETS.codebook,
    header: CODEBOOK_HEADER,
    rows: codebookRows(state),
    wrap: [CODEBOOK_HEADER.indexOf('description')],
  });
  const frequencies = frequencyTable(state);
  addSheet(workbook, {
    name: SHEETS.frequencies,
    header: frequencies.header,
    rows: frequencies.rows,
    footer: [frequencies.totals],
    note: FREQUENCIES_NOTE,
    frozenColumns: 2,
  });

  await workbook.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * One table as a workbook of one sheet (an analysis view: frequencies, a matrix…), styled
 * as the project workbook's sheets are. Text goes in as text cells, never as formulas, so
 * no formula guard is needed here.
 */
export async function tableXlsx(sheet: string, header: readonly string[], rows: Cell[][], frozenColumns = 1): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const { default: excel } = await import('exceljs');
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Gloss';
  // Excel allows 31 characters in a sheet name and none of : \ / ? * [ ].
  addSheet(workbook, { name: sheet.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31), header, rows, frozenColumns });
  await workbook.commit();
  return new Uint8Array(Buffer.concat(chunks));
}
