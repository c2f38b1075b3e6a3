/**
 * Reading Gloss's codebook CSV (the columns of shared/export/csv-codebook.ts) into an
 * IncomingCodebook, so a codebook edited in a spreadsheet comes back in. The hierarchy is
 * read from `code_path` (names joined by " > "); rows may come in any order; `parent`
 * repeats what code_path says, and the counts (`codings`, `documents`) describe the
 * exporting project, so those three are ignored. The CSV has no column for folders, so
 * every code comes in as codable.
 */
import { CODEBOOK_HEADER } from '../../export/csv-codebook';
import { unguardedCell } from '../../export/csv';
import { MAX_CODE_DEPTH } from '../../import/limits';
import { err, ok, type Result } from '../../result';
import { parseCsv } from '../csv-parse';
import { tooDeepCode, type IncomingCode, type IncomingCodebook } from './types';
import { readColor } from './values';

const SEPARATOR = ' > ';
const REQUIRED = ['code', 'code_path'] as const;

interface Row {
  /** Row number as a spreadsheet shows it (the header is row 1). */
  number: number;
  name: string;
  path: string;
  parentPath: string;
  color: string | null;
  description: string;
}

/** The delimiter of the header line: a comma, or the semicolon or tab that spreadsheets in some locales write. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r|\n|$/));
  if (header.includes(',')) return ',';
  if (header.includes(';')) return ';';
  if (header.includes('\t')) return '\t';
  return ',';
}

/** The last name of a path. */
function lastNameOf(path: string): string {
  const at = path.lastIndexOf(SEPARATOR);
  return at < 0 ? path : path.slice(at + SEPARATOR.length);
}

/** The path above the last " > ", or "" for a top-level path. */
function parentOf(path: string): string {
  const at = path.lastIndexOf(SEPARATOR);
  return at < 0 ? '' : path.slice(0, at);
}

/**
 * The codebook in `text` (the decoded content of `fileName`), or a message naming the file
 * that says why nothing can be imported from it.
 */
export function readCodebookCsv(text: string, fileName: string): Result<IncomingCodebook> {
  const refuse = (reason: string) => err(`${fileName}: ${reason}; nothing was imported.`);
  const warnings: string[] = [];
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  const delimiter = delimiterOf(body);
  if (delimiter !== ',') warnings.push(`Fields are separated by ${delimiter === ';' ? 'semicolons' : 'tabs'}, not commas; read that way.`);
  const parsed = parseCsv(body, delimiter);
  if (!parsed.ok) return refuse(`it is not valid CSV (${parsed.error})`);
  const [header, ...records] = parsed.value;
  if (!header) return refuse('it is empty');

  const columns = new Map<string, number>();
  header.forEach((raw, index) => {
    const column = raw.trim().toLowerCase();
    if (column === '') return;
    if (columns.has(column)) warnings.push(`The column “${raw.trim()}” appears twice; the first one was read.`);
    else columns.set(column, index);
    if (!(CODEBOOK_HEADER as readonly string[]).includes(column)) warnings.push(`The column “${raw.trim()}” is not a codebook column; it was ignored.`);
  });
  for (const column of REQUIRED) {
    if (!columns.has(column)) {
      return refuse(`the column “${column}” is missing (a codebook CSV needs the columns ${REQUIRED.join(' and ')}, as Gloss's codebook export writes them)`);
    }
  }
  // Gloss's export puts a ' before a cell a spreadsheet would run (shared/export/csv.ts); it is not part of the name.
  const cell = (record: string[], column: string): string => {
    const index = columns.get(column);
    return index === undefined ? '' : unguardedCell(record[index] ?? '');
  };

  const rows = new Map<string, Row>();
  records.forEach((record, i) => {
    const number = i + 2;
    if (record.every((field) => field.trim() === '')) return;
    if (record.length > header.length) warnings.push(`Row ${number} has more fields than the header; the extra ones were ignored.`);
    let name = cell(record, 'code').trim();
    let path = cell(record, 'code_path').trim();
    if (!path && !name) {
      warnings.push(`Row ${number} has neither a code nor a code_path; it was skipped.`);
      return;
    }
    if (!path) {
      warnings.push(`Row ${number} (“${name}”) has no code_path; it was read as a top-level code.`);
      path = name;
    }
    const lastName = lastNameOf(path);
    let parentPath: string;
    if (!name) {
      name = lastName;
      parentPath = parentOf(path);
      warnings.push(`Row ${number} (“${path}”) has no code name; the last part of its code_path was used.`);
    } else if (path === name) {
      parentPath = '';
    } else if (path.endsWith(SEPARATOR + name)) {
      // Checked before splitting so that a name which itself holds " > " stays whole.
      parentPath = path.slice(0, path.length - name.length - SEPARATOR.length);
    } else {
      parentPath = parentOf(path);
      warnings.push(`Row ${number}: the code is named “${name}” but its code_path ends in “${lastName}”; it was read as “${name}” under “${parentPath || 'the top level'}”.`);
    }
    if (rows.has(path)) {
      warnings.push(`Row ${number} repeats the code “${path}”; only its first row was read.`);
      return;
    }
    let color: string | null = null;
    const rawColor = cell(record, 'color').trim();
    if (rawColor) {
      const reading = readColor(rawColor);
      if (reading.kind === 'invalid') warnings.push(`Code “${path}” has colour “${rawColor}”, which is not #RRGGBB or #RGB; the colour was left out.`);
      else {
        if (reading.kind === 'expanded') warnings.push(`Code “${path}” has the short colour “${rawColor}”; read as ${reading.color}.`);
        color = reading.color;
      }
    }
    rows.set(path, { number, name, path, parentPath, color, description: cell(record, 'description') });
  });
  if (rows.size === 0) return refuse('it holds no codes (no rows below the header)');
  // Checked before the tree is built: building it recurses once per level.
  for (const path of rows.keys()) {
    const names = path.split(SEPARATOR);
    if (names.length > MAX_CODE_DEPTH) return err(tooDeepCode(fileName, names, MAX_CODE_DEPTH));
  }

  const built = new Map<string, IncomingCode>();
  const top: IncomingCode[] = [];
  /** The code at `path`, built from its row or, when no row gives it, as a plain code that holds its children. */
  const codeAt = (path: string, neededBy: string): IncomingCode => {
    const existing = built.get(path);
    if (existing) return existing;
    const row = rows.get(path);
    if (!row) warnings.push(`“${path}” has no row of its own but holds “${neededBy}”; it was read as a code without colour or description.`);
    const code: IncomingCode = {
      guid: null,
      name: row?.name ?? lastNameOf(path),
      color: row?.color ?? null,
      description: row?.description ?? '',
      codable: true,
      children: [],
    };
    built.set(path, code);
    const parentPath = row ? row.parentPath : parentOf(path);
    if (parentPath) codeAt(parentPath, path).children.push(code);
    else top.push(code);
    return code;
  };
  for (const path of rows.keys()) codeAt(path, path);
  return ok({ fileName, origin: null, codes: top, sets: [], warnings });
}
