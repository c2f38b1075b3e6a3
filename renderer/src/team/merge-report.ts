/** Merge reports in words, for the merge dialog and its summary. */
import { TABLES, type Table } from '../../../shared/model/schema';
import type { MergeConflict, Side } from '../../../shared/merge/types';

const NAMES: Record<Table, [string, string]> = {
  coders: ['coder', 'coders'],
  documents: ['document', 'documents'],
  codes: ['code', 'codes'],
  codings: ['coding', 'codings'],
  memos: ['memo', 'memos'],
  cases: ['case', 'cases'],
  variables: ['variable', 'variables'],
  sets: ['set', 'sets'],
  summaries: ['summary', 'summaries'],
};

/** "2 documents, 1 code, 14 codings" in the file's table order; "nothing" when every count is 0. */
export function countsText(counts: Partial<Record<Table, number>>): string {
  const parts = TABLES.filter((t) => (counts[t] ?? 0) > 0).map((t) => {
    const n = counts[t]!;
    return `${n} ${NAMES[t][n === 1 ? 0 : 1]}`;
  });
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

/** How entities were matched across the two files, or null when none were. */
export function matchedText(matched: { byId: number; byTextHash: number; byCodePath: number }): string | null {
  const parts: string[] = [];
  if (matched.byId > 0) parts.push(`${matched.byId} by id`);
  if (matched.byTextHash > 0) parts.push(`${matched.byTextHash} document${matched.byTextHash === 1 ? '' : 's'} by text`);
  if (matched.byCodePath > 0) parts.push(`${matched.byCodePath} code${matched.byCodePath === 1 ? '' : 's'} by path of names`);
  return parts.length > 0 ? parts.join(', ') : null;
}

/** The same side chosen for every conflict (replacing earlier choices): "Take all from …". */
export function takeAll(conflicts: readonly MergeConflict[], side: Side): Record<string, Side> {
  return Object.fromEntries(conflicts.map((c) => [c.id, side]));
}

/** Whether every conflict has a side chosen. */
export function allChosen(conflicts: readonly MergeConflict[], choices: Readonly<Record<string, Side>>): boolean {
  return conflicts.every((c) => choices[c.id] === 'ours' || choices[c.id] === 'theirs');
}
