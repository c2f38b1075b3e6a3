/**
 * Gloss offsets are UTF-16 code unit indices (JavaScript string indices); the REFI-QDA
 * spec and the W3C Web Annotation model count Unicode code points. The two differ only
 * after a character outside the Basic Multilingual Plane (an emoji): one code point, two
 * code units. These are the small pieces every conversion between them needs.
 */

export const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
export const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** Whether the code unit at `i` is the second half of a surrogate pair (not a code point of its own). */
export function isPairTail(text: string, i: number): boolean {
  return i > 0 && isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1));
}

/** How many entries of the ascending list `sorted` are less than `value` (binary search). */
export function countBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * A function from a UTF-16 offset in `text` to the code point index of the same place.
 * One pass over the text, then a binary search per offset: cheap for many codings.
 */
export function codePointCounter(text: string): (offset: number) => number {
  const tails: number[] = [];
  for (let i = 1; i < text.length; i++) if (isPairTail(text, i)) tails.push(i);
  return (offset) => offset - countBelow(tails, offset);
}
