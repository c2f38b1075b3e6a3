/**
 * An edit of a text as a list of replacements in the old text's offsets, and the mapping
 * of old offsets to new ones that re-anchoring is built on. Pure string logic: no model.
 */
import { splitsSurrogatePair } from './quote';

/** Old text [start, end) becomes `text`. start === end is a pure insertion. */
export interface Replacement {
  start: number;
  end: number;
  text: string;
}

/**
 * The edit turning `before` into `after` as at most one replacement: the longest common
 * prefix and suffix are kept, the middle is replaced. For a single edit (a typo fixed, a
 * paragraph pasted or deleted) that is exactly the edit; for several edits at once it is
 * one replacement spanning all of them, which re-anchoring then treats as rewritten text.
 * The boundaries never cut a surrogate pair, so offsets mapped through it never do either.
 */
export function diffTexts(before: string, after: string): Replacement[] {
  if (before === after) return [];
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // Two different emoji share their high surrogate: do not keep half of one.
  if (splitsSurrogatePair(before, prefix) || splitsSurrogatePair(after, prefix)) prefix--;
  let suffix = 0;
  const maxSuffix = limit - prefix;
  while (suffix < maxSuffix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  if (splitsSurrogatePair(before, before.length - suffix) || splitsSurrogatePair(after, after.length - suffix)) suffix--;
  return [{ start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) }];
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
