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

/** What listing excerpts reads of a project. */
export type ExcerptSource = Pick<ProjectState, 'documents' | 'codes' | 'coders' | 'codings' | 'codingsByDocument' | 'memos'>;

/**
 * The codings of the given codes (by the coders shown), in the Excerpts view's order: by
 * document name, then position. No text is read, so even 100,000 of them are listed in a
 * few milliseconds; each card's text is built by excerptOf when the card is shown.
 */
export function codingsOfCodes(project: ExcerptSource, codeIds: readonly string[], shown: CodingShown = null): Coding[] {
  return listingOfCodes(project, codeIds, shown).rest();
}

/** Every coding that needs review (its text was edited and it could not be placed for sure), in the same order. */
export function codingsNeedingReview(project: ExcerptSource, shown: CodingShown = null): Coding[] {
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

/** Position in the text, then the end; the id settles ties, so the order never depends on which table a coding came from. */
function byPosition(a: Coding, b: Coding): number {
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
    private readonly keep: ((coding: Coding) => boolean) | null,
  ) {
    this.order = keep ? [...project.documents.values()].sort((a, b) => collator.compare(a.name, b.name)).map((d) => d.id) : [];
  }

  /** Whether every document is listed. */
  get complete(): boolean {
    return this.listed >= this.order.length;
  }

  /**
   * The codings of the next documents in order, until at least `wanted` are listed, or
   * `budget` codings have been looked at, or the documents run out.
   */
  first(wanted: number, budget: number): Coding[] {
    const out: Coding[] = [];
    let looked = 0;
    while (!this.complete && out.length < wanted && looked < budget) {
      const ids = this.project.codingsByDocument.get(this.order[this.listed++]!);
      if (!ids) continue;
      const codings: Coding[] = [];
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
  rest(): Coding[] {
    if (this.complete) return [];
    const from = this.listed;
    this.listed = this.order.length;
    const rank = new Map<string, number>();
    for (let i = from; i < this.order.length; i++) rank.set(this.order[i]!, i - from);
    // One pass over the codings table (faster than looking each up by id from the
    // per-document index), into a list per document, each then sorted by position.
    const byDocument: Coding[][] = Array.from({ length: this.order.length - from }, () => []);
    for (const coding of this.project.codings.values()) {
      const at = rank.get(coding.documentId);
      if (at !== undefined && this.keep!(coding)) byDocument[at]!.push(coding);
    }
    const out: Coding[] = [];
    for (const codings of byDocument) {
      codings.sort(byPosition);
      for (const coding of codings) out.push(coding);
    }
    return out;
  }
}

/** One excerpt's card: the passage with its context, its document, code and coder, and the memo lines given. */
export function excerptOf(project: Pick<ExcerptSource, 'documents' | 'codes' | 'coders'>, coding: Coding, memos: readonly string[] = []): Excerpt {
  const doc = project.documents.get(coding.documentId);
  const text = doc?.text ?? '';
  const code = project.codes.get(coding.codeId);
  return {
    coding,
    documentName: doc?.name ?? '',
    codeName: code?.name ?? '',
    codeColor: code?.color ?? '#7f7f7f',
    coderName: project.coders.get(coding.coderId)?.name ?? 'unknown coder',
    before: contextBefore(text, coding.start),
    text: text.slice(coding.start, coding.end),
    after: contextAfter(text, coding.end),
    memos: [...memos],
  };
}

/** Excerpts of the given codes across all documents (by the coders shown), ordered by document name and position. */
export function excerptsFor(project: ExcerptSource, codeIds: readonly string[], shown: CodingShown = null): Excerpt[] {
  const memoTexts = memoLinesByCoding(project);
  return codingsOfCodes(project, codeIds, shown).map((c) => excerptOf(project, c, memoTexts.get(c.id)));
}

/** Every coding that needs review, as excerpts, in the same order. */
export function reviewExcerpts(project: ExcerptSource, shown: CodingShown = null): Excerpt[] {
  const memoTexts = memoLinesByCoding(project);
  return codingsNeedingReview(project, shown).map((c) => excerptOf(project, c, memoTexts.get(c.id)));
}
