/** Selectors over the project mirror: the smallest pieces components need. */
import { distinctColors } from '../../../shared/model/colors';
import type { Code, Coder, Coding, GlossDocument, Memo } from '../../../shared/model/schema';
import { codeTree, descendantIds } from '../../../shared/model/codes';
import { codingsOfDocument } from '../../../shared/model/state';
import { perRevision, perRevisionKeyed, sameItems, shallowEqual } from './derive';
import type { AppState } from './types';

/** Whether the coder filter shows a coding; null when it shows every coder. */
export function codingFilter(coderFilter: AppState['coderFilter']): ((coding: Coding) => boolean) | null {
  if (!coderFilter) return null;
  const shown = new Set(coderFilter);
  return (coding) => shown.has(coding.coderId);
}

/** How many of the codings (ids) the filter shows. */
function countShown(s: AppState, ids: ReadonlySet<string> | undefined, shown: ((coding: Coding) => boolean) | null): number {
  if (!ids) return 0;
  if (!shown) return ids.size;
  let n = 0;
  for (const id of ids) if (shown(s.project!.codings.get(id)!)) n++;
  return n;
}

export interface CoderEntry {
  coder: Coder;
  /** Codings this coder made in the project. */
  codings: number;
  /** The coder filter shows them. */
  shown: boolean;
}

/** The project's coders by name, with their codings and whether they are shown. */
export const selectProjectCoders = perRevision((s: AppState): CoderEntry[] => {
  if (!s.project) return [];
  const counts = new Map<string, number>();
  for (const coding of s.project.codings.values()) counts.set(coding.coderId, (counts.get(coding.coderId) ?? 0) + 1);
  const coders = [...s.project.coders.values()].sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  // Coders pick their colour alone (at random, on first run): two may look alike side by side.
  const colors = distinctColors(coders.map((c) => c.color));
  return coders.map((coder, i) => ({
    coder: colors[i] === coder.color ? coder : { ...coder, color: colors[i]! },
    codings: counts.get(coder.id) ?? 0,
    shown: !s.coderFilter || s.coderFilter.includes(coder.id),
  }));
}, sameItems(shallowEqual));

/** A name and a colour: how a code (or a coder) is drawn. */
export interface CodeLook {
  name: string;
  color: string;
}

export type CoderLook = CodeLook;

/** Maps with the same names and colours under the same ids. */
function sameLooks(a: ReadonlyMap<string, CodeLook>, b: ReadonlyMap<string, CodeLook>): boolean {
  return a.size === b.size && [...a].every(([id, look]) => b.get(id)?.name === look.name && b.get(id)?.color === look.color);
}

/**
 * The shown coders' names and colours when more than one is shown (each coder's codings
 * are then marked in their colour); null when one coder is shown and marks would be noise.
 */
export const selectCoderMarks = perRevision(
  (s: AppState): ReadonlyMap<string, CoderLook> | null => {
    const shown = selectProjectCoders(s).filter((entry) => entry.shown);
    return shown.length > 1 ? new Map(shown.map(({ coder }) => [coder.id, { name: coder.name, color: coder.color }])) : null;
  },
  (a, b) => a === b || (!!a && !!b && sameLooks(a, b)),
);

export interface DocumentEntry {
  id: string;
  name: string;
  codings: number;
}

/** Documents by name, with the codings the coder filter shows. */
export const selectDocumentList = perRevision((s: AppState): DocumentEntry[] => {
  if (!s.project) return [];
  const shown = codingFilter(s.coderFilter);
  return [...s.project.documents.values()]
    .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1))
    .map((d) => ({ id: d.id, name: d.name, codings: countShown(s, s.project!.codingsByDocument.get(d.id), shown) }));
}, sameItems(shallowEqual));

export interface CodeRow {
  code: Code;
  depth: number;
  /** Codings of this code itself (by the coders the filter shows). */
  count: number;
  hasChildren: boolean;
}

/** The code tree in display order (depth first, siblings by name). */
export const selectCodeRows = perRevision((s: AppState): CodeRow[] => {
  if (!s.project) return [];
  const rows = codeTree(s.project.codes.values());
  const shown = codingFilter(s.coderFilter);
  return rows.map((row, i) => ({
    ...row,
    count: countShown(s, s.project!.codingsByCode.get(row.code.id), shown),
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

/** Codings of one document the coder filter shows, by position (the same array until one of them changes). */
export const selectDocumentCodings = perRevisionKeyed((s: AppState, documentId: string): Coding[] => {
  if (!s.project) return [];
  const all = codingsOfDocument(s.project, documentId);
  const shown = codingFilter(s.coderFilter);
  return shown ? all.filter(shown) : all;
}, sameItems());

/** Each code's name and colour, for highlights and stripes (the same map until one changes). */
export const selectCodeLooks = perRevision(
  (s: AppState): Map<string, CodeLook> =>
    new Map(s.project ? [...s.project.codes.values()].map((c) => [c.id, { name: c.name, color: c.color }]) : []),
  sameLooks,
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
