/**
 * Importing variables' values from a spreadsheet: a CSV whose first column names the
 * document (or the case) and whose other columns are variables (`document,Region,Age`).
 * Reading the CSV (readValuesCsv) and planning the import (planImportValues) are apart, so
 * the preview and the import are the same plan: a preview shows exactly what the import
 * then does, as one undoable step.
 *
 * A variable the project lacks is created as text. A cell is read as its variable's type
 * (shared/model/variable-values.ts); an empty cell is no value, so a value deleted in the
 * spreadsheet is deleted in the project. One cell that does not fit its type refuses the
 * whole import, naming the row and column: nothing is imported half-way. Rows naming no
 * document or case of the project are left out and listed.
 */
import type { Case, GlossDocument, Variable, VariableValue } from '../model/schema';
import type { Patch, ProjectState } from '../model/state';
import { parseVariableValue } from '../model/variable-values';
import { parseCsv } from '../formats/csv-parse';
import { unguardedCell } from '../export/csv';
import { binaryStart, decodeText } from '../import/decode-text';
import { SNIFF_BYTES } from '../import/limits';
import { sizeInWords } from '../import/sizes';
import { err, ok, type Result } from '../result';
import { variableNamed } from './variables';
import type { PlanContext, Planned } from './plan';
import type { OpRequest } from './requests';

type ImportValues = Extract<OpRequest, { type: 'importValues' }>;

/** A values CSV as read: what the rows are, the variables' names, and each row's cells. */
export interface ValuesTable {
  kind: 'document' | 'case';
  variables: string[];
  /** `line`: the row's number as a spreadsheet shows it (the header is 1). */
  rows: { line: number; name: string; cells: string[] }[];
  warnings: string[];
}

/** The values table in `text` (the decoded content of `fileName`), or why it cannot be read. */
export function readValuesCsv(text: string, fileName: string): Result<ValuesTable> {
  const refuse = (reason: string) => err(`${fileName}: ${reason}; nothing was imported.`);
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  const header = body.slice(0, body.search(/\r|\n|$/));
  const delimiter = header.includes(',') ? ',' : header.includes(';') ? ';' : header.includes('\t') ? '\t' : ',';
  const parsed = parseCsv(body, delimiter);
  if (!parsed.ok) return refuse(`it is not valid CSV (${parsed.error})`);
  const [first, ...records] = parsed.value;
  if (!first || first.length === 0) return refuse('it is empty');
  const key = first[0]!.trim().toLowerCase();
  if (key !== 'document' && key !== 'case') return refuse(`its first column must be "document" or "case" (then one column per variable), not ${JSON.stringify(first[0]!.trim())}`);
  const warnings: string[] = [];
  if (delimiter !== ',') warnings.push(`Fields are separated by ${delimiter === ';' ? 'semicolons' : 'tabs'}, not commas; read that way.`);
  const variables = first.slice(1).map((v) => unguardedCell(v).trim());
  const seen = new Set<string>();
  for (const [i, name] of variables.entries()) {
    if (name === '') return refuse(`column ${i + 2} has no variable name in the first row`);
    if (seen.has(name.toLocaleLowerCase())) return refuse(`the variable “${name}” has two columns`);
    seen.add(name.toLocaleLowerCase());
  }
  if (variables.length === 0) return refuse('it has no variable columns after the first');
  const rows: ValuesTable['rows'] = [];
  records.forEach((record, i) => {
    if (record.every((cell) => cell.trim() === '')) return;
    const line = i + 2;
    if (record.length > variables.length + 1) warnings.push(`Row ${line} has more cells than the header; the extra ones were ignored.`);
    rows.push({ line, name: unguardedCell(record[0] ?? '').trim(), cells: variables.map((_, c) => unguardedCell(record[c + 1] ?? '')) });
  });
  return ok({ kind: key, variables, rows, warnings });
}

/** What an import would do, for the preview, and the request that does it. */
export interface ValuesPreview {
  request: ImportValues;
  /** Rows naming no document (or case) of the project, left out. */
  unknown: { line: number; name: string }[];
  /** Variables the import creates (as text). */
  newVariables: string[];
  warnings: string[];
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** Matches the table's rows to the project's documents or cases (by name, then without regard to case, or by id). */
export function previewValuesImport(state: Pick<ProjectState<{ id: string; name: string }>, 'documents' | 'cases' | 'variables'>, table: ValuesTable): ValuesPreview {
  const targets: { id: string; name: string }[] = table.kind === 'document' ? [...state.documents.values()] : [...state.cases.values()];
  const unknown: ValuesPreview['unknown'] = [];
  const rows: ImportValues['rows'] = [];
  for (const row of table.rows) {
    const exact = targets.filter((t) => t.name === row.name);
    const matches = exact.length > 0 ? exact : targets.filter((t) => same(t.name, row.name) || t.id === row.name);
    if (matches.length !== 1) unknown.push({ line: row.line, name: row.name });
    else rows.push({ id: matches[0]!.id, line: row.line, cells: row.cells });
  }
  return {
    request: { type: 'importValues', kind: table.kind, variables: table.variables, rows },
    unknown,
    newVariables: table.variables.filter((name) => !variableNamed(state, name)),
    warnings: table.warnings,
  };
}

/** Plans importValues: every cell set in one step, or a refusal naming the first cell that does not fit. */
export function planImportValues(state: ProjectState, request: ImportValues, ctx: PlanContext): Result<Planned> {
  const patches: Patch[] = [];
  const variables: Variable[] = request.variables.map((name) => {
    const found = variableNamed(state, name);
    if (found) return found;
    const created: Variable = { id: ctx.newId(), name: name.trim(), type: 'text', description: '' };
    patches.push({ table: 'variables', op: 'put', value: created });
    return created;
  });
  const noun = request.kind === 'document' ? 'document' : 'case';
  let changed = 0;
  // A row per target: a second row for the same one adds to (and overrides) the first.
  const next = new Map<string, Record<string, VariableValue>>();
  const touched = new Set<string>();
  for (const row of request.rows) {
    const target = request.kind === 'document' ? state.documents.get(row.id) : state.cases.get(row.id);
    if (!target) return err(`there is no ${noun} with id ${row.id}`);
    const values = next.get(row.id) ?? { ...(request.kind === 'document' ? (target as GlossDocument).attributes : (target as Case).values) };
    next.set(row.id, values);
    for (const [c, variable] of variables.entries()) {
      const parsed = parseVariableValue(variable, row.cells[c] ?? '');
      if (!parsed.ok) return err(`row ${row.line}, column “${variable.name}”: ${parsed.error}; nothing was imported`);
      const before = Object.hasOwn(values, variable.id) ? values[variable.id]! : null;
      if (before === parsed.value) continue;
      changed++;
      touched.add(row.id);
      if (parsed.value === null) delete values[variable.id];
      else values[variable.id] = parsed.value;
    }
  }
  for (const id of touched) {
    const values = next.get(id)!;
    if (request.kind === 'document') patches.push({ table: 'documents', op: 'put', value: { ...state.documents.get(id)!, attributes: values } });
    else patches.push({ table: 'cases', op: 'put', value: { ...state.cases.get(id)!, values } });
  }
  const label = `Import ${changed === 1 ? '1 value' : `${changed} values`} for ${touched.size === 1 ? `1 ${noun}` : `${touched.size} ${noun}s`}`;
  return ok({ label, change: { patches }, created: {} });
}

/** A values spreadsheet larger than this is not one: 100,000 rows of a few dozen variables fit well below it. */
export const MAX_VALUES_BYTES = 64 * 1024 * 1024;

/** Why the values file `fileName` of `size` bytes, starting with `head`, cannot be imported, seen before the rest is read; null when nothing is wrong so far. */
export function valuesRefusalBeforeReading(fileName: string, size: number, head?: Uint8Array): string | null {
  if (size === 0) return `${fileName}: the file is empty; nothing was imported.`;
  if (size > MAX_VALUES_BYTES) return `${fileName}: it is ${sizeInWords(size)}, far more than a table of values holds (Gloss reads up to ${sizeInWords(MAX_VALUES_BYTES)}); is it the right file? Nothing was imported.`;
  const binary = head ? binaryStart(head.subarray(0, SNIFF_BYTES)) : null;
  return binary ? `${fileName}: ${binary} (save the spreadsheet as CSV first); nothing was imported.` : null;
}

/** The values table in the file `fileName` with content `bytes` (any encoding decodeText reads), or why it cannot be imported. */
export function readValuesFile(bytes: Uint8Array, fileName: string): Result<ValuesTable> {
  const early = valuesRefusalBeforeReading(fileName, bytes.length, bytes.subarray(0, SNIFF_BYTES));
  if (early) return err(early);
  const decoded = decodeText(bytes);
  if (!decoded.ok) return err(`${fileName}: ${decoded.error}; nothing was imported.`);
  const table = readValuesCsv(decoded.value.text, fileName);
  if (table.ok && decoded.value.encoding !== 'utf-8') table.value.warnings.unshift(`The file is ${decoded.value.encoding === 'windows-1252' ? 'not UTF-8; it was read as Windows-1252' : `${decoded.value.encoding.toUpperCase()}, not UTF-8; read anyway`}.`);
  return table;
}
