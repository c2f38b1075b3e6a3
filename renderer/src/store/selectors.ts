/**
 * Selectors over the project mirror: the smallest pieces components need. Each says what it
 * reads (table versions, the coder filter), so a change recomputes only what it touched,
 * and counts come from the tallies kept per patch: after applying one coding, the panes'
 * lists cost a pass over the documents and codes, never one over the codings.
 */
import { distinctColors } from '../../../shared/model/colors';
import type { Code, Coder, Memo } from '../../../shared/model/schema';
import type { CodingEntry } from '../../../shared/model/coding-columns';
import type { DocumentEntry as IndexedDocument } from '../../../shared/model/document-index';
import { codeTree, descendantIds } from '../../../shared/model/codes';
import { codingsOfDocument } from '../../../shared/model/state';
import { derived, derivedKeyed, sameItems, shallowEqual } from './derive';
import { countedList } from './counted-list';
import { shownCount } from './tallies';
import type { AppState } from './types';

/** Whether the coder filter shows a coding; null when it shows every coder. */
export function codingFilter(coderFilter: AppState['coderFilter']): ((coding: CodingEntry) => boolean) | null {
  if (!coderFilter) return null;
  const shown = new Set(coderFilter);
  return (coding) => shown.has(coding.coderId);
}

/** The coders the filter shows, as a set (the same set until the filter changes); null shows everyone. */
const selectShownCoders = derived(
  (s) => [s.coderFilter],
  (s): ReadonlySet<string> | null => (s.coderFilter ? new Set(s.coderFilter) : null),
);

export interface CoderEntry {
  coder: Coder;
  /** Codings this coder made in the project. */
  codings: number;
  /** The coder filter shows them. */
  shown: boolean;
}

/** The project's coders by name, each in a colour that cannot be mistaken for another's. */
const selectCodersByName = derived(
  (s) => [s.project, s.versions.coders, s.versions.codes],
  (s): Coder[] => {
    if (!s.project) return [];
    const coders = [...s.project.coders.values()].sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
    // Coders pick their colour alone (at random, on first run): two may look alike side by
    // side, or like a code. These colours are the only ones any view shows for a coder.
    const codeColors = [...new Set([...s.project.codes.values()].map((c) => c.color))];
    const colors = distinctColors(
      coders.map((c) => c.color),
      codeColors,
    );
    return coders.map((coder, i) => (colors[i] === coder.color ? coder : { ...coder, color: colors[i]! }));
  },
);

/** Each coder's colour as every view shows it (toolbar, legend, filter, tooltip, agreement): one colour per coder. */
export const selectCoderColors = derived(
  (s) => [selectCodersByName(s)],
  (s): ReadonlyMap<string, string> => new Map(selectCodersByName(s).map((coder) => [coder.id, coder.color])),
);

/** The project's coders by name, with their codings and whether they are shown. */
export const selectProjectCoders = derived(
  (s) => [selectCodersByName(s), s.versions.codings, s.coderFilter],
  (s): CoderEntry[] =>
    selectCodersByName(s).map((coder) => ({
      coder,
      codings: s.tallies?.byCoder.get(coder.id) ?? 0,
      shown: !s.coderFilter || s.coderFilter.includes(coder.id),
    })),
  sameItems(shallowEqual),
);

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
export const selectCoderMarks = derived(
  (s) => [selectProjectCoders(s)],
  (s): ReadonlyMap<string, CoderLook> | null => {
    const shown = selectProjectCoders(s).filter((entry) => entry.shown);
    return shown.length > 1 ? new Map(shown.map(({ coder }) => [coder.id, { name: coder.name, color: coder.color }])) : null;
  },
  (a, b) => a === b || (!!a && !!b && sameLooks(a, b)),
);

/** A row of the Documents pane. */
export interface DocumentEntry {
  id: string;
  name: string;
  codings: number;
}

/** Documents by name (sorted again only when a document is added, renamed or removed). */
const selectDocumentsByName = derived(
  (s) => [s.project, s.versions.documents],
  (s): IndexedDocument[] =>
    s.project ? [...s.project.documents.values()].sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1)) : [],
);

/** Documents by name, with the codings the coder filter shows. */
export const selectDocumentList: (s: AppState) => DocumentEntry[] = countedList({
  order: selectDocumentsByName,
  key: (d) => d.id,
  row: (s, d): DocumentEntry => ({ id: d.id, name: d.name, codings: shownCount(s.tallies?.byDocumentAndCoder.get(d.id), selectShownCoders(s)) }),
  touched: (last) => last.documents,
});

export interface CodeRow {
  code: Code;
  depth: number;
  /** Codings of this code itself (by the coders the filter shows). */
  count: number;
  hasChildren: boolean;
}

/** The code tree (built again only when a code changes). */
const selectCodeTree = derived(
  (s) => [s.project, s.versions.codes],
  (s) => (s.project ? codeTree(s.project.codes.values()) : []),
);

/** The code tree in display order (depth first, siblings by name). */
export const selectCodeRows: (s: AppState) => CodeRow[] = countedList({
  order: selectCodeTree,
  key: (row) => row.code.id,
  row: (s, row, i): CodeRow => ({
    ...row,
    count: shownCount(s.tallies?.byCodeAndCoder.get(row.code.id), selectShownCoders(s)),
    hasChildren: (selectCodeTree(s)[i + 1]?.depth ?? -1) > row.depth,
  }),
  touched: (last) => last.codes,
});

/** Codes by name, for pickers. */
export const selectCodesByName = derived(
  (s) => [s.project, s.versions.codes],
  (s): Code[] => (s.project ? [...s.project.codes.values()].sort((a, b) => a.name.localeCompare(b.name)) : []),
  sameItems(),
);

/** A document's index entry (no text: see reader/document-text.ts for that). */
export const selectDocument = (id: string | null) => (s: AppState): IndexedDocument | null =>
  (id && s.project?.documents.get(id)) || null;

/** Codings of one document the coder filter shows, by position (the same array until one of them changes). */
export const selectDocumentCodings = derivedKeyed(
  (s, documentId) => [s.project, s.documentVersions.of(documentId), s.coderFilter],
  (s, documentId): CodingEntry[] => {
    if (!s.project) return [];
    const all = codingsOfDocument(s.project, documentId);
    const shown = codingFilter(s.coderFilter);
    return shown ? all.filter(shown) : all;
  },
  sameItems(),
);

/** Each code's name and colour, for highlights and stripes (the same map until one changes). */
export const selectCodeLooks = derived(
  (s) => [s.project, s.versions.codes],
  (s): Map<string, CodeLook> =>
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
export const selectMemosByCoding = derived(
  (s) => [s.project, s.versions.memos],
  (s): Map<string, Memo[]> => {
    const out = new Map<string, Memo[]>();
    if (!s.project) return out;
    for (const memo of s.project.memos.values()) {
      if (memo.target.kind !== 'coding') continue;
      const list = out.get(memo.target.id) ?? [];
      list.push(memo);
      out.set(memo.target.id, list);
    }
    return out;
  },
);

/** The project's name, or '' before one is open. */
export const selectProjectName = (s: AppState): string => s.project?.project.name ?? '';

/** Code ids in tree order, for the stripes' columns. */
export const selectCodeOrder = derived(
  (s) => [selectCodeTree(s)],
  (s): string[] => selectCodeTree(s).map((row) => row.code.id),
  sameItems(),
);

/** How many codings need review (their text was edited and they could not be placed for sure). */
export const selectReviewCount = (s: AppState): number => s.tallies?.review.size ?? 0;

/** The documents that hold codings needing review, each as "id content-key", sorted: one string, the same until one changes. */
export const selectReviewDocuments = derived(
  (s) => [s.project, s.versions.codings, s.versions.documents],
  (s): string => {
    if (!s.project || !s.tallies) return '';
    const ids = new Set<string>();
    for (const id of s.tallies.review) ids.add(s.project.codings.get(id)!.documentId);
    return [...ids]
      .sort()
      .map((id) => `${id} ${s.project!.documents.get(id)?.contentKey ?? ''}`)
      .join('\n');
  },
);
