/**
 * Offsets ↔ DOM ranges for the reader's layout, and nothing else. The reader renders a
 * document as one element per paragraph (see paragraphs.ts), each the direct child of the
 * text root with the paragraph's text as its only content, so a UTF-16 offset into the
 * document maps to (paragraph, offset into that paragraph's text) and back exactly,
 * emoji included: DOM text offsets are UTF-16 code units too.
 */
import { paragraphIndexAt, type Paragraph } from './paragraphs';

export interface TextLayout {
  /** The element whose children are the paragraphs, in order. */
  root: HTMLElement;
  paragraphs: readonly Paragraph[];
  /** Length of the whole document text. */
  length: number;
}

export interface DomPoint {
  node: Node;
  offset: number;
}

/** The paragraph element (a direct child of root) that contains `node`, or null. */
function paragraphElementOf(root: HTMLElement, node: Node): Element | null {
  let current: Node | null = node;
  while (current && current.parentNode !== root) current = current.parentNode;
  return current instanceof Element ? current : null;
}

function indexOfChild(parent: Node, child: Node): number {
  return Array.prototype.indexOf.call(parent.childNodes, child) as number;
}

/** The document offset of a DOM position, clamped to the text when the position lies outside it. */
export function offsetOfPoint(layout: TextLayout, node: Node, offset: number): number {
  const { root, paragraphs } = layout;
  if (node === root) {
    const paragraph = paragraphs[offset];
    return paragraph ? paragraph.start : layout.length;
  }
  if (!root.contains(node)) {
    // Before the text (e.g. a selection dragged up into the header) → 0, after it → the end.
    const after = root.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING;
    return after ? layout.length : 0;
  }
  const element = paragraphElementOf(root, node);
  if (!element) return 0;
  const index = indexOfChild(root, element);
  const paragraph = paragraphs[index];
  if (!paragraph) return layout.length;
  // The text between the paragraph's start and the point: exact whatever the nesting.
  const before = document.createRange();
  before.setStart(element, 0);
  before.setEnd(node, offset);
  return paragraph.start + Math.min(before.toString().length, paragraph.end - paragraph.start);
}

/** The DOM position of a document offset. */
export function pointOfOffset(layout: TextLayout, offset: number): DomPoint {
  const clamped = Math.max(0, Math.min(offset, layout.length));
  const index = paragraphIndexAt(layout.paragraphs, clamped);
  const paragraph = layout.paragraphs[index]!;
  const element = layout.root.children[index];
  if (!element) return { node: layout.root, offset: layout.root.childNodes.length };
  const local = Math.min(clamped - paragraph.start, paragraph.end - paragraph.start);
  const text = element.firstChild;
  if (text && text.nodeType === Node.TEXT_NODE) return { node: text, offset: local };
  return { node: element, offset: 0 };
}

/** A live DOM Range over [start, end) of the document. */
export function rangeOfOffsets(layout: TextLayout, start: number, end: number): Range {
  const range = document.createRange();
  const from = pointOfOffset(layout, start);
  const to = pointOfOffset(layout, end);
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** The offsets a DOM range covers, or null when it does not touch the text at all. */
export function offsetsOfRange(layout: TextLayout, range: Range): { start: number; end: number } | null {
  if (!range.intersectsNode(layout.root)) return null;
  const start = offsetOfPoint(layout, range.startContainer, range.startOffset);
  const end = offsetOfPoint(layout, range.endContainer, range.endOffset);
  return start <= end ? { start, end } : { start: end, end: start };
}

/** The caret position under a viewport point (standard API first, then Chromium's older one). */
function caretAt(x: number, y: number): DomPoint | null {
  const doc = document as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  if (doc.caretPositionFromPoint) {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

function boxContains(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

/**
 * The offset of the character under a viewport point, or null when the point is not over
 * the text. The caret lands between characters, so the characters on both sides are tried.
 */
export function characterAtPoint(layout: TextLayout, x: number, y: number): number | null {
  const caret = caretAt(x, y);
  if (!caret || !layout.root.contains(caret.node)) return null;
  const offset = offsetOfPoint(layout, caret.node, caret.offset);
  for (const candidate of [offset, offset - 1]) {
    if (candidate < 0 || candidate >= layout.length) continue;
    if (boxContains(rangeOfOffsets(layout, candidate, candidate + 1), x, y)) return candidate;
  }
  return null;
}
