/**
 * Memos in the exports: every memo as a row of the workbook's Memos sheet, and the memos
 * that no code section carries (the project journal and memos on documents) as their own
 * part of the HTML report and the Markdown notes. Memos on codes and codings already sit
 * beside their code and excerpt there.
 */
import type { Memo, MemoTarget } from '../model/schema';
import type { ProjectState } from '../model/state';
import { memoList } from '../analysis/memo-list';
import { documentsByName } from './document-order';
import type { Cell, SheetSpec } from './workbook';

export const MEMOS_SHEET = 'Memos';
export const MEMOS_HEADER = ['kind', 'about', 'title', 'text', 'coder', 'created_at', 'modified_at'] as const;

const KIND_WORDS: Record<MemoTarget['kind'], string> = { project: 'project journal', document: 'document', code: 'code', coding: 'coding' };

/** The Memos sheet: one row per memo, newest change first; null when the project has none. */
export function memoSheet(state: ProjectState): SheetSpec | null {
  if (state.memos.size === 0) return null;
  const rows: Cell[][] = memoList(state).map((r) => [KIND_WORDS[r.kind], r.about, r.memo.title, r.memo.text, r.coderName, r.memo.createdAt, r.memo.modifiedAt]);
  return { name: MEMOS_SHEET, header: MEMOS_HEADER, rows, wrap: [MEMOS_HEADER.indexOf('text')], dates: [MEMOS_HEADER.indexOf('created_at'), MEMOS_HEADER.indexOf('modified_at')] };
}

const oldestFirst = (a: Memo, b: Memo) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The journal (project memos, oldest first) and each document's memos (documents by name), for the report and the notes. */
export function journalAndDocumentMemos(state: ProjectState): { journal: Memo[]; documents: { name: string; memos: Memo[] }[] } {
  const journal: Memo[] = [];
  const byDocument = new Map<string, Memo[]>();
  for (const memo of state.memos.values()) {
    if (memo.target.kind === 'project') journal.push(memo);
    else if (memo.target.kind === 'document') byDocument.set(memo.target.id, [...(byDocument.get(memo.target.id) ?? []), memo]);
  }
  const documents = documentsByName(state)
    .filter((d) => byDocument.has(d.id))
    .map((d) => ({ name: d.name, memos: byDocument.get(d.id)!.sort(oldestFirst) }));
  return { journal: journal.sort(oldestFirst), documents };
}
