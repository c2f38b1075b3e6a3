/**
 * Offsets ↔ DOM ranges for the reader's layout, and nothing else. The reader renders a
 * document as chunks (see layout.ts), each a direct child of the text root marked with
 * `data-chunk`, holding one element per segment marked with `data-seg`, whose text is
 * exactly the segment's text (speaker and timestamp marks are spans inside it). Only some
 * chunks are rendered at a time: an offset in a chunk that is not rendered has no DOM
 * position, and the functions here say so (null) rather than guess.
 *
 * DOM text offsets are UTF-16 code units, as document offsets are, so the mapping is exact,
 * emoji included.
 */
import { chunkOfSegment, segmentIndexAt, type ReaderLayout } from './layout';

export interface TextLayout {
  /** The element whose children are the rendered chunks, in order. */
  root: HTMLElement;
  layout: ReaderLayout;
  /** The element of chunk `index`, when it is rendered. */
  chunkElement(index: number): HTMLElement | undefined;
}

export interface DomPoint {
  node: Node;
  offset: number;
}

const SEGMENT = 'seg';
const CHUNK = 'chunk';

/** The nearest element at or above `node` (inside root) carrying data-seg or data-chunk. */
function markedAncestor(root: HTMLElement, node: Node): HTMLElement | null {
  for (let current: Node | null = node; current && current !== root; current = current.parentNode) {
    if (current instanceof HTMLElement && (SEGMENT in current.dataset || CHUNK in current.dataset)) return current;
  }
  return null;
}

/** The document offset where a rendered child of root or of a chunk starts (or, past the last child, where the last one ends). */
function offsetAtChild(text: TextLayout, parent: Node, index: number): number {
  const { segments, chunks } = text.layout;
  const children = parent.childNodes;
  for (let i = index; i < children.length; i++) {
    const child = children[i];
    if (!(child instanceof HTMLElement)) continue;
    if (child.dataset.seg !== undefined) return segments[Number(child.dataset.seg)]!.start;
    if (child.dataset.chunk !== undefined) return chunks[Number(child.dataset.chunk)]!.start;
  }
  for (let i = Math.min(index, children.length) - 1; i >= 0; i--) {
    const child = children[i];
    if (!(child instanceof HTMLElement)) continue;
    if (child.dataset.seg !== undefined) return segments[Number(child.dataset.seg)]!.end;
    if (child.dataset.chunk !== undefined) return chunks[Number(child.dataset.chunk)]!.end;
  }
  return parent instanceof HTMLElement && parent.dataset.chunk !== undefined ? chunks[Number(parent.dataset.chunk)]!.start : 0;
}

/** The document offset of a DOM position, clamped to the text when the position lies outside it. */
export function offsetOfPoint(text: TextLayout, node: Node, offset: number): number {
  const { root, layout } = text;
  if (node === root) return offsetAtChild(text, root, offset);
  if (!root.contains(node)) {
    // Before the text (e.g. a selection dragged up into the header) → 0, after it → the end.
    const after = root.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING;
    return after ? layout.length : 0;
  }
  const marked = markedAncestor(root, node);
  if (!marked) return 0;
  if (marked.dataset.seg === undefined) {
    // In a chunk but not in a segment: between segments, or in something beside the text.
    return node === marked ? offsetAtChild(text, marked, offset) : layout.chunks[Number(marked.dataset.chunk)]!.end;
  }
  const segment = layout.segments[Number(marked.dataset.seg)]!;
  // The text between the segment's start and the point: exact whatever the nesting.
  const before = document.createRange();
  before.setStart(marked, 0);
  before.setEnd(node, offset);
  return segment.start + Math.min(before.toString().length, segment.end - segment.start);
}

/** The element of segment `index`, when its chunk is rendered. */
export function segmentElement(text: TextLayout, index: number): HTMLElement | null {
  const c = chunkOfSegment(text.layout, index);
  const element = text.chunkElement(c)?.children[index - text.layout.chunks[c]!.first];
  return element instanceof HTMLElement ? element : null;
}

/** The DOM position of a document offset, or null when its chunk is not rendered. */
export function pointOfOffset(text: TextLayout, offset: number): DomPoint | null {
  const clamped = Math.max(0, Math.min(offset, text.layout.length));
  const index = segmentIndexAt(text.layout, clamped);
  const segment = text.layout.segments[index]!;
  const element = segmentElement(text, index);
  if (!element) return null;
  let rest = Math.min(clamped - segment.start, segment.end - segment.start);
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let last: Text | null = null;
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    if (rest <= node.length) return { node, offset: rest };
    rest -= node.length;
    last = node;
  }
  return last ? { node: last, offset: last.length } : { node: element, offset: 0 };
}

/** A live DOM Range over [start, end) of the document, or null when either end is not rendered. */
export function rangeOfOffsets(text: TextLayout, start: number, end: number): Range | null {
  const from = pointOfOffset(text, start);
  const to = pointOfOffset(text, end);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** The offsets a DOM range covers, or null when it does not touch the text at all. */
export function offsetsOfRange(text: TextLayout, range: Range): { start: number; end: number } | null {
  if (!range.intersectsNode(text.root)) return null;
  const start = offsetOfPoint(text, range.startContainer, range.startOffset);
  const end = offsetOfPoint(text, range.endContainer, range.endOffset);
  return start <= end ? { start, end } : { start: end, end: start };
}

/** The chunk a DOM node is in, or null when it is not in a rendered chunk. */
export function chunkOfNode(text: TextLayout, node: Node | null): number | null {
  for (let current = node; current && current !== text.root; current = current.parentNode) {
    if (current instanceof HTMLElement && current.dataset.chunk !== undefined) return Number(current.dataset.chunk);
  }
  return null;
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
export function characterAtPoint(text: TextLayout, x: number, y: number): number | null {
  const caret = caretAt(x, y);
  if (!caret || !text.root.contains(caret.node) || !markedAncestor(text.root, caret.node)?.dataset.seg) return null;
  const offset = offsetOfPoint(text, caret.node, caret.offset);
  for (const candidate of [offset, offset - 1]) {
    if (candidate < 0 || candidate >= text.layout.length) continue;
    const range = rangeOfOffsets(text, candidate, candidate + 1);
    if (range && boxContains(range, x, y)) return candidate;
  }
  return null;
}

/** The offset of the first text on screen in the scroll container (for starting a find or a keyboard selection there). */
export function firstVisibleOffset(text: TextLayout, viewportTop: number): number {
  const segments = text.root.querySelectorAll<HTMLElement>('[data-seg]');
  for (const element of segments) {
    if (element.getBoundingClientRect().bottom > viewportTop) return text.layout.segments[Number(element.dataset.seg)]!.start;
  }
  return 0;
}
