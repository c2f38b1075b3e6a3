/**
 * An edit of a text as a list of replacements in the old text's offsets, and the mapping
 * of old offsets to new ones that re-anchoring is built on. Pure string logic: no model.
 */
import { diffLines } from './line-diff';
import { splitsSurrogatePair } from './quote';

/** Old text [start, end) becomes `text`. start === end is a pure insertion. */
export interface Replacement {
  start: number;
  end: number;
  text: string;
}

/**
 * Lengths of the common prefix and suffix of a[aStart, aEnd) and b[bStart, bEnd), not
 * overlapping, and never ending between the two halves of a surrogate pair.
 */
function commonEnds(a: string, aStart: number, aEnd: number, b: string, bStart: number, bEnd: number): { prefix: number; suffix: number } {
  const limit = Math.min(aEnd - aStart, bEnd - bStart);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(aStart + prefix) === b.charCodeAt(bStart + prefix)) prefix++;
  // Two different emoji share their high surrogate: do not keep half of one.
  if (prefix > 0 && (splitsSurrogatePair(a, aStart + prefix) || splitsSurrogatePair(b, bStart + prefix))) prefix--;
  let suffix = 0;
  while (suffix < limit - prefix && a.charCodeAt(aEnd - 1 - suffix) === b.charCodeAt(bEnd - 1 - suffix)) suffix++;
  if (suffix > 0 && (splitsSurrogatePair(a, aEnd - suffix) || splitsSurrogatePair(b, bEnd - suffix))) suffix--;
  return { prefix, suffix };
}

/**
 * The lines of `text`, each with the line breaks after it, and where each starts (plus the
 * text's length). Blank lines stay with the line before them: compared on their own, the
 * many identical blank lines of a transcript would let the diff pair up unrelated paragraphs.
 */
function linesOf(text: string): { lines: string[]; starts: number[] } {
  const lines: string[] = [];
  const starts: number[] = [];
  for (let at = 0; at < text.length; ) {
    const newline = text.indexOf('\n', at);
    let next = newline < 0 ? text.length : newline + 1;
    while (next < text.length && text.charCodeAt(next) === 10) next++;
    starts.push(at);
    lines.push(text.slice(at, next));
    at = next;
  }
  starts.push(text.length);
  return { lines, starts };
}

/**
 * Beyond this many inserted or deleted lines the text counts as rewritten, and everything
 * between the first and the last change becomes one replacement. Real corrections touch a
 * few paragraphs; this keeps the diff's work (quadratic in the edits) to milliseconds.
 */
const MAX_LINE_EDITS = 2000;

/**
 * The edit turning `before` into `after`, as replacements. Lines (paragraphs, in most
 * transcripts) are compared first, and each changed stretch of lines is then narrowed to
 * the characters that differ. So typos fixed in three paragraphs are three small
 * replacements and the codings between them stay where they were, and a paragraph moved
 * elsewhere is a deletion and an insertion of whole lines. Two changes within one paragraph
 * are one replacement spanning both. No boundary cuts a surrogate pair, so offsets mapped
 * through the edit never do either.
 */
export function diffTexts(before: string, after: string): Replacement[] {
  if (before === after) return [];
  const a = linesOf(before);
  const b = linesOf(after);
  // Equal lines at both ends first: the line diff then only sees the changed middle.
  let head = 0;
  while (head < a.lines.length && head < b.lines.length && a.lines[head] === b.lines[head]) head++;
  let tail = 0;
  while (
    tail < a.lines.length - head &&
    tail < b.lines.length - head &&
    a.lines[a.lines.length - 1 - tail] === b.lines[b.lines.length - 1 - tail]
  ) {
    tail++;
  }
  const middle = { oldStart: head, oldEnd: a.lines.length - tail, newStart: head, newEnd: b.lines.length - tail };
  const hunks =
    diffLines(a.lines.slice(middle.oldStart, middle.oldEnd), b.lines.slice(middle.newStart, middle.newEnd), MAX_LINE_EDITS)?.map((h) => ({
      oldStart: h.oldStart + head,
      oldEnd: h.oldEnd + head,
      newStart: h.newStart + head,
      newEnd: h.newEnd + head,
    })) ?? [middle];
  const replacements: Replacement[] = [];
  const replace = (oldStart: number, oldEnd: number, newStart: number, newEnd: number) => {
    const aStart = a.starts[oldStart]!;
    const aEnd = a.starts[oldEnd]!;
    const bStart = b.starts[newStart]!;
    const bEnd = b.starts[newEnd]!;
    const ends = commonEnds(before, aStart, aEnd, after, bStart, bEnd);
    if (aEnd - aStart === bEnd - bStart && ends.prefix === aEnd - aStart) return; // the same lines
    replacements.push({ start: aStart + ends.prefix, end: aEnd - ends.suffix, text: after.slice(bStart + ends.prefix, bEnd - ends.suffix) });
  };
  for (const h of hunks) {
    const count = h.oldEnd - h.oldStart;
    // As many lines in as out: each line was changed in place (a word replaced throughout,
    // a speaker renamed), so each gets its own replacement and no coding sees a neighbour's.
    if (count > 1 && count === h.newEnd - h.newStart) {
      for (let i = 0; i < count; i++) replace(h.oldStart + i, h.oldStart + i + 1, h.newStart + i, h.newStart + i + 1);
    } else {
      replace(h.oldStart, h.oldEnd, h.newStart, h.newEnd);
    }
  }
  return replacements;
}

/** Applies sorted, non-overlapping replacements to `text`. */
export function applyReplacements(text: string, replacements: readonly Replacement[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const r of replacements) {
    parts.push(text.slice(at, r.start), r.text);
    at = r.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * How an old offset is carried into the new text when the edit touches it.
 * - `inside`: an offset strictly inside replaced text goes to the start or the end of
 *   what replaced it.
 * - `insertion`: an offset exactly where text was inserted stays before the inserted text
 *   or moves after it.
 */
export interface MapRule {
  inside: 'start' | 'end';
  insertion: 'before' | 'after';
}

/**
 * A passage's start: text inserted where it starts is outside it, and if its first
 * characters were rewritten it starts where the rewrite starts.
 */
export const PASSAGE_START: MapRule = { inside: 'start', insertion: 'after' };
/** A passage's end: text inserted where it ends is outside it. */
export const PASSAGE_END: MapRule = { inside: 'end', insertion: 'before' };

/** Old offsets to new ones through a fixed list of replacements. */
export class OffsetMap {
  /** newStarts[i]: where replacement i starts in the new text. */
  private readonly newStarts: number[] = [];

  /** `replacements` must be sorted by start and must not overlap. */
  constructor(readonly replacements: readonly Replacement[]) {
    let delta = 0;
    let previousEnd = 0;
    for (const r of replacements) {
      if (r.start < previousEnd || r.end < r.start) throw new Error('replacements must be sorted and must not overlap');
      this.newStarts.push(r.start + delta);
      delta += r.text.length - (r.end - r.start);
      previousEnd = r.end;
    }
  }

  /** True when nothing is replaced. */
  get isEmpty(): boolean {
    return this.replacements.length === 0;
  }

  /** Index of the first replacement that ends at or after `offset` (binary search). */
  private firstEndingFrom(offset: number): number {
    let lo = 0;
    let hi = this.replacements.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.replacements[mid]!.end < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The new offset of old `offset`. */
  map(offset: number, rule: MapRule): number {
    let i = this.firstEndingFrom(offset);
    // Every replacement before i ends before `offset`: the offset moves by their net growth.
    for (; i < this.replacements.length; i++) {
      const r = this.replacements[i]!;
      const newStart = this.newStarts[i]!;
      if (offset < r.start) return newStart - (r.start - offset);
      if (r.start === r.end) {
        // A pure insertion at exactly this offset.
        if (rule.insertion === 'before') return newStart;
        continue;
      }
      if (offset === r.start) return newStart;
      if (offset < r.end) return rule.inside === 'start' ? newStart : newStart + r.text.length;
      // offset === r.end: just after the replaced text; a following replacement may start here too.
      if (i + 1 >= this.replacements.length || this.replacements[i + 1]!.start > offset) return newStart + r.text.length;
    }
    const last = this.replacements.length - 1;
    if (last < 0) return offset;
    const r = this.replacements[last]!;
    return this.newStarts[last]! + r.text.length + (offset - r.end);
  }

  /** True when `offset` lies strictly inside replaced text, so where it went is unknown. */
  isInsideReplacement(offset: number): boolean {
    const r = this.replacements[this.firstEndingFrom(offset)];
    return r !== undefined && r.start < offset && offset < r.end;
  }

  /** How many characters of old [start, end) the edit replaced or deleted. */
  replacedWithin(start: number, end: number): number {
    let replaced = 0;
    for (let i = this.firstEndingFrom(start); i < this.replacements.length; i++) {
      const r = this.replacements[i]!;
      if (r.start >= end) break;
      replaced += Math.max(0, Math.min(end, r.end) - Math.max(start, r.start));
    }
    return replaced;
  }

  /**
   * True when the edit changes anything strictly within old [start, end): replaced text
   * overlapping it, or an insertion between its ends.
   */
  touchesInside(start: number, end: number): boolean {
    for (let i = this.firstEndingFrom(start); i < this.replacements.length; i++) {
      const r = this.replacements[i]!;
      if (r.start >= end) return false;
      if (r.start === r.end ? r.start > start : r.end > start) return true;
    }
    return false;
  }
}
