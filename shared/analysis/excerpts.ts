/**
 * The Excerpts view's list: every coding of the chosen codes, with a little context. From
 * the project, the words are cut from the documents' texts; from the renderer's index,
 * which has no texts and whose codings carry no words (coding-columns.ts), from the texts
 * the renderer fetches for the cards it shows. Until a card's text is here its excerpt is
 * `pending`; a coding that carries its words (one that needs review) shows those meanwhile.
 */
import type { GlossDocument } from '../model/schema';
import type { CodingEntry } from '../model/coding-columns';
import type { ProjectState } from '../model/state';
import { textLengthOf, type DocumentEntry } from '../model/document-index';
import { memoLinesByCoding } from '../model/memos';

/** Characters of context shown on each side of an excerpt: about half a line. */
export const EXCERPT_CONTEXT = 40;

export interface Excerpt {
  coding: CodingEntry;
  documentName: string;
  codeName: string;
  codeColor: string;
  coderName: string;
  /** Context before, with "…" when the text goes on. */
  before: string;
  /**
   * The coded passage, sliced from the document (the stored offsets are the truth), or,
   * where the text is not at hand, the quote the coding carries, if it carries one.
   */
  text: string;
  after: string;
  memos: string[];
  /** True when neither the text nor the coding's words were at hand: before, text and after are empty until the text is fetched. */
  pending: boolean;
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
function wordsFromText(text: string, coding: CodingEntry): Pick<Excerpt, 'before' | 'text' | 'after' | 'pending'> {
  const from = Math.max(0, coding.start - EXCERPT_CONTEXT);
  const to = Math.min(text.length, coding.end + EXCERPT_CONTEXT);
  return {
    before: trimBefore(text.slice(from, coding.start), from > 0, from > 0 && /\s/.test(text[from - 1]!)),
    text: text.slice(coding.start, coding.end),
    after: trimAfter(text.slice(coding.end, to), to < text.length, to < text.length && /\s/.test(text[to]!)),
    pending: false,
  };
}

/**
 * The words of an excerpt without the document's text (the renderer's index has none): the
 * quote and the context the coding carries, which the operations keep equal to the text at
 * its offsets. Not for a coding that needs review: its quote is of the text before an edit.
 */
function wordsFromCoding(coding: CodingEntry, textLength: number): Pick<Excerpt, 'before' | 'text' | 'after' | 'pending'> {
  if (coding.quote === undefined || coding.prefix === undefined || coding.suffix === undefined) return { before: '', text: '', after: '', pending: true };
  return {
    pending: false,
    before: trimBefore(coding.prefix, coding.start > coding.prefix.length, false),
    text: coding.quote,
    after: trimAfter(coding.suffix, coding.end + coding.suffix.length < textLength, false),
  };
}

/** Which codings the coder filter shows; null shows all. */
export type CodingShown = ((coding: CodingEntry) => boolean) | null;

/** A document's text when it is at hand (the renderer fetches texts), else undefined. */
export type TextOf = (documentId: string) => string | undefined;

/** The tables excerpts are drawn from: the project, or the renderer's index of it. */
export type ExcerptSource = Pick<ProjectState<GlossDocument | DocumentEntry, CodingEntry>, 'documents' | 'codings' | 'codingsByDocument' | 'codes' | 'coders' | 'memos'>;

/**
 * The codings of the given codes (by the coders shown), in the Excerpts view's order: by
 * document name, then position. No text is read, so even 100,000 of them are listed in a
 * few milliseconds; each card's text is built by excerptOf when the card is shown.
 */
export function codingsOfCodes(project: ExcerptSource, codeIds: readonly string[], shown: CodingShown = null): CodingEntry[] {
  return listingOfCodes(project, codeIds, shown).rest();
}

/** Every coding that needs review (its text was edited and it could not be placed for sure), in the same order. */
export function codingsNeedingReview(project: ExcerptSource, shown: CodingShown = null): CodingEntry[] {
  return listingNeedingReview(project, shown).rest();
}

/** codingsOfCodes as a listing, to be built in parts (see CodingListing). */
export function listingOfCodes(project: ExcerptSource, codeIds: readonly string[], shown: CodingShown = null): CodingListing {
  const wanted = new Set(codeIds);
  return new CodingListing(project, wanted.size === 0 ? null : (c) => wanted.has(c.codeId) && (!shown || shown(c)));
}

/** codingsNeedingReview as a listing, to be built in parts (see CodingListing). */
export function listingNeedingReview(project: ExcerptSource, shown: CodingShown = null): CodingListing {
  return new CodingListing(project, (c) => !!c.needsReview && (!shown || shown(c)));
}

/** Document names compare as localeCompare does; one collator is much faster than a call per comparison. */
const collator = new Intl.Collator();

/** Documents by name, the order excerpts are listed in. */
export function documentsByName<D extends { id: string; name: string }>(documents: ReadonlyMap<string, D>): D[] {
  return [...documents.values()].sort((a, b) => collator.compare(a.name, b.name));
}

/** Position in the text, then the end; the id settles ties, so the order never depends on which table a coding came from. */
function byPosition(a: CodingEntry, b: CodingEntry): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The Excerpts view's list, built in two parts so that the first cards of a big project
 * are painted at once: `first` lists documents in order until it has enough codings
 * (looking each document's codings up through the per-document index: quick for a few
 * documents), and `rest` lists every document after those in one pass over the codings
 * table (quicker than the index for many). Together they are exactly the whole list.
 */
export class CodingListing {
  /** Document ids, in the view's order (by name). */
  private readonly order: string[];
  /** How many documents of `order` are listed so far. */
  private listed = 0;

  /** `keep` null lists nothing (no code chosen). */
  constructor(
    private readonly project: ExcerptSource,
    private readonly keep: ((coding: CodingEntry) => boolean) | null,
  ) {
    this.order = keep ? documentsByName(project.documents).map((d) => d.id) : [];
  }

  /** Whether every document is listed. */
  get complete(): boolean {
    return this.listed >= this.order.length;
  }

  /**
   * The codings of the next documents in order, until at least `wanted` are listed, or
   * `budget` codings have been looked at, or the documents run out.
   */
  first(wanted: number, budget: number): CodingEntry[] {
    const out: CodingEntry[] = [];
    let looked = 0;
    while (!this.complete && out.length < wanted && looked < budget) {
      const ids = this.project.codingsByDocument.get(this.order[this.listed++]!);
      if (!ids) continue;
      const codings: CodingEntry[] = [];
      for (const id of ids) {
        const coding = this.project.codings.get(id);
        if (coding && this.keep!(coding)) codings.push(coding);
      }
      looked += ids.size;
      codings.sort(byPosition);
      for (const coding of codings) out.push(coding);
    }
    return out;
  }

  /** The codings of every document not listed yet; the listing is then complete. */
  rest(): CodingEntry[] {
    if (this.complete) return [];
    const from = this.listed;
    this.listed = this.order.length;
    const rank = new Map<string, number>();
    for (let i = from; i < this.order.length; i++) rank.set(this.order[i]!, i - from);
    // One pass over the codings table (faster than looking each up by id from the
    // per-document index), into a list per document, each then sorted by position.
    const byDocument: CodingEntry[][] = Array.from({ length: this.order.length - from }, () => []);
    for (const coding of this.project.codings.values()) {
      const at = rank.get(coding.documentId);
      if (at !== undefined && this.keep!(coding)) byDocument[at]!.push(coding);
    }
    const out: CodingEntry[] = [];
    for (const codings of byDocument) {
      codings.sort(byPosition);
      for (const coding of codings) out.push(coding);
    }
    return out;
  }
}

/**
 * One excerpt's card: the passage with its context, its document, code and coder, and the
 * memo lines given. The words come from the document's text when the project has it, else
 * from `textOf` (texts the renderer fetched), else from the quote and context the coding
 * carries if it carries them (wrong for a coding that needs review: give its document's
 * text), else it is `pending`.
 */
export function excerptOf(
  project: Pick<ExcerptSource, 'documents' | 'codes' | 'coders'>,
  coding: CodingEntry,
  memos: readonly string[] = [],
  textOf?: TextOf,
): Excerpt {
  const doc = project.documents.get(coding.documentId);
  const text = doc && 'text' in doc ? doc.text : textOf?.(coding.documentId);
  // A coding whose document is gone (never so in a valid project) shows its quote, with no "…" after.
  const length = doc ? textLengthOf(doc) : coding.end + (coding.suffix?.length ?? 0);
  const code = project.codes.get(coding.codeId);
  return {
    coding,
    documentName: doc?.name ?? '',
    codeName: code?.name ?? '',
    codeColor: code?.color ?? '#7f7f7f',
    coderName: project.coders.get(coding.coderId)?.name ?? 'unknown coder',
    ...(text !== undefined ? wordsFromText(text, coding) : wordsFromCoding(coding, length)),
    memos: [...memos],
  };
}

/**
 * Excerpts of the given codes across all documents (by the coders shown), ordered by document name and position.
 * Without a document's text (an index entry, and `textOf` has none) the words come from the codings' quotes.
 */
export function excerptsFor(project: ExcerptSource, codeIds: readonly string[], shown: CodingShown = null, textOf?: TextOf): Excerpt[] {
  const memoTexts = memoLinesByCoding(project);
  return codingsOfCodes(project, codeIds, shown).map((c) => excerptOf(project, c, memoTexts.get(c.id), textOf));
}

/**
 * Every coding that needs review, as excerpts, in the same order. Its words are those of
 * the text as it is now, so for an index `textOf` must have the documents' texts.
 */
export function reviewExcerpts(project: ExcerptSource, shown: CodingShown = null, textOf?: TextOf): Excerpt[] {
  const memoTexts = memoLinesByCoding(project);
  return codingsNeedingReview(project, shown).map((c) => excerptOf(project, c, memoTexts.get(c.id), textOf));
}

/** The excerpts of one document's codings that `keep` keeps, by position (memo lines by coding id from memoLinesByCoding). */
export function documentExcerpts(
  project: ExcerptSource,
  doc: GlossDocument | DocumentEntry,
  keep: (coding: CodingEntry) => boolean,
  memoTexts: ReadonlyMap<string, string[]>,
  textOf?: TextOf,
): Excerpt[] {
  const codings = [...(project.codingsByDocument.get(doc.id) ?? [])]
    .map((id) => project.codings.get(id)!)
    .filter(keep)
    .sort(byPosition);
  return codings.map((coding) => excerptOf(project, coding, memoTexts.get(coding.id), textOf));
}
