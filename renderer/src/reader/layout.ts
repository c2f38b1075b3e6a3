/**
 * How the reader lays a document out, as pure functions of its text and structure ranges.
 *
 * The text is cut into segments: one per line (split on '\n'), each rendered as one block
 * element holding exactly that line's text, so an offset maps to (segment, offset inside
 * it) and back; the '\n' after a line belongs to no segment. A line longer than
 * MAX_SEGMENT is cut into several segments at white space, so that no single element is
 * too long to lay out quickly. Segments are grouped into chunks of a few thousand
 * characters: the unit the reader renders or leaves out as the user scrolls.
 *
 * Structure ranges (see the schema) decorate segments: the innermost block range a line
 * lies in gives its kind (heading, list item…), a page range marks the line it starts in,
 * and speaker and timestamp ranges become inline marks inside their line.
 */
import type { StructureRange } from '../../../shared/model/schema';

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-cell' | 'quote';
export type InlineKind = 'speaker' | 'timestamp';

export interface InlineMark {
  kind: InlineKind;
  /** Offsets into the document, inside one segment. */
  start: number;
  end: number;
  label?: string;
}

export interface Segment {
  /** [start, end) of the document text; end is before the line's '\n'. */
  start: number;
  end: number;
  /** The innermost block range holding the line, if any. */
  block?: BlockKind;
  /** Heading level or list depth of that block. */
  level?: number;
  /** The block starts in this segment (a list item's first line gets its bullet). */
  blockStart?: boolean;
  /** The label of a page that starts in this segment. */
  page?: string;
  /** Speaker and timestamp marks inside the segment, in order, never overlapping. */
  marks?: InlineMark[];
  /** True when this segment goes on with the previous one's line (a very long line cut in pieces). */
  continued?: boolean;
}

export interface Chunk {
  index: number;
  /** Segments [first, last) of the layout. */
  first: number;
  last: number;
  /** [start, end) of the text the chunk shows. */
  start: number;
  end: number;
}

export interface Heading {
  start: number;
  end: number;
  level: number;
  /** The heading's text on one line, shortened for a menu. */
  title: string;
}

export interface ReaderLayout {
  length: number;
  segments: Segment[];
  chunks: Chunk[];
  headings: Heading[];
  /** Whether any page starts are marked (the reader then leaves room for page numbers). */
  hasPages: boolean;
}

export interface LayoutLimits {
  /** A chunk ends once it holds this many characters… */
  chunkChars: number;
  /** …or this many segments (many short lines are as costly as a few long ones). */
  chunkSegments: number;
  /** Longer lines are cut into several segments. */
  maxSegment: number;
}

/**
 * About a screenful of text per chunk: with a couple of chunks of overscan the reader shows
 * some 15,000 characters at a time, which lays out in a few milliseconds. Lines past 10,000
 * characters (a whole book pasted as one line) are cut so that none is slow to lay out.
 */
export const DEFAULT_LIMITS: LayoutLimits = { chunkChars: 3000, chunkSegments: 60, maxSegment: 10_000 };

const BLOCK_KINDS = new Set<string>(['heading', 'paragraph', 'list-item', 'table-cell', 'quote']);
const INLINE_KINDS = new Set<string>(['speaker', 'timestamp']);

/** Headings are shortened to this many characters in the outline. */
const TITLE_MAX = 90;

/** Where to cut a line too long for one segment: the last white space in the second half of the allowed length. */
function cutPoint(text: string, start: number, max: number): number {
  const hard = start + max;
  for (let i = hard; i > start + max / 2; i--) {
    if (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9) return i;
  }
  // No white space: cut anywhere, but not between the halves of a surrogate pair.
  const code = text.charCodeAt(hard - 1);
  return code >= 0xd800 && code <= 0xdbff ? hard - 1 : hard;
}

function segmentsOf(text: string, maxSegment: number): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    let from = start;
    while (end - from > maxSegment) {
      const cut = cutPoint(text, from, maxSegment);
      out.push(from === start ? { start: from, end: cut } : { start: from, end: cut, continued: true });
      from = cut;
    }
    out.push(from === start ? { start: from, end } : { start: from, end, continued: true });
    if (nl < 0) return out;
    start = nl + 1;
  }
}

/** Index of the last item whose `key` is at most `offset` (0 when none is). */
function lastAtOrBefore<T>(items: readonly T[], offset: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (key(items[mid]!) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Index of the segment holding `offset`; an offset at a '\n' belongs to the line before it. */
export function segmentIndexAt(layout: Pick<ReaderLayout, 'segments'>, offset: number): number {
  return lastAtOrBefore(layout.segments, offset, (s) => s.start);
}

/** Index of the chunk holding `offset` (by the same rule). */
export function chunkIndexAt(layout: Pick<ReaderLayout, 'chunks'>, offset: number): number {
  return lastAtOrBefore(layout.chunks, offset, (c) => c.start);
}

/** Index of the chunk holding segment `segment`. */
export function chunkOfSegment(layout: Pick<ReaderLayout, 'chunks'>, segment: number): number {
  return lastAtOrBefore(layout.chunks, segment, (c) => c.first);
}

/** The chunks [first, last] that [start, end) touches. */
export function chunkSpan(layout: Pick<ReaderLayout, 'chunks'>, start: number, end: number): { first: number; last: number } {
  return { first: chunkIndexAt(layout, start), last: chunkIndexAt(layout, Math.max(start, end - 1)) };
}

/** [start, end) cut to what `chunk` shows, or null when they do not overlap. */
export function clipToChunk(chunk: Pick<Chunk, 'start' | 'end'>, start: number, end: number): { start: number; end: number } | null {
  const from = Math.max(start, chunk.start);
  const to = Math.min(end, chunk.end);
  return from < to ? { start: from, end: to } : null;
}

function chunksOf(segments: readonly Segment[], limits: LayoutLimits): Chunk[] {
  const chunks: Chunk[] = [];
  let first = 0;
  let chars = 0;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    chars += segment.end - segment.start + 1;
    const last = i === segments.length - 1;
    if (last || chars >= limits.chunkChars || i + 1 - first >= limits.chunkSegments) {
      chunks.push({ index: chunks.length, first, last: i + 1, start: segments[first]!.start, end: segment.end });
      first = i + 1;
      chars = 0;
    }
  }
  return chunks;
}

/**
 * Gives each segment the kind of the innermost block range holding it (ranges come outer
 * first). A plain paragraph range never hides a more telling kind around it: a table cell
 * or list item holding a paragraph stays a table cell or list item.
 */
function applyBlocks(segments: Segment[], blocks: readonly StructureRange[]): void {
  for (const range of blocks) {
    for (let i = segmentIndexAt({ segments }, range.start); i < segments.length; i++) {
      const segment = segments[i]!;
      if (segment.start >= range.end) break;
      if (segment.end < range.start || (segment.end === range.start && segment.end > segment.start)) continue;
      if (range.kind === 'paragraph' && segment.block && segment.block !== 'paragraph') continue;
      segment.block = range.kind as BlockKind;
      if (range.level === undefined) delete segment.level;
      else segment.level = range.level;
      if (segment.start <= range.start) segment.blockStart = true;
      else delete segment.blockStart;
    }
  }
}

/** Puts speaker and timestamp ranges into their segments, cut to the segment, dropping overlaps. */
function applyMarks(segments: Segment[], marks: readonly StructureRange[]): void {
  for (const range of marks) {
    for (let i = segmentIndexAt({ segments }, range.start); i < segments.length; i++) {
      const segment = segments[i]!;
      if (segment.start >= range.end) break;
      const start = Math.max(range.start, segment.start);
      const end = Math.min(range.end, segment.end);
      if (start >= end) continue;
      const list = (segment.marks ??= []);
      const previous = list[list.length - 1];
      if (previous && previous.end > start) continue;
      const mark: InlineMark = { kind: range.kind as InlineKind, start, end };
      if (range.label !== undefined) mark.label = range.label;
      list.push(mark);
    }
  }
}

function headingsOf(text: string, ranges: readonly StructureRange[]): Heading[] {
  return ranges
    .filter((r) => r.kind === 'heading')
    .map((r) => {
      const title = text.slice(r.start, r.end).replace(/\s+/g, ' ').trim();
      return {
        start: r.start,
        end: r.end,
        level: r.level ?? 1,
        title: title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title,
      };
    });
}

/** The reader's layout of `text` with its structure ranges (ranges out of the text are ignored). */
export function readerLayout(text: string, structure: readonly StructureRange[] = [], limits: LayoutLimits = DEFAULT_LIMITS): ReaderLayout {
  const segments = segmentsOf(text, limits.maxSegment);
  const valid = structure
    .filter((r) => r.start < r.end && r.end <= text.length)
    .slice()
    .sort((a, b) => a.start - b.start || b.end - a.end);
  applyBlocks(
    segments,
    valid.filter((r) => BLOCK_KINDS.has(r.kind)),
  );
  applyMarks(
    segments,
    valid.filter((r) => INLINE_KINDS.has(r.kind)),
  );
  let hasPages = false;
  for (const page of valid) {
    if (page.kind !== 'page') continue;
    const segment = segments[segmentIndexAt({ segments }, page.start)]!;
    segment.page ??= page.label ?? '';
    hasPages = true;
  }
  return { length: text.length, segments, chunks: chunksOf(segments, limits), headings: headingsOf(text, valid), hasPages };
}
