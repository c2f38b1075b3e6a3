/**
 * The passages an auto-code widens a hit to, and that suggestions rank: sentences and
 * paragraphs of a document's text, as UTF-16 offsets (end exclusive).
 *
 * - Sentence: Intl.Segmenter with granularity "sentence" in the document's language
 *   (Unicode's sentence rules, UAX #29; a line break ends a sentence), trimmed of the white
 *   space around it.
 * - Paragraph: the document's own blocks where it has them (paragraph, heading, list item,
 *   table cell and quote ranges from its import, the innermost where they nest); elsewhere
 *   a maximal run of non-blank lines, without the line break that ends it.
 *
 * Segmenting 10 million characters takes a second or so, so each document's sentences are
 * kept per document object (a document whose text changes is a new object).
 */
import type { GlossDocument, StructureRange } from '../model/schema';

export interface Span {
  start: number;
  end: number;
}

/** Sentences of one text: each segment's start (untrimmed, so every offset falls in one) and its trimmed extent. */
export interface SentenceList {
  /** Untrimmed starts, ascending; segment i runs to segment i + 1's start. */
  starts: Int32Array;
  trimmedStarts: Int32Array;
  trimmedEnds: Int32Array;
}

const BLOCK_KINDS = new Set<StructureRange['kind']>(['paragraph', 'heading', 'list-item', 'table-cell', 'quote']);
const WHITE = /\s/;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(language: string): Intl.Segmenter {
  let found = segmenters.get(language);
  if (!found) {
    let locale = language;
    try {
      new Intl.Segmenter(language, { granularity: 'sentence' });
    } catch {
      locale = 'en';
    }
    found = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(language, found);
  }
  return found;
}

/** `span` of `text` without white space at either end (empty when it holds only white space). */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && WHITE.test(text[start]!)) start++;
  while (end > start && WHITE.test(text[end - 1]!)) end--;
  return { start, end };
}

/** The sentences of `text` in `language`. */
export function segmentSentences(text: string, language: string): SentenceList {
  const starts: number[] = [];
  const trimmedStarts: number[] = [];
  const trimmedEnds: number[] = [];
  const sentences = segmenter(language);
  // Line by line: UAX #29 always breaks after a line feed (rule SB4) and no rule looks
  // across one, so each line with its line feed segments as it would in the whole text;
  // ICU does it about a third faster on lines than on a 10,000-character text.
  for (let line = 0; line < text.length; ) {
    const feed = text.indexOf('\n', line);
    const next = feed < 0 ? text.length : feed + 1;
    for (const part of sentences.segment(text.slice(line, next))) {
      const at = line + part.index;
      const { start, end } = trimSpan(text, at, at + part.segment.length);
      starts.push(at);
      trimmedStarts.push(start);
      trimmedEnds.push(end);
    }
    line = next;
  }
  return { starts: Int32Array.from(starts), trimmedStarts: Int32Array.from(trimmedStarts), trimmedEnds: Int32Array.from(trimmedEnds) };
}

const sentenceCache = new WeakMap<GlossDocument, { language: string; list: SentenceList }>();

/** The sentences of `doc` in `language`, segmented once per document object. */
export function sentencesOf(doc: GlossDocument, language: string): SentenceList {
  const cached = sentenceCache.get(doc);
  if (cached && cached.language === language) return cached.list;
  const list = segmentSentences(doc.text, language);
  sentenceCache.set(doc, { language, list });
  return list;
}

/** Index of the last value in ascending `values` that is at most `offset` (-1 when none is). */
export function lastAtOrBefore(values: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The trimmed sentence holding `offset`, or null when its segment is only white space. */
export function sentenceAt(list: SentenceList, offset: number): Span | null {
  const i = lastAtOrBefore(list.starts, offset);
  if (i < 0) return null;
  const span = { start: list.trimmedStarts[i]!, end: list.trimmedEnds[i]! };
  return span.end > span.start ? span : null;
}

/** Every non-empty trimmed sentence, in order. */
export function sentenceSpans(list: SentenceList): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < list.starts.length; i++) {
    if (list.trimmedEnds[i]! > list.trimmedStarts[i]!) out.push({ start: list.trimmedStarts[i]!, end: list.trimmedEnds[i]! });
  }
  return out;
}

/** Maximal runs of non-blank lines of `text` (a blank line holds only white space), without their ending line break. */
export function blankLineParagraphs(text: string): Span[] {
  const out: Span[] = [];
  let runStart = -1;
  let runEnd = -1;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    let blank = true;
    for (let i = lineStart; i < lineEnd; i++) {
      if (!WHITE.test(text[i]!)) {
        blank = false;
        break;
      }
    }
    if (blank) {
      if (runStart >= 0) out.push({ start: runStart, end: runEnd });
      runStart = -1;
    } else {
      if (runStart < 0) runStart = lineStart;
      runEnd = lineEnd;
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  if (runStart >= 0) out.push({ start: runStart, end: runEnd });
  return out;
}

/**
 * The document's innermost block ranges (a block holding no other block), sorted by
 * start; only ranges that lie inside the text and hold some of it count.
 */
export function leafBlocks(doc: Pick<GlossDocument, 'text' | 'structure'>): Span[] {
  const blocks = doc.structure
    .filter((r) => BLOCK_KINDS.has(r.kind) && r.start < r.end && r.end <= doc.text.length)
    .map((r) => ({ start: r.start, end: r.end }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  // Sorted by start, outer first: a block is a leaf unless the next one starts inside it.
  return blocks.filter((b, i) => {
    const next = blocks[i + 1];
    return !(next && next.start < b.end && next.end <= b.end);
  });
}

/** Paragraph lookup for one document: its leaf blocks where it has structure, blank-line runs elsewhere. */
export interface ParagraphList {
  blocks: Span[];
  plain: Span[];
}

const paragraphCache = new WeakMap<GlossDocument, ParagraphList>();

/** The paragraphs of `doc`, worked out once per document object. */
export function paragraphsOf(doc: GlossDocument): ParagraphList {
  let list = paragraphCache.get(doc);
  if (!list) {
    list = { blocks: leafBlocks(doc), plain: blankLineParagraphs(doc.text) };
    paragraphCache.set(doc, list);
  }
  return list;
}

/** The span in `spans` (sorted by start) holding `offset`, or null. */
function spanHolding(spans: readonly Span[], offset: number): Span | null {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  // Leaf blocks do not nest, but neighbours may overlap; look back past those that end too early.
  for (let i = lo - 1; i >= 0 && i >= lo - 4; i--) {
    const span = spans[i]!;
    if (span.start <= offset && offset < span.end) return span;
  }
  return null;
}

/** The paragraph holding `offset`: the document's block there, else the run of non-blank lines; null on a blank line. */
export function paragraphAt(list: ParagraphList, offset: number): Span | null {
  return spanHolding(list.blocks, offset) ?? spanHolding(list.plain, offset);
}

/** Every paragraph of the document, in order: its leaf blocks if it has any, otherwise its blank-line runs. */
export function paragraphSpans(list: ParagraphList): Span[] {
  return list.blocks.length > 0 ? list.blocks : list.plain;
}
