/** The Excerpts view's list: every coding of the chosen codes, with a little context. */
import type { Coding } from '../model/schema';
import type { ProjectState } from '../model/state';
import { memoLinesByCoding } from '../model/memos';

/** Characters of context shown on each side of an excerpt: about half a line. */
export const EXCERPT_CONTEXT = 40;

export interface Excerpt {
  coding: Coding;
  documentName: string;
  codeName: string;
  codeColor: string;
  coderName: string;
  /** Context before, with "…" when the text goes on. */
  before: string;
  /** The coded passage, sliced from the document (the stored offsets are the truth). */
  text: string;
  after: string;
  memos: string[];
}

/** Cuts context at a word boundary near `EXCERPT_CONTEXT` characters, so it does not start mid-word. */
function contextBefore(text: string, start: number): string {
  const from = Math.max(0, start - EXCERPT_CONTEXT);
  let slice = text.slice(from, start);
  if (from > 0) {
    // Drop a partial first word (unless the slice happens to start right after a space).
    const space = /\s/.test(text[from - 1]!) ? -1 : slice.search(/\s/);
    if (space >= 0 && space < slice.length - 1) slice = slice.slice(space + 1);
    slice = '…' + slice;
  }
  return slice;
}

function contextAfter(text: string, end: number): string {
  const to = Math.min(text.length, end + EXCERPT_CONTEXT);
  let slice = text.slice(end, to);
  if (to < text.length) {
    const space = /\s/.test(text[to]!) ? -1 : slice.search(/\s\S*$/);
    if (space > 0) slice = slice.slice(0, space);
    slice = slice + '…';
  }
  return slice;
}

/** Which codings the coder filter shows; null shows all. */
export type CodingShown = ((coding: Coding) => boolean) | null;

/** Excerpts of the given codes across all documents (by the coders shown), ordered by document name and position. */
export function excerptsFor(project: ProjectState, codeIds: readonly string[], shown: CodingShown = null): Excerpt[] {
  const wanted = new Set(codeIds);
  return excerptsWhere(project, (c) => wanted.has(c.codeId) && (!shown || shown(c)));
}

/** Every coding that needs review (its text was edited and it could not be placed for sure), in the same order. */
export function reviewExcerpts(project: ProjectState, shown: CodingShown = null): Excerpt[] {
  return excerptsWhere(project, (c) => !!c.needsReview && (!shown || shown(c)));
}

function excerptsWhere(project: ProjectState, keep: (coding: Coding) => boolean): Excerpt[] {
  const memoTexts = memoLinesByCoding(project);
  const out: Excerpt[] = [];
  const documents = [...project.documents.values()].sort((a, b) => a.name.localeCompare(b.name));
  for (const doc of documents) {
    const codings = [...(project.codingsByDocument.get(doc.id) ?? [])]
      .map((id) => project.codings.get(id)!)
      .filter(keep)
      .sort((a, b) => a.start - b.start || a.end - b.end);
    for (const coding of codings) {
      const code = project.codes.get(coding.codeId);
      out.push({
        coding,
        documentName: doc.name,
        codeName: code?.name ?? '',
        codeColor: code?.color ?? '#7f7f7f',
        coderName: project.coders.get(coding.coderId)?.name ?? 'unknown coder',
        before: contextBefore(doc.text, coding.start),
        text: doc.text.slice(coding.start, coding.end),
        after: contextAfter(doc.text, coding.end),
        memos: memoTexts.get(coding.id) ?? [],
      });
    }
  }
  return out;
}
