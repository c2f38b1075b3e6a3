/**
 * Every code in tree order with its excerpts grouped by document: the shape of the HTML
 * report and the Markdown notes, which both read "code, then document, then excerpts".
 */
import type { Code, Coding, GlossDocument } from '../model/schema';
import type { ProjectState } from '../model/state';
import { codePathNames, codeTree } from '../model/codes';
import { memoLine, memoLinesByCoding } from '../model/memos';
import { documentsByName } from './document-order';

export interface Excerpt {
  coding: Coding;
  /** The text at the stored offsets (the truth), not the cached quote. */
  text: string;
  /** The coder's name, or the coder id if the coder is missing. */
  coder: string;
  /** Memo lines attached to this coding ("title: text"). */
  memos: string[];
}

export interface DocumentExcerpts {
  document: GlossDocument;
  excerpts: Excerpt[];
}

export interface CodeSection {
  code: Code;
  /** 0 for a top-level code. */
  depth: number;
  /** Names from the root down to this code. */
  path: string[];
  /** Documents in name order, each with its excerpts in text order; documents without any are left out. */
  documents: DocumentExcerpts[];
  /** Number of codings of this code (not of the codes below it). */
  count: number;
  /** Memo lines written about the code itself. */
  memos: string[];
}

/** The codes in tree order (siblings by name), each with its excerpts by document. */
export function excerptsByCode(state: ProjectState): CodeSection[] {
  const memos = memoLinesByCoding(state);
  const codeMemos = new Map<string, string[]>();
  for (const memo of state.memos.values()) {
    if (memo.target.kind === 'code') codeMemos.set(memo.target.id, [...(codeMemos.get(memo.target.id) ?? []), memoLine(memo)]);
  }
  const documentOrder = new Map(documentsByName(state).map((d, i) => [d.id, i]));
  return codeTree(state.codes.values()).map(({ code, depth }) => {
    const codings = [...(state.codingsByCode.get(code.id) ?? [])].map((id) => state.codings.get(id)!);
    const groups = new Map<string, Excerpt[]>();
    for (const coding of codings) {
      const document = state.documents.get(coding.documentId);
      if (!document) continue;
      const excerpt: Excerpt = {
        coding,
        text: document.text.slice(coding.start, coding.end),
        coder: state.coders.get(coding.coderId)?.name ?? coding.coderId,
        memos: memos.get(coding.id) ?? [],
      };
      const list = groups.get(document.id);
      if (list) list.push(excerpt);
      else groups.set(document.id, [excerpt]);
    }
    const documents = [...groups]
      .sort(([a], [b]) => documentOrder.get(a)! - documentOrder.get(b)!)
      .map(([id, excerpts]) => ({
        document: state.documents.get(id)!,
        excerpts: excerpts.sort((a, b) => a.coding.start - b.coding.start || a.coding.end - b.coding.end || (a.coding.id < b.coding.id ? -1 : 1)),
      }));
    return { code, depth, path: codePathNames(state, code.id), documents, count: codings.length, memos: codeMemos.get(code.id) ?? [] };
  });
}
