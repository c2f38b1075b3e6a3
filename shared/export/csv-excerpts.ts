/** The coded-excerpts CSV: one row per coding. */
import type { ProjectState } from '../model/state';
import { codePath } from '../model/codes';
import { toCsv, type CsvOptions } from './csv';
import { documentsByName } from './document-order';
import { memoLinesByCoding } from '../model/memos';

export const EXCERPTS_HEADER = ['document', 'code', 'code_path', 'coder', 'start', 'end', 'text', 'memo', 'created_at'] as const;

/** Rows of the excerpts export, ordered by document name, position and code path. */
export function excerptRows(state: ProjectState, codeIds?: ReadonlySet<string>): (string | number)[][] {
  const memos = memoLinesByCoding(state);
  const paths = new Map<string, string>();
  const pathOf = (id: string) => {
    let p = paths.get(id);
    if (p === undefined) paths.set(id, (p = codePath(state, id)));
    return p;
  };
  const documents = documentsByName(state);
  const rows: (string | number)[][] = [];
  for (const doc of documents) {
    const codings = [...(state.codingsByDocument.get(doc.id) ?? [])]
      .map((id) => state.codings.get(id)!)
      .filter((c) => !codeIds || codeIds.has(c.codeId))
      .sort((a, b) => a.start - b.start || a.end - b.end || pathOf(a.codeId).localeCompare(pathOf(b.codeId)));
    for (const c of codings) {
      rows.push([
        doc.name,
        state.codes.get(c.codeId)?.name ?? '',
        pathOf(c.codeId),
        state.coders.get(c.coderId)?.name ?? c.coderId,
        c.start,
        c.end,
        // The stored offsets are the truth; the text comes from the document, not the cached quote.
        doc.text.slice(c.start, c.end),
        memos.get(c.id)?.join('\n\n') ?? '',
        c.createdAt,
      ]);
    }
  }
  return rows;
}

/** The excerpts CSV for all codings, or those of the given codes; formula-like text cells get a leading ' unless `options.raw`. */
export function excerptsCsv(state: ProjectState, codeIds?: ReadonlySet<string>, options: CsvOptions = {}): string {
  return toCsv(EXCERPTS_HEADER, excerptRows(state, codeIds), options);
}
