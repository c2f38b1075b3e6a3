/**
 * The memo manager's list: every memo of the project (journal, document, code, coding) in
 * one list, newest change first, with what each is about named as a person reads it, and
 * the filters of the manager: words in the title or text, kind, coder, and a range of
 * dates of the last change. Words match without regard to case or accents, each word
 * anywhere ("trust data" finds "Data … trusted").
 */
import type { Memo, MemoTarget } from '../model/schema';
import type { ProjectState } from '../model/state';
import type { CodingEntry } from '../model/coding-columns';
import { codePath } from '../model/codes';

export interface MemoFilter {
  /** Words that must all occur in the title or text. */
  words?: string;
  kinds?: readonly MemoTarget['kind'][];
  coderIds?: readonly string[];
  /** ISO dates (or times): only memos last changed on or after `from`, and on or before `to` (a date means the whole day). */
  from?: string;
  to?: string;
}

export interface MemoRow {
  memo: Memo;
  kind: MemoTarget['kind'];
  /** "Project journal", a document's name, a code's path, or a coding's document and quote; "(missing)" when the target is gone. */
  about: string;
  coderName: string;
}

/** Folds case and accents, so "Café" matches "cafe". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** Characters of a coding's quote shown in the list: enough to recognise the passage. */
const QUOTE_SHOWN = 40;

/** The tables memoList reads; documents need only their names (the renderer holds no texts). */
type MemoTables = Pick<ProjectState<{ id: string; name: string }, CodingEntry>, 'memos' | 'documents' | 'codes' | 'codings' | 'coders' | 'project'>;

function about(state: MemoTables, target: MemoTarget, textOf: TextOf): string {
  switch (target.kind) {
    case 'project':
      return 'Project journal';
    case 'document':
      return state.documents.get(target.id)?.name ?? '(missing document)';
    case 'code':
      return state.codes.has(target.id) ? codePath(state, target.id) : '(missing code)';
    case 'coding': {
      const coding = state.codings.get(target.id);
      if (!coding) return '(missing coding)';
      const document = state.documents.get(coding.documentId)?.name ?? '(missing document)';
      // The renderer's index holds no words: they are the document's text, when it is at hand;
      // until then the passage is named by where it is.
      const text = coding.quote ?? textOf(coding.documentId)?.slice(coding.start, coding.end);
      if (text === undefined) return `${document}: characters ${coding.start}–${coding.end}`;
      const quote = text.replace(/\s+/g, ' ').trim();
      let cut = QUOTE_SHOWN - 1;
      // Never half a surrogate pair (an emoji) before the ellipsis.
      if (/[\uD800-\uDBFF]/.test(quote[cut - 1] ?? '')) cut--;
      const shown = quote.length > QUOTE_SHOWN ? `${quote.slice(0, cut)}…` : quote;
      return `${document}: “${shown}”`;
    }
  }
}

/** The end of the day `to` names, when it is a date without a time, so "to 2026-03-01" includes that day. */
const endOf = (to: string) => (/^\d{4}-\d{2}-\d{2}$/.test(to) ? `${to}T23:59:59.999Z` : to);

/** A document's text by its id, when it is at hand (the renderer fetches texts on demand). */
export type TextOf = (documentId: string) => string | undefined;

/** The memos that pass `filter`, newest change first (ties by id); a coding memo is named by its passage's words, from `textOf` when the coding carries none. */
export function memoList(state: MemoTables, filter: MemoFilter = {}, textOf: TextOf = () => undefined): MemoRow[] {
  const words = fold(filter.words ?? '').split(/\s+/).filter((w) => w !== '');
  const kinds = filter.kinds ? new Set(filter.kinds) : null;
  const coders = filter.coderIds ? new Set(filter.coderIds) : null;
  const to = filter.to === undefined ? undefined : endOf(filter.to);
  const out: MemoRow[] = [];
  for (const memo of state.memos.values()) {
    if (kinds && !kinds.has(memo.target.kind)) continue;
    if (coders && !coders.has(memo.coderId)) continue;
    if (filter.from !== undefined && memo.modifiedAt < filter.from) continue;
    if (to !== undefined && memo.modifiedAt > to) continue;
    if (words.length > 0) {
      const text = fold(`${memo.title}\n${memo.text}`);
      if (!words.every((w) => text.includes(w))) continue;
    }
    out.push({ memo, kind: memo.target.kind, about: about(state, memo.target, textOf), coderName: state.coders.get(memo.coderId)?.name ?? 'unknown coder' });
  }
  return out.sort((a, b) => (a.memo.modifiedAt < b.memo.modifiedAt ? 1 : a.memo.modifiedAt > b.memo.modifiedAt ? -1 : a.memo.id < b.memo.id ? -1 : 1));
}
