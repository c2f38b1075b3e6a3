/** Selectors over the project mirror: the smallest pieces components need. */
import type { Code, Coding, GlossDocument, Memo } from '../../../shared/model/schema';
import { codeTree, descendantIds } from '../../../shared/model/codes';
import { codingsOfDocument } from '../../../shared/model/state';
import { perRevision, perRevisionKeyed, sameItems, shallowEqual } from './derive';
import type { AppState } from './types';

export interface DocumentEntry {
  id: string;
  name: string;
  codings: number;
}

/** Documents by name. */
export const selectDocumentList = perRevision((s: AppState): DocumentEntry[] => {
  if (!s.project) return [];
  return [...s.project.documents.values()]
    .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1))
    .map((d) => ({ id: d.id, name: d.name, codings: s.project!.codingsByDocument.get(d.id)?.size ?? 0 }));
}, sameItems(shallowEqual));

export interface CodeRow {
  code: Code;
  depth: number;
  /** Codings of this code itself. */
  count: number;
  hasChildren: boolean;
}

/** The code tree in display order (depth first, siblings by name). */
export const selectCodeRows = perRevision((s: AppState): CodeRow[] => {
  if (!s.project) return [];
  const rows = codeTree(s.project.codes.values());
  return rows.map((row, i) => ({
    ...row,
    count: s.project!.codingsByCode.get(row.code.id)?.size ?? 0,
    hasChildren: (rows[i + 1]?.depth ?? -1) > row.depth,
  }));
}, sameItems(shallowEqual));

/** Codes by name, for pickers. */
export const selectCodesByName = perRevision(
  (s: AppState): Code[] => (s.project ? [...s.project.codes.values()].sort((a, b) => a.name.localeCompare(b.name)) : []),
  sameItems(),
);

export const selectDocument = (id: string | null) => (s: AppState): GlossDocument | null =>
  (id && s.project?.documents.get(id)) || null;

export const selectCode = (id: string | null) => (s: AppState): Code | null => (id && s.project?.codes.get(id)) || null;

/** Codings of one document, by position (the same array until one of them changes). */
export const selectDocumentCodings = perRevisionKeyed(
  (s: AppState, documentId: string): Coding[] => (s.project ? codingsOfDocument(s.project, documentId) : []),
  sameItems(),
);

export interface CodeLook {
  name: string;
  color: string;
}

/** Each code's name and colour, for highlights and stripes (the same map until one changes). */
export const selectCodeLooks = perRevision(
  (s: AppState): Map<string, CodeLook> =>
    new Map(s.project ? [...s.project.codes.values()].map((c) => [c.id, { name: c.name, color: c.color }]) : []),
  (a, b) => a.size === b.size && [...a].every(([id, look]) => b.get(id)?.name === look.name && b.get(id)?.color === look.color),
);

/** Number of codings a code's deletion would remove (its own and its sub-codes'). */
export function codingsRemovedWithCode(s: AppState, codeId: string): number {
  if (!s.project) return 0;
  let total = 0;
  for (const id of descendantIds(s.project, codeId)) total += s.project.codingsByCode.get(id)?.size ?? 0;
  return total;
}

/** Memos attached to each coding. */
export const selectMemosByCoding = perRevision((s: AppState): Map<string, Memo[]> => {
  const out = new Map<string, Memo[]>();
  if (!s.project) return out;
  for (const memo of s.project.memos.values()) {
    if (memo.target.kind !== 'coding') continue;
    const list = out.get(memo.target.id) ?? [];
    list.push(memo);
    out.set(memo.target.id, list);
  }
  return out;
});

/** The project's name, or '' before one is open. */
export const selectProjectName = (s: AppState): string => s.project?.project.name ?? '';

/** Code ids in tree order, for the stripes' columns. */
export const selectCodeOrder = perRevision((s: AppState): string[] => selectCodeRows(s).map((row) => row.code.id), sameItems());

/** How many codings need review (their text was edited and they could not be placed for sure). */
export const selectReviewCount = perRevision((s: AppState): number => {
  let n = 0;
  for (const coding of s.project?.codings.values() ?? []) if (coding.needsReview) n++;
  return n;
});
