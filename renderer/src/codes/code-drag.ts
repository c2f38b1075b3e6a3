/**
 * Drag-and-drop of codes in the tree: dropped on the middle of a row, a code goes under
 * it; on its upper or lower edge, before or after it among its siblings (placeCode).
 */
import type { DragEvent } from 'react';

/** The drag data type of a code; files dragged from the desktop never carry it. */
export const CODE_DRAG_TYPE = 'application/x-gloss-code';

export function isCodeDrag(event: DragEvent): boolean {
  return event.dataTransfer.types.includes(CODE_DRAG_TYPE);
}

/**
 * The code being dragged. dataTransfer's data can only be read on drop, so the id is also
 * kept here for dragover to decide whether a drop target is allowed.
 */
let dragged: string | null = null;

export function startCodeDrag(event: DragEvent, codeId: string): void {
  dragged = codeId;
  event.dataTransfer.setData(CODE_DRAG_TYPE, codeId);
  event.dataTransfer.effectAllowed = 'move';
}

export function draggedCode(): string | null {
  return dragged;
}

export function endCodeDrag(): void {
  dragged = null;
}

/** Where on a row a drop lands: before it, under it, or after it. */
export type DropZone = 'before' | 'inside' | 'after';

/** The fraction of a row's height at its top and bottom that means "between rows". */
const EDGE = 0.28;

/** The zone of a row at `y` (client coordinates) for a row spanning `top` to `top + height`. */
export function dropZoneAt(y: number, top: number, height: number): DropZone {
  const at = (y - top) / Math.max(1, height);
  return at < EDGE ? 'before' : at > 1 - EDGE ? 'after' : 'inside';
}
