/**
 * The Excerpts view's list: every coding of the chosen codes, with a little context. From
 * the project, the words are cut from the documents' texts; from the renderer's index,
 * which has no texts, from the quote and context each coding carries (32 characters either
 * side rather than 40), and from fetched texts for codings that need review.
 */
import type { Coding, GlossDocument } from '../model/schema';
import type { ProjectState } from '../model/state';
import { textLengthOf, type DocumentEntry } from '../model/document-index';
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
  /**
   * The coded passage, sliced from the document (the stored offsets are the truth), or,
   * where the text is not at hand, the quote the coding carries (the same words).
   */
  text: string;
  after: string;
  memos: string[];
}

/**
 * Context before a passage: `slice` (the characters before it), cut at a word boundary so
 * it does not start mid-word, with "…" when the text goes on before it. `atWord` says
 * whether the slice is known to start at a word (the character before it is a space).
 */
function trimBefore(slice: string, more: boolean, atWord: boolean): string {
  if (!more) return slice;
  // Drop a partial first word (unless the slice happens to start right after a space).
  const space = atWord ? -1 : slice.search(/\s/);
  if (space >= 0 && space < slice.length - 1) slice = slice.slice(space + 1);
  return '…' + slice;
}

/** Context after a passage, cut at a word boundary, with "…" when the text goes on. */
function trimAfter(slice: string, more: boolean, atWord: boolean): string {
  if (!more) return slice;
  const space = atWord ? -1 : slice.search(/\s\S*$/);
  if (space > 0) slice = slice.slice(0, space);
  return slice + '…';
}

/** The words of an excerpt: from the document's text, `EXCERPT_CONTEXT` characters either side. */
function wordsFromText(text: string, coding: Coding): Pick<Excerpt, 'before' | 'text' | 'after'> {
  const from = Math.max(0, coding.start - EXCERPT_CONTEXT);
  const to = Math.min(text.length, coding.end + EXCERPT_CONTEXT);
  return {
    before: trimBefore(text.slice(from, coding.start), from > 0, from > 0 && /\s/.test(text[from - 1]!)),
    text: text.slice(coding.start, coding.end),
    after: trimAfter(text.slice(coding.end, to), to < text.length, to < text.length && /\s/.test(text[to]!)),
  };
}

/**
 * The words of an excerpt without the document's text (the renderer's index has none): the
 * quote and the context the coding carries, which the operations keep equal to the text at
 * its offsets. Not for a coding that needs review: its quote is of the text before an edit.
 */
function wordsFromCoding(coding: Coding, textLength: number): Pick<Excerpt, 'before' | 'text' | 'after'> {
  return {
    before: trimBefore(coding.prefix, coding.start > coding.prefix.length, false),
    text: coding.quote,
    after: trimAfter(coding.suffix, coding.end + coding.suffix.length < textLength, false),
  };
}

/** Which codings the coder filter shows; null shows all. */
export type CodingShown = ((coding: Coding) => boolean) | null;

/** A document's text when it is at hand (the renderer fetches texts), else undefined. */
export type TextOf = (documentId: string) => string | undefined;

/** The tables excerpts are drawn from: the project, or the renderer's index of it. */
export type ExcerptSource = Pick<ProjectState<GlossDocument | DocumentEntry>, 'documents' | 'codings' | 'codingsByDocument' | 'codes' | 'coders' | 'memos'>;

/**
 * Excerpts of the given codes across all documents (by the coders shown), ordered by document name and position.
 * Without a document's text (an index entry, and `textOf` has none) the words come from the codings' quotes.
 */
export function excerptsFor(project: ExcerptSource, codeIds: readonly string[], shown: CodingShown = null, textOf?: TextOf): Excerpt[] {
  const wanted = new Set(codeIds);
  return excerptsWhere(project, (c) => wanted.has(c.codeId) && (!shown || shown(c)), textOf);
}

/**
 * Every coding that needs review (its text was edited and it could not be placed for sure), in the same order.
 * Its words are those of the text as it is now, so for an index `textOf` must have the documents' texts.
 */
export function reviewExcerpts(project: ExcerptSource, shown: CodingShown = null, textOf?: TextOf): Excerpt[] {
  return excerptsWhere(project, (c) => !!c.needsReview && (!shown || shown(c)), textOf);
}

/** Documents by name, the order excerpts are listed in. */
export function documentsByName<D extends { id: string; name: string }>(documents: ReadonlyMap<string, D>): D[] {
  return [...documents.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function excerptsWhere(project: ExcerptSource, keep: (coding: Coding) => boolean, textOf?: TextOf): Excerpt[] {
  const memoTexts = memoLinesByCoding(project);
  const out: Excerpt[] = [];
  for (const doc of documentsByName(project.documents)) out.push(...documentExcerpts(project, doc, keep, memoTexts, textOf));
  return out;
}

/** The excerpts of one document's codings that `keep` keeps, by position (memo lines by coding id from memoLinesByCoding). */
export function documentExcerpts(
  project: ExcerptSource,
  doc: GlossDocument | DocumentEntry,
  keep: (coding: Coding) => boolean,
  memoTexts: ReadonlyMap<string, string[]>,
  textOf?: TextOf,
): Excerpt[] {
  const text = 'text' in doc ? doc.text : textOf?.(doc.id);
  const length = textLengthOf(doc);
  const codings = [...(project.codingsByDocument.get(doc.id) ?? [])]
    .map((id) => project.codings.get(id)!)
    .filter(keep)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  return codings.map((coding) => {
    const code = project.codes.get(coding.codeId);
    return {
      coding,
      documentName: doc.name,
      codeName: code?.name ?? '',
      codeColor: code?.color ?? '#7f7f7f',
      coderName: project.coders.get(coding.coderId)?.name ?? 'unknown coder',
      ...(text !== undefined ? wordsFromText(text, coding) : wordsFromCoding(coding, length)),
      memos: memoTexts.get(coding.id) ?? [],
    };
  });
}
