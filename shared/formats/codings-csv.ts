/**
 * Reading a CSV of codings to apply (gloss code --from): one row per coding, naming the
 * document, the code and the passage, either by its words (`quote`, and `occurrence` when
 * they occur more than once) or by its offsets (`start`, `end`: UTF-16 code units, end
 * exclusive, as everywhere in Gloss). `coder` and `memo` are optional. A header row is
 * required; columns may come in any order. A cell Gloss's CSV export guarded against
 * spreadsheet formulas (a leading ' before =, +, -, @) is read without the '.
 *
 * This reads the file only: whether each row's document, code and passage exist is for
 * the caller to decide against the project. Each row keeps the line it starts on, so every
 * problem can be reported where the person will find it.
 */
import { err, ok, type Result } from '../result';
import { normalizeNewlines } from '../import/decode-text';
import { parseCsvRecords } from './csv-parse';
import { unguardedCell } from '../export/csv';

/** The columns Gloss reads, in the order its help lists them. */
export const CODINGS_COLUMNS = ['document', 'code', 'quote', 'occurrence', 'start', 'end', 'coder', 'memo'] as const;
type Column = (typeof CODINGS_COLUMNS)[number];

/** Which passage a row names: the Nth place its words occur, or a span (with words to check it against). */
export type PassageChoice = { quote: string; occurrence: number } | { start: number; end: number; quote?: string };

export interface CodingRow {
  /** The line the row starts on, the header being line 1. */
  line: number;
  document: string;
  code: string;
  passage: PassageChoice;
  /** Who coded it; null for the command's coder. */
  coder: string | null;
  /** A memo to attach to the coding; null for none. */
  memo: string | null;
}

/** Why one row cannot be applied. */
export interface RowProblem {
  line: number;
  message: string;
}

export interface CodingsTable {
  rows: CodingRow[];
  problems: RowProblem[];
  /** Header columns Gloss does not read (an excerpts export's `text`, say), as written. */
  ignored: string[];
}

/** A whole number of at least `min` written in a cell, or null. */
function wholeNumber(cell: string, min: number): number | null {
  const text = cell.trim();
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= min ? n : null;
}

/**
 * The rows of `text` (the CSV's content, decoded), or why the file as a whole cannot be
 * read: not CSV, no header, or a header without the columns that say what to code.
 */
export function readCodingsCsv(text: string): Result<CodingsTable> {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  const parsed = parseCsvRecords(body);
  if (!parsed.ok) return err(`it is not valid CSV (${parsed.error})`);
  const [header, ...records] = parsed.value;
  if (!header) return err('it is empty; it needs a header row such as document,code,quote');

  const columns = new Map<Column, number>();
  const ignored: string[] = [];
  for (const [index, raw] of header.fields.entries()) {
    const name = raw.trim().toLowerCase();
    if (name === '') continue;
    if (!(CODINGS_COLUMNS as readonly string[]).includes(name)) {
      ignored.push(raw.trim());
      continue;
    }
    if (columns.has(name as Column)) return err(`the column “${name}” appears twice in the header`);
    columns.set(name as Column, index);
  }
  const shapes = 'the columns document,code,quote (with occurrence if you like) or document,code,start,end';
  for (const needed of ['document', 'code'] as const) {
    if (!columns.has(needed)) return err(`the header has no “${needed}” column; it needs ${shapes}`);
  }
  if (columns.has('start') !== columns.has('end')) return err(`the header has “${columns.has('start') ? 'start' : 'end'}” without “${columns.has('start') ? 'end' : 'start'}”`);
  if (!columns.has('quote') && !columns.has('start')) return err(`the header says neither quote nor start and end; it needs ${shapes}`);

  // Gloss's own CSVs put a ' before a cell a spreadsheet would run ("-draft"); it comes off here.
  const cell = (fields: string[], column: Column): string => {
    const index = columns.get(column);
    return index === undefined ? '' : unguardedCell(fields[index] ?? '');
  };
  const rows: CodingRow[] = [];
  const problems: RowProblem[] = [];
  for (const { fields, line } of records) {
    if (fields.every((f) => f.trim() === '')) continue;
    const problem = (message: string) => problems.push({ line, message });
    if (fields.length > header.fields.length) {
      problem(`it has ${fields.length} fields but the header has ${header.fields.length} (a comma in a value needs the value in double quotes)`);
      continue;
    }
    const document = cell(fields, 'document').trim();
    const code = cell(fields, 'code').trim();
    if (document === '') {
      problem('the document is empty');
      continue;
    }
    if (code === '') {
      problem('the code is empty');
      continue;
    }
    // Document texts keep LF line breaks; a quote typed in a Windows spreadsheet may carry CRLF.
    const quote = normalizeNewlines(cell(fields, 'quote'));
    const rawOccurrence = cell(fields, 'occurrence').trim();
    const rawStart = cell(fields, 'start').trim();
    const rawEnd = cell(fields, 'end').trim();
    let passage: PassageChoice;
    if (rawStart !== '' || rawEnd !== '') {
      const start = wholeNumber(rawStart, 0);
      const end = wholeNumber(rawEnd, 0);
      if (start === null || end === null) {
        problem(`start and end must both be whole numbers of at least 0 (got ${JSON.stringify(rawStart)} and ${JSON.stringify(rawEnd)})`);
        continue;
      }
      if (rawOccurrence !== '') {
        problem('occurrence goes with a quote, not with start and end');
        continue;
      }
      passage = quote === '' ? { start, end } : { start, end, quote };
    } else if (quote !== '') {
      const occurrence = rawOccurrence === '' ? 1 : wholeNumber(rawOccurrence, 1);
      if (occurrence === null) {
        problem(`occurrence must be a whole number of at least 1, not ${JSON.stringify(rawOccurrence)}`);
        continue;
      }
      passage = { quote, occurrence };
    } else {
      problem(columns.has('quote') && columns.has('start') ? 'it gives neither a quote nor start and end' : columns.has('quote') ? 'the quote is empty' : 'start and end are empty');
      continue;
    }
    const coder = cell(fields, 'coder').trim();
    const memo = cell(fields, 'memo');
    rows.push({ line, document, code, passage, coder: coder === '' ? null : coder, memo: memo.trim() === '' ? null : normalizeNewlines(memo) });
  }
  return ok({ rows, problems, ignored });
}
