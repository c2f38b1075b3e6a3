/**
 * UTF-8 bytes built piece by piece in one growing buffer. A big export written this way
 * never exists as one JavaScript string: joining 100,000 CSV lines into a 60 MB string
 * and then encoding it for the file cost more than a tenth of the benchmark export.
 */

/** UTF-8 needs at most 3 bytes per UTF-16 unit (4 for a surrogate pair, which is 2 units). */
const MAX_BYTES_PER_UNIT = 3;

/** Collects UTF-8 text; `bytes()` gives what was written. */
export class Utf8Writer {
  private buffer: Uint8Array;
  private length = 0;
  private readonly encoder = new TextEncoder();

  constructor(initialBytes = 1 << 16) {
    this.buffer = new Uint8Array(initialBytes);
  }

  /** Appends `text` encoded as UTF-8 (a lone surrogate becomes U+FFFD, as TextEncoder does). */
  write(text: string): void {
    const needed = this.length + text.length * MAX_BYTES_PER_UNIT;
    if (needed > this.buffer.length) {
      const grown = new Uint8Array(Math.max(needed, this.buffer.length * 2));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.length += this.encoder.encodeInto(text, this.buffer.subarray(this.length)).written;
  }

  /** The bytes written so far (a view, not a copy). */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}
