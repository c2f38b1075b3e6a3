/**
 * The Excerpts view's list, memoised per document: after a change, only the documents whose
 * codings it touched are listed again (their versions moved, see versions.ts), and the list
 * is the same array when nothing in it changed. A change of what every excerpt shows (a
 * code's name or colour, a coder, a memo, a document's name) lists everything again.
 */
import { documentExcerpts, documentsByName, type Excerpt, type TextOf } from '../../../shared/analysis/excerpts';
import type { Coding } from '../../../shared/model/schema';
import { memoLinesByCoding } from '../../../shared/model/memos';
import type { ExcerptFilter } from './ui-slice';
import { codingFilter } from './selectors';
import type { AppState } from './types';

export interface ExcerptRequest {
  filter: ExcerptFilter;
  /** The chosen codes (for the 'codes' filter). */
  codeIds: readonly string[];
  /** Documents' texts at hand (the review list needs the texts as they are now). */
  textOf?: TextOf;
}

interface Memo {
  /** Everything that, when it changes, changes every excerpt. */
  inputs: readonly unknown[];
  /** Documents by name (their names and number are among the inputs). */
  documents: { id: string; name: string }[];
  perDocument: Map<string, { version: number; list: Excerpt[] }>;
  result: Excerpt[] | null;
}

/** A memoised excerpt list: one per view that shows one. */
export function createExcerptList(): (s: AppState, request: ExcerptRequest) => Excerpt[] {
  let memo: Memo | null = null;
  return (s, request) => {
    const project = s.project;
    if (!project) return [];
    const inputs = [
      project,
      request.filter,
      request.filter === 'codes' ? request.codeIds.join('\u0000') : '',
      request.textOf,
      s.coderFilter,
      s.versions.documents,
      s.versions.codes,
      s.versions.coders,
      s.versions.memos,
    ];
    if (!memo || inputs.some((input, i) => !Object.is(input, memo!.inputs[i]))) {
      memo = { inputs, documents: documentsByName(project.documents), perDocument: new Map(), result: null };
    }
    const shown = codingFilter(s.coderFilter);
    const wanted = new Set(request.codeIds);
    const keep =
      request.filter === 'review'
        ? (c: Coding) => !!c.needsReview && (!shown || shown(c))
        : (c: Coding) => wanted.has(c.codeId) && (!shown || shown(c));
    let memoTexts: Map<string, string[]> | null = null;
    let changed = memo.result === null;
    for (const { id } of memo.documents) {
      const version = s.documentVersions.of(id);
      const held = memo.perDocument.get(id);
      if (held && held.version === version) continue;
      memoTexts ??= memoLinesByCoding(project);
      memo.perDocument.set(id, { version, list: documentExcerpts(project, project.documents.get(id)!, keep, memoTexts, request.textOf) });
      changed = true;
    }
    if (changed) {
      const result: Excerpt[] = [];
      for (const { id } of memo.documents) for (const excerpt of memo.perDocument.get(id)!.list) result.push(excerpt);
      memo.result = result;
    }
    return memo.result!;
  };
}
