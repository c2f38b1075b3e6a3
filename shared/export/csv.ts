/**
 * RFC 4180 CSV text, UTF-8 with a BOM so that Excel detects the encoding.
 *
 * Written here rather than with csv-stringify: the rules are four lines (quote a field
 * holding a comma, quote, CR or LF; double its quotes; CRLF between records), and the
 * library took ~3× as long on the 100,000-coding benchmark export (0.64 s against 0.25 s
 * for the same bytes), which alone broke the 1 s export target.
 *
 * Formula injection: Excel, LibreOffice and Google Sheets run a cell that begins with
 * =, +, -, @, TAB or CR as a formula (=HYPERLINK, DDE "=cmd|…"), and a code name or an
 * excerpt may begin so. By default such a text cell gets a leading ' (OWASP's advice:
 * spreadsheets show it as text; the quote mark is visible in a text editor). Numbers are
 * not text cells and stay as they are (-0.25 is a kappa, not a formula). `raw` writes
 * every cell byte-exact, for pipelines that read the CSV with a program.
 */

export const UTF8_BOM = '\ufeff';

/** How cells are written. */
export interface CsvOptions {
  /** Write text cells exactly as they are, even when a spreadsheet would run them. */
  raw?: boolean;
}

/** Char codes of the characters that make a spreadsheet read a cell as a formula: = + - @ TAB CR (OWASP). */
export const FORMULA_START: ReadonlySet<number> = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d]);

const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell made safe to open in a spreadsheet: a leading ' when it starts with a formula character. */
export function safeCell(text: string): string {
  return text.length > 0 && FORMULA_START.has(text.charCodeAt(0)) ? `'${text}` : text;
}

/**
 * The text of a cell as safeCell wrote it: a ' followed by a formula character is taken
 * off (Gloss's own CSVs read back in, such as an edited codebook). A text that really
 * began with ' and a formula character cannot be told from a guarded one; it loses the '.
 */
export function unguardedCell(cell: string): string {
  return cell.length > 1 && cell.charCodeAt(0) === 0x27 && FORMULA_START.has(cell.charCodeAt(1)) ? cell.slice(1) : cell;
}

function quote(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const safeField = (value: string | number): string => (typeof value === 'number' ? String(value) : quote(safeCell(value)));
const rawField = (value: string | number): string => (typeof value === 'number' ? String(value) : quote(value));

/** The function that writes one cell: quoted when needed, and made safe for spreadsheets unless `options.raw`. */
export function csvCell(options: CsvOptions = {}): (value: string | number) => string {
  return options.raw ? rawField : safeField;
}

/**
 * The CSV text of finished records (cells already written by csvCell): BOM, CRLF after
 * each. The BOM goes into the first line and an empty last line gives the final CRLF,
 * so the text comes out of one join: adding them around it made a 60 MB string to
 * flatten, which cost a third of the benchmark export's time.
 */
export function csvText(lines: string[]): string {
  if (lines.length === 0) return UTF8_BOM;
  lines[0] = UTF8_BOM + lines[0];
  lines.push('');
  return lines.join('\r\n');
}

/**
 * CSV text (CRLF record separators, fields quoted when needed) with a leading BOM. Text
 * cells that start with a formula character get a leading ' unless `options.raw`.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[], options: CsvOptions = {}): string {
  const field = csvCell(options);
  const lines = new Array<string>(rows.length + 1);
  lines[0] = header.map(field).join(',');
  for (let i = 0; i < rows.length; i++) lines[i + 1] = rows[i]!.map(field).join(',');
  return csvText(lines);
}
