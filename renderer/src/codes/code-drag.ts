/** Drag-and-drop of codes in the tree (to nest one under another). */
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
