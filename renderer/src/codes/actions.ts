/**
 * The code tree's actions: its dialogs (describe, move, merge, delete; shown by
 * shell/DialogHost.tsx), Move up / Move down, and dropping a dragged code.
 */
import type { Code } from '../../../shared/model/schema';
import { childrenByParent, descendantIds } from '../../../shared/model/codes';
import { useGloss } from '../store';
import { run } from '../project/actions';
import type { DropZone } from './code-drag';

/** Describe…: the code's definition in the codebook. */
export function startDescribeCode(code: Code): void {
  useGloss.getState().openDialog({ kind: 'describe-code', code });
}

/** Move to…: another parent, or the top level. */
export function startMoveCode(code: Code): void {
  useGloss.getState().openDialog({ kind: 'move-code', code });
}

/** Delete…, after saying how many codings and sub-codes go with it. */
export function startDeleteCode(code: Code): void {
  useGloss.getState().openDialog({ kind: 'delete-code', code });
}

/** Merge into…: all its codings go to another code, after a confirm naming the counts. */
export function startMergeCode(code: Code): void {
  useGloss.getState().openDialog({ kind: 'merge-code', code });
}

/** The code's siblings in tree order (itself included). */
function siblingsOf(codeId: string): Code[] {
  const project = useGloss.getState().project;
  const code = project?.codes.get(codeId);
  if (!project || !code) return [];
  return childrenByParent(project.codes.values()).get(code.parentId) ?? [];
}

/** Move up / Move down: one place among its siblings (nothing at either end). */
export async function moveCodeBy(code: Code, delta: -1 | 1): Promise<void> {
  const siblings = siblingsOf(code.id);
  const at = siblings.findIndex((c) => c.id === code.id);
  const to = at + delta;
  if (at < 0 || to < 0 || to >= siblings.length) return;
  await run({ type: 'placeCode', codeId: code.id, parentId: code.parentId, index: to });
}

/** Whether Move up (-1) or Move down (1) can move the code. */
export function canMoveBy(code: Code, delta: -1 | 1): boolean {
  const siblings = siblingsOf(code.id);
  const at = siblings.findIndex((c) => c.id === code.id);
  return at >= 0 && at + delta >= 0 && at + delta < siblings.length;
}

/** Drops code `draggedId` before, under or after `target`. */
export async function dropCode(draggedId: string, target: Code, zone: DropZone): Promise<void> {
  if (zone === 'inside') {
    await run({ type: 'placeCode', codeId: draggedId, parentId: target.id, index: Number.MAX_SAFE_INTEGER });
    return;
  }
  const siblings = siblingsOf(target.id).filter((c) => c.id !== draggedId);
  const at = siblings.findIndex((c) => c.id === target.id);
  await run({ type: 'placeCode', codeId: draggedId, parentId: target.parentId, index: zone === 'before' ? at : at + 1 });
}

/** Whether `draggedId` may be dropped in `zone` of `target`: never into itself or below itself. */
export function canDrop(draggedId: string, target: Code, zone: DropZone): boolean {
  const project = useGloss.getState().project;
  if (!project || draggedId === target.id) return false;
  const below = descendantIds(project, draggedId);
  const parent = zone === 'inside' ? target.id : target.parentId;
  return parent === null || !below.includes(parent);
}
