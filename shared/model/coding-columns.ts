/**
 * Codings as the renderer holds them, and the compact form a snapshot carries them in.
 *
 * A coding stores its words (quote, and 32 characters of context either side) so that it
 * can be found again after an edit of its document's text. For every coding that does not
 * need review those words are the text at its offsets (the operations keep them so, and the
 * project check reports a coding where they are not), so the renderer, which fetches the
 * texts it shows, has no use for them: on the benchmark project they were 27 of the 59
 * million characters a snapshot sent, parsed and kept in the page. A coding that needs
 * review keeps its words: its quote is of the text before an edit, which no fetched text gives.
 *
 * The snapshot sends codings as columns (one array per field, documents, codes and coders
 * by their position in a list of ids), not as one object per coding: the field names and
 * the ids repeated 100,000 times were most of the rest.
 */
import type { Coding, CodingOrigin } from './schema';
import { quoteAt, type QuoteSelector } from '../text/quote';

/** The fields of a coding a fetched text gives back. */
type WordKey = keyof QuoteSelector;

/**
 * A coding in the renderer: the coding without its words, except when it needs review (its
 * quote is then of the text before an edit). A whole coding is one too.
 */
export type CodingEntry = Omit<Coding, WordKey> & Partial<QuoteSelector>;

/** A coding as the renderer holds it (see CodingEntry). */
export function codingEntry(coding: Coding | CodingEntry): CodingEntry {
  if (coding.needsReview || coding.quote === undefined) return coding;
  const { quote: _quote, prefix: _prefix, suffix: _suffix, ...rest } = coding;
  return rest;
}

/**
 * The words of a coding: its own when it carries them (a coding that needs review), else
 * the quote and context at its offsets in `text`, its document's current text.
 */
export function wordsOf(coding: CodingEntry, text: string): QuoteSelector {
  if (coding.quote !== undefined) return { quote: coding.quote, prefix: coding.prefix ?? '', suffix: coding.suffix ?? '' };
  return quoteAt(text, coding.start, coding.end);
}

/** The whole coding, given its document's current text. */
export function wholeCoding(coding: CodingEntry, text: string): Coding {
  return { ...coding, ...wordsOf(coding, text) };
}

/**
 * Codings as columns: row i is one coding. Documents, codes and coders are positions in
 * their id lists (any id, including one no table has: a damaged project opens too).
 */
export interface CodingColumns {
  documentIds: string[];
  codeIds: string[];
  coderIds: string[];
  id: string[];
  document: number[];
  code: number[];
  coder: number[];
  start: number[];
  end: number[];
  createdAt: string[];
  /** Rows of the codings that need review. */
  needsReview: number[];
  /** [row, origin] for the codings that have an origin (auto-coded, suggested). */
  origin: [number, CodingOrigin][];
  /** [row, words] for the codings that carry their words (those that need review). */
  words: [number, QuoteSelector][];
}

/** Positions of ids in a list that grows as new ids are met. */
class IdList {
  readonly ids: string[] = [];
  private readonly at = new Map<string, number>();

  position(id: string): number {
    let i = this.at.get(id);
    if (i === undefined) {
      i = this.ids.length;
      this.ids.push(id);
      this.at.set(id, i);
    }
    return i;
  }
}

/** The columns of `codings`, each as the renderer holds it (words only where it needs review). */
export function codingColumns(codings: Iterable<Coding | CodingEntry>): CodingColumns {
  const documents = new IdList();
  const codes = new IdList();
  const coders = new IdList();
  const out: CodingColumns = {
    documentIds: documents.ids,
    codeIds: codes.ids,
    coderIds: coders.ids,
    id: [],
    document: [],
    code: [],
    coder: [],
    start: [],
    end: [],
    createdAt: [],
    needsReview: [],
    origin: [],
    words: [],
  };
  let row = 0;
  for (const coding of codings) {
    out.id.push(coding.id);
    out.document.push(documents.position(coding.documentId));
    out.code.push(codes.position(coding.codeId));
    out.coder.push(coders.position(coding.coderId));
    out.start.push(coding.start);
    out.end.push(coding.end);
    out.createdAt.push(coding.createdAt);
    if (coding.needsReview) {
      out.needsReview.push(row);
      if (coding.quote !== undefined) out.words.push([row, { quote: coding.quote, prefix: coding.prefix ?? '', suffix: coding.suffix ?? '' }]);
    }
    if (coding.origin) out.origin.push([row, coding.origin]);
    row++;
  }
  return out;
}

/** The codings of `columns`, as the renderer holds them, in row order. */
export function codingsFromColumns(columns: CodingColumns): CodingEntry[] {
  const { id, document, code, coder, start, end, createdAt, documentIds, codeIds, coderIds } = columns;
  const codings: CodingEntry[] = new Array<CodingEntry>(id.length);
  for (let i = 0; i < id.length; i++) {
    codings[i] = {
      id: id[i]!,
      documentId: documentIds[document[i]!]!,
      codeId: codeIds[code[i]!]!,
      coderId: coderIds[coder[i]!]!,
      start: start[i]!,
      end: end[i]!,
      createdAt: createdAt[i]!,
      needsReview: false,
    };
  }
  for (const row of columns.needsReview) codings[row]!.needsReview = true;
  for (const [row, origin] of columns.origin) codings[row]!.origin = origin;
  for (const [row, words] of columns.words) Object.assign(codings[row]!, words);
  return codings;
}
