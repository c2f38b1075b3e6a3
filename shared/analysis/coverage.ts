/**
 * Counting codings and the characters they cover, per code, one document at a time. A
 * code's overlapping codings cover a character once: the codings of a document come in
 * order of start, so the union grows at the right edge only and is kept as one running end
 * per code, with no spans stored and nothing sorted per code. Typed arrays indexed by the
 * code's place in the tree, reset only where touched, keep a 100,000-coding project to a
 * few allocations.
 */

/** Codings and covered characters (UTF-16 code units) per code, in one document. */
export class CodeCoverage {
  readonly codings: Int32Array;
  readonly characters: Float64Array;
  private readonly end: Float64Array;
  /** The codes with at least one coding in the current document, in the order first seen. */
  readonly touched: number[] = [];

  constructor(codes: number) {
    this.codings = new Int32Array(codes);
    this.characters = new Float64Array(codes);
    this.end = new Float64Array(codes);
  }

  /** Counts a coding [start, end) of code `i`; calls within a document must come in order of start. */
  add(i: number, start: number, end: number): void {
    if (this.codings[i] === 0) {
      this.touched.push(i);
      this.end[i] = start;
    }
    this.codings[i]!++;
    const covered = this.end[i]!;
    if (end > covered) {
      this.characters[i]! += end - Math.max(start, covered);
      this.end[i] = end;
    }
  }

  /** Forgets the current document. */
  reset(): void {
    for (const i of this.touched) {
      this.codings[i] = 0;
      this.characters[i] = 0;
    }
    this.touched.length = 0;
  }
}
