/**
 * gloss analyse FILE (frequencies | cooccurrence | matrix | retrieve) [--json | --csv OUT]
 *
 * The analysis views from the command line, computed by shared/analysis/ exactly as the
 * app's views are: a table on stdout, one JSON document with --json (the keys issue 12
 * names), or a CSV file (cells guarded against spreadsheet formulas unless --csv-raw).
 */
import path from 'node:path';
import { codeFrequencies } from '../../../shared/analysis/frequencies';
import { cooccurrence } from '../../../shared/analysis/cooccurrence';
import { codeMatrix, type CodeMatrix, type MatrixColumns } from '../../../shared/analysis/matrix';
import { retrieve } from '../../../shared/analysis/retrieval';
import { mapCodes, parseQuery } from '../../../shared/analysis/query-text';
import { frameworkMarkdown, frameworkMatrix } from '../../../shared/analysis/framework';
import type { AnalysisFilter } from '../../../shared/analysis/scope';
import { toCsv } from '../../../shared/export/csv';
import type { ProjectState } from '../../../shared/model/state';
import { variableNamed } from '../../../shared/ops/variables';
import { isProjectPath } from '../../service/project-lock';
import { analysisFilter, FILTER_HELP, FILTER_OPTIONS } from '../analysis-options';
import { CliError, listNames, quoted, UsageError } from '../errors';
import { findCode } from '../lookup';
import { readProject } from '../project-session';
import { textTable } from '../text-table';
import { labelOf, optionalString, projectArgument, type Command, type OptionValues } from '../command';
import { writeFailure, writeOutput } from './export';

/** What one view makes of the project: the JSON, the CSV table, and the lines for a person. */
interface ViewOutput {
  json: unknown;
  csv: { header: string[]; rows: (string | number)[][] };
  table: string[];
  /** For views that write Markdown too (--markdown OUT). */
  markdown?: string;
}

type Measure = 'codings' | 'documents' | 'characters' | 'percent';
const MEASURES: readonly Measure[] = ['codings', 'documents', 'characters', 'percent'];

interface ViewContext {
  state: Readonly<ProjectState>;
  filter: AnalysisFilter;
  values: OptionValues;
  label: string;
}

/** Options that belong to one view only, so another view refuses them rather than ignoring them. */
const VIEW_OPTIONS: Record<string, readonly string[]> = {
  frequencies: [],
  cooccurrence: ['paragraph'],
  matrix: ['columns', 'measure', 'with-subcodes'],
  retrieve: ['query', 'with-subcodes'],
  framework: ['rows', 'code', 'markdown', 'with-subcodes'],
};

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

function frequencies({ state, filter }: ViewContext): ViewOutput {
  const rows = codeFrequencies(state, filter);
  const json = rows.map((r) => ({
    code: r.code,
    code_path: r.codePath,
    codings: r.codings,
    documents: r.documents,
    characters: r.characters,
    codings_with_subcodes: r.codingsWithSubcodes,
    documents_with_subcodes: r.documentsWithSubcodes,
    characters_with_subcodes: r.charactersWithSubcodes,
  }));
  const keys = ['code', 'code_path', 'codings', 'documents', 'characters', 'codings_with_subcodes', 'documents_with_subcodes', 'characters_with_subcodes'] as const;
  return {
    json,
    csv: { header: [...keys], rows: json.map((r) => keys.map((k) => r[k])) },
    table: textTable(
      ['Code', 'Codings', 'Documents', 'Characters', 'With sub-codes: codings', 'documents', 'characters'],
      rows.map((r) => [r.codePath, ...[r.codings, r.documents, r.characters, r.codingsWithSubcodes, r.documentsWithSubcodes, r.charactersWithSubcodes].map(String)]),
      1,
    ),
  };
}

function cooccurrenceView({ state, filter, values }: ViewContext): ViewOutput {
  const result = cooccurrence(state, { within: values.paragraph ? 'paragraph' : 'overlap' }, filter);
  const json = result.pairs.map((p) => ({ code_a: p.codeA.codePath, code_b: p.codeB.codePath, count: p.count, c_coefficient: p.cCoefficient }));
  return {
    json,
    csv: { header: ['code_a', 'code_b', 'count', 'c_coefficient'], rows: json.map((r) => [r.code_a, r.code_b, r.count, r.c_coefficient ?? '']) },
    table:
      json.length === 0
        ? ['No two codes co-occur.']
        : textTable(
            ['Code A', 'Code B', 'Pairs', 'c'],
            json.map((r) => [r.code_a, r.code_b, String(r.count), r.c_coefficient === null ? '—' : r.c_coefficient.toFixed(3)]),
            2,
          ),
  };
}

function matrixColumns(state: Readonly<ProjectState>, values: OptionValues, label: string): MatrixColumns {
  const raw = optionalString(values, 'columns')?.trim() ?? 'documents';
  if (raw === 'documents' || raw === 'cases') return { kind: raw };
  if (raw.startsWith('variable:')) {
    const name = raw.slice('variable:'.length);
    const variable = variableNamed(state, name);
    if (!variable) {
      throw new CliError(`${label}: no variable named ${quoted(name.trim())} (variables: ${listNames([...state.variables.values()].map((v) => v.name).sort((a, b) => a.localeCompare(b)))})`);
    }
    return { kind: 'variable', variableId: variable.id };
  }
  throw new UsageError(`analyse: --columns must be documents, cases or variable:NAME, not ${quoted(raw)}`);
}

function measureOption(values: OptionValues): Measure {
  const raw = optionalString(values, 'measure')?.trim().toLowerCase() ?? 'codings';
  if (!(MEASURES as readonly string[]).includes(raw)) throw new UsageError(`analyse: --measure must be ${MEASURES.join(', ')}, not ${quoted(raw)}`);
  return raw as Measure;
}

const cellsOf = (m: CodeMatrix, measure: Measure): number[][] => (measure === 'percent' ? m.percent.map((row) => row.map((p) => round(p, 2))) : m[measure]);

function matrix({ state, filter, values, label }: ViewContext): ViewOutput {
  const measure = measureOption(values);
  const m = codeMatrix(state, { columns: matrixColumns(state, values, label), withSubcodes: values['with-subcodes'] === true }, filter);
  const rows = m.rows.map((r) => r.codePath);
  // Value columns are the values themselves (a number stays a number; null is "no value").
  const columns = m.columns.map((c) => (c.value !== undefined ? c.value : c.label));
  const cells = cellsOf(m, measure);
  return {
    json: { rows, columns, counts: m.codings, ...(measure !== 'codings' ? { [measure]: cells } : {}) },
    csv: { header: ['code_path', ...m.columns.map((c) => c.label)], rows: rows.map((r, i) => [r, ...cells[i]!]) },
    table:
      m.columns.length === 0
        ? ['No columns: no document is in one (see --columns).']
        : textTable(['Code', ...m.columns.map((c) => c.label)], rows.map((r, i) => [r, ...cells[i]!.map(String)]), 1),
  };
}

function retrieveView({ state, filter, values, label }: ViewContext): ViewOutput {
  const text = optionalString(values, 'query');
  if (text === undefined) throw new UsageError('analyse: retrieve needs --query, such as --query "Barriers AND NOT Trust" (see gloss analyse --help)');
  const parsed = parseQuery(text);
  if (!parsed.ok) throw new UsageError(`analyse: --query: ${parsed.error}`);
  const withSubcodes = values['with-subcodes'] === true;
  const query = mapCodes(parsed.value, (name) => codeIdFor(state, name, label));
  const withFlags = withSubcodes ? addSubcodes(query) : query;
  const passages = retrieve(state, withFlags, filter);
  const json = passages.map((p) => ({ document: p.document.name, start: p.start, end: p.end, text: p.text, codings: p.codings.map((c) => c.id) }));
  return {
    json,
    csv: { header: ['document', 'start', 'end', 'text', 'codings'], rows: json.map((r) => [r.document, r.start, r.end, r.text, r.codings.join(' ')]) },
    table: json.length === 0 ? ['No passage matches.'] : json.map((r) => `${r.document} ${r.start}–${r.end}: ${r.text.replace(/\s+/g, ' ')}`),
  };
}

function addSubcodes(query: ReturnType<typeof mapCodes>): ReturnType<typeof mapCodes> {
  if ('code' in query) return { ...query, withSubcodes: true };
  if ('not' in query) return { not: addSubcodes(query.not) };
  if ('and' in query) return { and: query.and.map(addSubcodes) };
  return { or: query.or.map(addSubcodes) };
}

function framework({ state, filter, values, label }: ViewContext): ViewOutput {
  const rowsWord = optionalString(values, 'rows')?.trim() ?? 'cases';
  if (rowsWord !== 'cases' && rowsWord !== 'documents') throw new UsageError(`analyse: --rows must be cases or documents, not ${quoted(rowsWord)}`);
  const codeNames = (values.code as string[] | undefined) ?? [];
  const codeIds = codeNames.length > 0 ? codeNames.map((name) => codeIdFor(state, name, label)) : undefined;
  const m = frameworkMatrix(state, { rows: rowsWord, ...(codeIds ? { codeIds } : {}), withSubcodes: values['with-subcodes'] === true }, filter);
  const columns = m.codes.map((c) => c.codePath);
  const summaries = m.cells.map((row) => row.map((cell) => cell.summary?.text ?? null));
  return {
    json: { rows: m.rows.map((r) => r.name), columns, summaries, counts: m.cells.map((row) => row.map((cell) => cell.codings)) },
    csv: { header: [rowsWord === 'cases' ? 'case' : 'document', ...columns], rows: m.rows.map((r, i) => [r.name, ...summaries[i]!.map((text) => text ?? '')]) },
    table:
      m.rows.length === 0
        ? [`No ${rowsWord} to show.`]
        : m.rows.flatMap((r, i) => [
            r.name,
            ...m.codes.map((c, j) => `  ${c.codePath} (${m.cells[i]![j]!.codings}): ${(summaries[i]![j] ?? '—').replace(/\s+/g, ' ')}`),
          ]),
    markdown: frameworkMarkdown(state, m),
  };
}

function codeIdFor(state: Readonly<ProjectState>, name: string, label: string): string {
  const target = findCode(state, name);
  if (!target.existing || target.missing.length > 0) throw new CliError(`${label}: no code named ${quoted(name)}; name it as in \`gloss info ${label}\`, with " > " between a parent and its child`);
  return target.existing.id;
}

/** The sheet each view's table goes in with --xlsx. */
const SHEET_NAMES: Record<string, string> = { frequencies: 'Code frequencies', cooccurrence: 'Co-occurrence', matrix: 'Code matrix', retrieve: 'Retrieved passages', framework: 'Framework matrix' };

const VIEWS: Record<string, (ctx: ViewContext) => ViewOutput> = { frequencies, cooccurrence: cooccurrenceView, matrix, retrieve: retrieveView, framework };

export const analyseCommand: Command = {
  name: 'analyse',
  summary: 'code frequencies, co-occurrence, code matrices, AND/OR/NOT retrieval, framework matrix',
  help: `Usage: gloss analyse FILE VIEW [options] [--json | --csv OUT [--csv-raw] | --xlsx OUT | --markdown OUT]

Computes one analysis view of the project, as the app shows it, and prints it as a table,
as JSON (--json) or writes it as CSV (--csv OUT). Opens the project read-only.
Characters are UTF-16 code units, as every offset in Gloss is.

Views:
  frequencies    per code: its codings, the documents they are in, the characters they
                 cover (a character two codings of the code cover counts once), and the
                 same with its sub-codes rolled up. JSON: an array of {"code", "code_path",
                 "codings", "documents", "characters", "codings_with_subcodes",
                 "documents_with_subcodes", "characters_with_subcodes"}
  cooccurrence   per pair of codes that co-occur: pairs of codings in the same document
                 sharing at least a character (--paragraph: touching a common paragraph),
                 codes' own codings, and ATLAS.ti's c-coefficient n12 / (n1 + n2 - n12)
                 (null where n12 reaches n1 + n2). JSON: an array of {"code_a", "code_b",
                 "count", "c_coefficient"}, codes by their full path
  matrix         codes × documents, cases or a variable's values (--columns); a document
                 counts in each of its cases and values. JSON: {"rows": [code paths],
                 "columns": [names, or values with null for no value], "counts": [[codings]]},
                 plus the --measure asked for under its own name
  retrieve       the passages a query holds for (--query), each with the codings behind
                 it. JSON: an array of {"document", "start", "end", "text", "codings": [ids]}
  framework      cases (or documents, --rows) × codes (--code, default all): the summary
                 written for each cell (gloss summary) and the codings behind it. JSON:
                 {"rows": [names], "columns": [code paths], "summaries": [[text or null]],
                 "counts": [[codings]]}; --markdown OUT writes it as Markdown notes

Options:
  --json                print JSON on stdout
  --csv OUT             write the view as CSV to OUT; a cell that begins with =, +, -, @,
                        TAB or CR gets a ' in front so a spreadsheet shows it as text
  --csv-raw             with --csv: write every cell exactly as it is
  --xlsx OUT            write the view's table as an Excel workbook (the CSV's rows, one sheet)
  --paragraph           cooccurrence: codings in the same paragraph co-occur
  --columns COLUMNS     matrix: documents (default), cases or variable:NAME
  --measure MEASURE     matrix: codings (default), documents (coded), characters, or
                        percent (of the column's text)
  --with-subcodes       matrix, retrieve and framework: count each code's sub-codes with it
  --rows ROWS           framework: cases (default) or documents
  --code CODE           framework: a column (name or path); may be given many times
  --markdown OUT        framework: write the matrix as Markdown to OUT
  --query QUERY         retrieve: codes combined with AND, OR, NOT and brackets, such as
                        "Barriers > Data sharing AND NOT Trust"; a name holding an upper-case
                        AND, OR or NOT or a bracket goes in double quotes

${FILTER_HELP}`,
  options: {
    json: { type: 'boolean' },
    csv: { type: 'string' },
    'csv-raw': { type: 'boolean' },
    xlsx: { type: 'string' },
    paragraph: { type: 'boolean' },
    columns: { type: 'string' },
    measure: { type: 'string' },
    'with-subcodes': { type: 'boolean' },
    query: { type: 'string' },
    rows: { type: 'string' },
    code: { type: 'string', multiple: true },
    markdown: { type: 'string' },
    ...FILTER_OPTIONS,
  },
  async run(positionals, values, io) {
    const file = projectArgument(positionals, 'analyse');
    const viewName = positionals[1];
    const names = Object.keys(VIEWS).join(', ');
    if (viewName === undefined) throw new UsageError(`analyse: name a view after the project: ${names} (see gloss analyse --help)`);
    const view = VIEWS[viewName];
    if (!view) throw new UsageError(`analyse: there is no view ${quoted(viewName)} (views: ${names})`);
    if (positionals.length > 2) throw new UsageError(`analyse: unexpected argument ${quoted(positionals[2]!)} (see gloss analyse --help)`);
    for (const option of new Set(Object.values(VIEW_OPTIONS).flat())) {
      if (values[option] === undefined || VIEW_OPTIONS[viewName]!.includes(option)) continue;
      const owners = Object.keys(VIEW_OPTIONS).filter((v) => VIEW_OPTIONS[v]!.includes(option));
      throw new UsageError(`analyse: --${option} goes with ${owners.join(' and ')}, not ${viewName}`);
    }
    const csv = optionalString(values, 'csv');
    const xlsx = optionalString(values, 'xlsx');
    const markdown = optionalString(values, 'markdown');
    if ([values.json === true, csv !== undefined, xlsx !== undefined, markdown !== undefined].filter(Boolean).length > 1) {
      throw new UsageError('analyse: give one of --json, --csv OUT, --xlsx OUT and --markdown OUT');
    }
    if (values['csv-raw'] && csv === undefined) throw new UsageError('analyse: --csv-raw goes with --csv OUT');
    const out = csv ?? xlsx ?? markdown;
    if (out !== undefined) {
      const project = path.resolve(file);
      if ([project, `${project}.bak`, `${project}.lock`].includes(path.resolve(out)) || isProjectPath(path.resolve(out))) {
        throw new UsageError(`analyse: ${path.basename(out)} names a Gloss project; choose another file for the ${csv !== undefined ? 'CSV' : xlsx !== undefined ? 'workbook' : 'Markdown'}`);
      }
    }
    const label = labelOf(file);
    const output = await readProject(file, (service) => {
      const state = service.current;
      return view({ state, filter: analysisFilter(state, values, label), values, label });
    });
    if (values.json) {
      io.out(JSON.stringify(output.json));
      return 0;
    }
    if (out !== undefined) {
      const content =
        csv !== undefined ? toCsv(output.csv.header, output.csv.rows, { raw: values['csv-raw'] === true })
        : xlsx !== undefined ? await (await import('../../export/xlsx')).tableXlsx(SHEET_NAMES[viewName]!, output.csv.header, output.csv.rows)
        : output.markdown!;
      try {
        await writeOutput(path.resolve(out), content);
      } catch (e) {
        throw writeFailure(out, e);
      }
      io.out(path.resolve(out));
      return 0;
    }
    for (const line of output.table) io.out(line);
    return 0;
  },
};
