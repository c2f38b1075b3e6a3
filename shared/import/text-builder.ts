/**
 * Builds a document's plain text and its structure ranges together, so that every importer
 * follows the same text convention (see registry.ts): blocks are separated by one blank
 * line, a line break inside a block is one LF, no line and no block starts or ends with
 * white space, and ranges cover exactly the text of their block.
 *
 * Separators and white space are written lazily, only when content follows them; that is
 * what lets "<p>a<br></p>" or a trailing "\par" end a block without leaving stray
 * newlines, and what collapses white space across inline elements the way a browser does.
 */
import type { StructureRange } from '../model/schema';
import { MAX_TEXT_LENGTH } from './limits';

export type StructureKind = StructureRange['kind'];

export interface RangeOptions {
  /** Heading level, or list nesting depth (clamped to the schema's 1–9). */
  level?: number;
  /** Page label, speaker name, timestamp, table cell position. */
  label?: string;
}

/** How white space in written text is treated. */
export type WhiteSpace =
  /** HTML-like: runs of space, tab and newline become one space; none at a line's start or end. */
  | 'collapse'
  /** Spaces and tabs are kept (except at a line's end); newlines are line breaks. */
  | 'preserve';

interface OpenRange {
  kind: StructureKind | null;
  options: RangeOptions;
  /** Offset of the first content written inside, or -1 while there is none. */
  start: number;
  /** Inline spans (a speaker's name, a timestamp) add no separators. */
  inline: boolean;
}

/**
 * Characters dropped from imported text: C0 controls other than tab and LF (a PDF's NULs,
 * an RTF's stray control bytes), DEL, the soft hyphen (invisible unless a line breaks at
 * it, and it would stop Find from matching the word) and the byte-order mark.
 */
const DROPPED = /[\u0000-\u0008\u000b-\u001f\u007f\u00ad\ufeff]/g;
const COLLAPSIBLE = /([ \t\n\r\f]+)|([^ \t\n\r\f]+)/g;
const PRESERVED = /(\r\n?|\n)|([ \t]+)|([^ \t\r\n]+)/g;

export class TextBuilder {
  private readonly parts: string[] = [];
  private written = 0;
  private readonly open: OpenRange[] = [];
  private readonly ranges: StructureRange[] = [];
  /** '\n' or '\n\n' to write before the next content. */
  private pendingBreak = '';
  /** White space to write before the next content on the same line. */
  private pendingSpace = '';
  private lineHasContent = false;
  private blockHasContent = false;

  /** UTF-16 length of the text written so far. */
  get length(): number {
    return this.written;
  }

  /** True once the text is longer than MAX_TEXT_LENGTH; later writes are ignored. */
  get overflowed(): boolean {
    return this.written > MAX_TEXT_LENGTH;
  }

  /** Starts a block (paragraph, heading, list item, table cell, page…); null for a block with no range. */
  openBlock(kind: StructureKind | null, options: RangeOptions = {}): void {
    this.endLine();
    this.open.push({ kind, options, start: -1, inline: false });
  }

  closeBlock(): void {
    this.endLine();
    this.finish(this.open.pop());
  }

  /** Starts a range inside the current line (a speaker's turn, a timestamp) without a separator. */
  openSpan(kind: StructureKind, options: RangeOptions = {}): void {
    this.open.push({ kind, options, start: -1, inline: true });
  }

  closeSpan(): void {
    this.finish(this.open.pop());
  }

  /** Writes text, treating its white space as `whiteSpace` says. */
  text(text: string, whiteSpace: WhiteSpace = 'collapse'): void {
    if (whiteSpace === 'collapse') {
      for (const m of text.matchAll(COLLAPSIBLE)) {
        if (m[2] !== undefined) this.content(m[2]);
        else if (this.lineHasContent && !this.pendingSpace) this.pendingSpace = ' ';
      }
    } else {
      for (const m of text.matchAll(PRESERVED)) {
        if (m[1] !== undefined) this.lineBreak();
        else if (m[2] !== undefined) this.pendingSpace += m[2];
        else this.content(m[3]!);
      }
    }
  }

  /** Writes literal white space (ODF's text:s, RTF's \tab) that collapsing must not remove. */
  space(whiteSpace: string): void {
    this.pendingSpace += whiteSpace;
  }

  /** A line break inside the current block; ignored before the block's first content. */
  lineBreak(): void {
    if (!this.blockHasContent) return;
    this.pendingSpace = '';
    this.lineHasContent = false;
    // Two LFs in a row already read as a block separator; more would only add empty lines.
    if (this.pendingBreak.length < 2) this.pendingBreak += '\n';
  }

  /** The text and its ranges, sorted by start (outer ranges before the ranges they contain). */
  result(): { text: string; structure: StructureRange[] } {
    while (this.open.length > 0) this.closeBlock();
    // Ranges are recorded as they close, inner before outer; equal spans keep the outer one first.
    const order = new Map(this.ranges.map((r, i) => [r, i]));
    const structure = [...this.ranges].sort((a, b) => a.start - b.start || b.end - a.end || order.get(b)! - order.get(a)!);
    return { text: this.parts.join(''), structure };
  }

  private content(raw: string): void {
    const text = raw.replace(DROPPED, '').replace(/\u00a0/g, ' ');
    if (!text || this.overflowed) return;
    if (this.written > 0 && this.pendingBreak) this.push(this.pendingBreak);
    this.pendingBreak = '';
    if (this.pendingSpace) this.push(this.pendingSpace);
    this.pendingSpace = '';
    for (const range of this.open) if (range.start < 0) range.start = this.written;
    this.push(text);
    this.lineHasContent = true;
    this.blockHasContent = true;
  }

  private push(s: string): void {
    this.parts.push(s);
    this.written += s.length;
  }

  /** Ends the current line at a block boundary: the next content starts after a blank line. */
  private endLine(): void {
    this.pendingSpace = '';
    this.lineHasContent = false;
    this.blockHasContent = false;
    if (this.written > 0) this.pendingBreak = '\n\n';
  }

  private finish(range: OpenRange | undefined): void {
    if (!range || range.kind === null || range.start < 0 || range.start >= this.written) return;
    const out: StructureRange = { kind: range.kind, start: range.start, end: this.written };
    if (range.options.level !== undefined) out.level = Math.min(9, Math.max(1, Math.round(range.options.level)));
    if (range.options.label !== undefined) out.label = range.options.label;
    this.ranges.push(out);
  }
}
