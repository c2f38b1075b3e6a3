/** The codebook CSV: one row per code, in tree order. */
import type { ProjectState } from '../model/state';
import { codePath, codeTree } from '../model/codes';
import { toCsv, type CsvOptions } from './csv';
import { ok } from '../result';
import type { ExportBuilder } from './registry';

export const CODEBOOK_HEADER = ['code', 'code_path', 'parent', 'description', 'color', 'codings', 'documents'] as const;

/** One row per code in tree order: name, path, parent path, description, colour, counts. */
export function codebookRows(state: ProjectState): (string | number)[][] {
  return codeTree(state.codes.values()).map(({ code }) => {
    const codingIds = state.codingsByCode.get(code.id) ?? new Set<string>();
    const documents = new Set<string>();
    for (const id of codingIds) documents.add(state.codings.get(id)!.documentId);
    return [
      code.name,
      codePath(state, code.id),
      code.parentId ? codePath(state, code.parentId) : '',
      code.description,
      code.color,
      codingIds.size,
      documents.size,
    ];
  });
}

/** The codebook CSV; text cells a spreadsheet would run get a leading ' unless `options.raw`. */
export function codebookCsv(state: ProjectState, options: CsvOptions = {}): string {
  return toCsv(CODEBOOK_HEADER, codebookRows(state), options);
}

/** The registry's builder. */
export const codebookCsvExport: ExportBuilder = (state, { csvRaw }) => ok(codebookCsv(state, { raw: csvRaw }));
