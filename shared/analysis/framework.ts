/**
 * The framework matrix: cases (or documents) × chosen codes, each cell holding the summary
 * the researcher wrote for it (shared/ops/summaries.ts) beside the number of codings behind
 * it, which open as its excerpts. Rows are the cases with a counted document, and any case
 * holding a summary on a chosen code, so nothing written is ever left out of the view or an
 * export by a filter; with documents as rows, the counted documents likewise.
 */
import type { Coding, Summary, SummaryRow } from '../model/schema';
import type { ProjectState } from '../model/state';
import { codePath } from '../model/codes';
import { cellKey } from '../merge/summaries';
import { analysisScope, codeRow, codingsByDocumentIn, codingsOfCodes, subtreeIds, type AnalysisFilter, type AnalysisProgress, type AnalysisState, type CodeRow } from './scope';

export type FrameworkState = AnalysisState & Pick<ProjectState, 'summaries' | 'project'>;

export interface FrameworkOptions {
  rows: 'cases' | 'documents';
  /** The columns, in this order; all codes shown by the filter when absent. */
  codeIds?: readonly string[];
  /** Count each code's sub-codes' codings in its cells too. */
  withSubcodes?: boolean;
}

export interface FrameworkRow extends SummaryRow {
  name: string;
  /** The counted documents of the row (for a document row, itself). */
  documentIds: string[];
}

export interface FrameworkCell {
  summary: Summary | null;
  /** Counted codings of the code in the row's documents. */
  codings: number;
}

export interface FrameworkMatrix {
  rows: FrameworkRow[];
  codes: CodeRow[];
  /** [row][code]. */
  cells: FrameworkCell[][];
}

/** The framework matrix of the project under `filter`. */
export function frameworkMatrix(state: FrameworkState, options: FrameworkOptions, filter: AnalysisFilter = {}, report?: AnalysisProgress): FrameworkMatrix {
  const scope = analysisScope(state, filter);
  const codeIds = (options.codeIds ?? scope.shown.map((i) => scope.tree[i]!.id)).filter((id) => scope.index.has(id));
  const codes = codeIds.map((id) => codeRow(state, scope, scope.index.get(id)!));
  const column = new Map(codeIds.map((id, i) => [id, i]));
  // Which columns a coding of each code counts in: its own, and its ancestors' when rolled up.
  const columnsOf = new Map<string, number[]>();
  for (const code of scope.tree) {
    const into: number[] = [];
    for (let a: number = scope.index.get(code.id)!; a >= 0; a = options.withSubcodes ? scope.parent[a]! : -1) {
      const c = column.get(scope.tree[a]!.id);
      if (c !== undefined) into.push(c);
    }
    if (into.length > 0) columnsOf.set(code.id, into);
  }

  const summaries = new Map<string, Summary>();
  for (const s of state.summaries.values()) {
    const key = cellKey(s);
    const there = summaries.get(key);
    if (!there || s.modifiedAt > there.modifiedAt) summaries.set(key, s);
  }

  const rows: FrameworkRow[] = [];
  if (options.rows === 'documents') {
    for (const doc of scope.documents) rows.push({ kind: 'document', id: doc.id, name: doc.name, documentIds: [doc.id] });
  } else {
    const summarised = new Set([...state.summaries.values()].filter((s) => s.row.kind === 'case' && column.has(s.codeId)).map((s) => s.row.id));
    const cases = [...state.cases.values()].sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
    for (const c of cases) {
      const documentIds = c.documentIds.filter((id) => scope.hasDocument(id));
      if (documentIds.length > 0 || summarised.has(c.id)) rows.push({ kind: 'case', id: c.id, name: c.name, documentIds: [...new Set(documentIds)] });
    }
  }

  const rowsOf = new Map<string, number[]>();
  rows.forEach((row, r) => {
    for (const id of row.documentIds) rowsOf.set(id, [...(rowsOf.get(id) ?? []), r]);
  });
  const counts = rows.map(() => new Array<number>(codes.length).fill(0));
  const byDocument = codingsByDocumentIn(state, scope);
  for (let d = 0; d < byDocument.length; d++) {
    report?.(d, byDocument.length);
    const { doc, codings } = byDocument[d]!;
    const inRows = rowsOf.get(doc.id);
    if (!inRows) continue;
    for (const coding of codings) {
      for (const c of columnsOf.get(coding.codeId) ?? []) for (const r of inRows) counts[r]![c]!++;
    }
  }
  const cells = rows.map((row, r) =>
    codes.map((code, c) => ({ summary: summaries.get(cellKey({ row: { kind: row.kind, id: row.id }, codeId: code.codeId })) ?? null, codings: counts[r]![c]! })),
  );
  return { rows, codes, cells };
}

/** The codings behind one cell, in document order: its excerpts, shown beside the summary while writing it. */
export function frameworkCellCodings(state: AnalysisState, row: Pick<FrameworkRow, 'documentIds'>, codeId: string, withSubcodes = false, filter: AnalysisFilter = {}): Coding[] {
  const documentIds = filter.documentIds ? row.documentIds.filter((id) => filter.documentIds!.includes(id)) : row.documentIds;
  const scope = analysisScope(state, { ...filter, documentIds });
  return codingsOfCodes(state, scope, withSubcodes ? subtreeIds(scope, codeId) : scope.index.has(codeId) ? [codeId] : []);
}

/**
 * The matrix as Markdown: a section per row, a sub-section per code with its summary and
 * how many codings lie behind it. Summaries are written as they are (a researcher's own
 * Markdown stays Markdown); a heading's name has its Markdown characters escaped.
 */
export function frameworkMarkdown(state: Pick<ProjectState, 'project' | 'codes'>, matrix: FrameworkMatrix): string {
  const escape = (text: string) => text.replace(/\s+/g, ' ').replace(/([\\`*_[\]#<|])/g, '\\$1');
  const lines = [`# Framework matrix: ${escape(state.project.name)}`, ''];
  matrix.rows.forEach((row, r) => {
    lines.push(`## ${escape(row.name)}`, '');
    matrix.codes.forEach((code, c) => {
      const cell = matrix.cells[r]![c]!;
      lines.push(`### ${escape(codePath(state, code.codeId))}`, '');
      lines.push(cell.summary ? cell.summary.text.trim() : '_No summary yet._', '');
      lines.push(`_${cell.codings === 1 ? '1 coding' : `${cell.codings} codings`}._`, '');
    });
  });
  return lines.join('\n');
}
