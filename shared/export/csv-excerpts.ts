/** The coded-excerpts CSV: one row per coding. */
import type { Coding, GlossDocument } from '../model/schema';
import type { ProjectState } from '../model/state';
import { codePath } from '../model/codes';
import { csvCell, csvText, UTF8_BOM, type CsvOptions } from './csv';
import { Utf8Writer } from './utf8-writer';
import { documentsByName } from './document-order';
import { memoLinesByCoding } from '../model/memos';
import { ok } from '../result';
import type { ExportBuilder } from './registry';

export const EXCERPTS_HEADER = ['document', 'code', 'code_path', 'coder', 'start', 'end', 'text', 'memo', 'created_at'] as const;

/**
 * Each code's path with a rank in path order (localeCompare), equal paths equal ranks:
 * sorting 100,000 codings by comparing ranks instead of strings is what keeps the
 * benchmark export within its time (localeCompare runs ICU, about 1 µs a call).
 */
function codePathRanks(state: ProjectState): Map<string, { path: string; rank: number }> {
  const paths = [...state.codes.keys()].map((id) => ({ id, path: codePath(state, id) }));
  paths.sort((a, b) => a.path.localeCompare(b.path));
  const ranks = new Map<string, { path: string; rank: number }>();
  let rank = 0;
  for (let i = 0; i < paths.length; i++) {
    if (i > 0 && paths[i]!.path.localeCompare(paths[i - 1]!.path) !== 0) rank = i;
    ranks.set(paths[i]!.id, { path: paths[i]!.path, rank });
  }
  return ranks;
}

/** Calls `visit` for every coding (of the given codes) in export order: document name, position, code path. */
function forEachExcerpt(
  state: ProjectState,
  codeIds: ReadonlySet<string> | undefined,
  visit: (doc: GlossDocument, coding: Coding, path: string) => void,
): void {
  const ranks = codePathRanks(state);
  // A coding of a code that is not in the project (a dangling reference) still gets a path: the empty one.
  const pathOf = (id: string) => ranks.get(id)?.path ?? codePath(state, id);
  const byPath = (a: Coding, b: Coding) => {
    const ra = ranks.get(a.codeId);
    const rb = ranks.get(b.codeId);
    return ra && rb ? ra.rank - rb.rank : pathOf(a.codeId).localeCompare(pathOf(b.codeId));
  };
  for (const doc of documentsByName(state)) {
    const ids = state.codingsByDocument.get(doc.id);
    if (!ids) continue;
    const codings: Coding[] = [];
    for (const id of ids) {
      const coding = state.codings.get(id)!;
      if (!codeIds || codeIds.has(coding.codeId)) codings.push(coding);
    }
    codings.sort((a, b) => a.start - b.start || a.end - b.end || byPath(a, b));
    for (const coding of codings) visit(doc, coding, pathOf(coding.codeId));
  }
}

/** Rows of the excerpts export, ordered by document name, position and code path. */
export function excerptRows(state: ProjectState, codeIds?: ReadonlySet<string>): (string | number)[][] {
  const memos = memoLinesByCoding(state);
  const rows: (string | number)[][] = [];
  forEachExcerpt(state, codeIds, (doc, c, path) => {
    rows.push([
      doc.name,
      state.codes.get(c.codeId)?.name ?? '',
      path,
      state.coders.get(c.coderId)?.name ?? c.coderId,
      c.start,
      c.end,
      // The stored offsets are the truth; the text comes from the document, not the cached quote.
      doc.text.slice(c.start, c.end),
      memos.get(c.id)?.join('\n\n') ?? '',
      c.createdAt,
    ]);
  });
  return rows;
}

/** Writes the excerpts CSV's records (header first) to `line`, each without its line break. */
function excerptLines(state: ProjectState, codeIds: ReadonlySet<string> | undefined, options: CsvOptions, line: (text: string) => void): void {
  const cell = csvCell(options);
  const memos = memoLinesByCoding(state);
  // Keyed by the ids as they are: a key built per coding would cost a string and its hash each time.
  const codeCells = new Map<string, string>();
  const coderCells = new Map<string, string>();
  line(EXCERPTS_HEADER.map(cell).join(','));
  let lastDoc: GlossDocument | null = null;
  let docCell = '';
  forEachExcerpt(state, codeIds, (doc, c, path) => {
    if (doc !== lastDoc) {
      lastDoc = doc;
      docCell = cell(doc.name);
    }
    let code = codeCells.get(c.codeId);
    if (code === undefined) codeCells.set(c.codeId, (code = `${cell(state.codes.get(c.codeId)?.name ?? '')},${cell(path)}`));
    let coder = coderCells.get(c.coderId);
    if (coder === undefined) coderCells.set(c.coderId, (coder = cell(state.coders.get(c.coderId)?.name ?? c.coderId)));
    const memo = memos.get(c.id);
    // join makes one flat string per line; a template literal made a tree of pieces per line for the collector to chase.
    line([docCell, code, coder, c.start, c.end, cell(doc.text.slice(c.start, c.end)), memo ? cell(memo.join('\n\n')) : '', cell(c.createdAt)].join(','));
  });
}

/**
 * The excerpts CSV for all codings, or those of the given codes; formula-like text cells
 * get a leading ' unless `options.raw`. The same text as toCsv(EXCERPTS_HEADER,
 * excerptRows(…)), written line by line without the row arrays: document, code and coder
 * cells are made once per name rather than once per coding.
 */
export function excerptsCsv(state: ProjectState, codeIds?: ReadonlySet<string>, options: CsvOptions = {}): string {
  const lines: string[] = [];
  excerptLines(state, codeIds, options, (text) => lines.push(text));
  return csvText(lines);
}

/**
 * excerptsCsv as UTF-8 bytes, for writing to a file: each line is encoded as it is made,
 * which keeps the export of 100,000 codings near the cost of joining the bare rows and
 * writing them (npm run bench, export_ratio).
 */
export function excerptsCsvBytes(state: ProjectState, codeIds?: ReadonlySet<string>, options: CsvOptions = {}): Uint8Array {
  const out = new Utf8Writer();
  out.write(UTF8_BOM);
  excerptLines(state, codeIds, options, (text) => {
    out.write(text);
    out.write('\r\n');
  });
  return out.bytes();
}

/** The registry's builder. Bytes: the biggest export is encoded line by line instead of becoming one huge string first. */
export const excerptsCsvExport: ExportBuilder = (state, { csvRaw }) => ok(excerptsCsvBytes(state, undefined, { raw: csvRaw }));
