/**
 * Placing a code: under a parent (or at the top level) and at a position among its
 * siblings, in one step, which is what dragging a code between two rows does (and Move
 * up / Move down from the keyboard). The siblings are numbered again from 0 in their new
 * order, so the order is explicit and survives a rename.
 */
import { z } from 'zod';
import type { Code } from '../model/schema';
import type { Patch, ProjectState } from '../model/state';
import { childrenByParent, descendantIds } from '../model/codes';
import { err, ok, type Result } from '../result';
import type { Planned } from './plan';

const id = z.string().min(1);

export const placeCodeSchema = z.object({
  type: z.literal('placeCode'),
  codeId: id,
  /** The new parent; null for the top level. */
  parentId: id.nullable(),
  /** Position among the new siblings (0 first); past the end puts it last. */
  index: z.number().int().nonnegative(),
});
export type PlaceCodeRequest = z.infer<typeof placeCodeSchema>;

/** Plans placeCode; `nameTaken` says whether a sibling under a parent already has a name. */
export function planPlaceCode(state: ProjectState, request: PlaceCodeRequest, nameTaken: (parentId: string | null, name: string, exceptId: string) => boolean): Result<Planned> {
  const code = state.codes.get(request.codeId);
  if (!code) return err(`there is no code with id ${request.codeId}`);
  const parentId = request.parentId;
  if (parentId !== null) {
    if (!state.codes.has(parentId)) return err(`there is no parent code with id ${parentId}`);
    if (descendantIds(state, code.id).includes(parentId)) return err(`“${code.name}” cannot be moved under itself or one of its own sub-codes`);
  }
  if (parentId !== code.parentId && nameTaken(parentId, code.name, code.id)) return err(`a code named “${code.name}” already exists there`);
  const siblings: Code[] = (childrenByParent(state.codes.values()).get(parentId) ?? []).filter((c) => c.id !== code.id);
  const at = Math.min(request.index, siblings.length);
  siblings.splice(at, 0, { ...code, parentId });
  const patches: Patch[] = [];
  siblings.forEach((sibling, order) => {
    const before = state.codes.get(sibling.id)!;
    if (before.order !== order || before.parentId !== sibling.parentId) patches.push({ table: 'codes', op: 'put', value: { ...sibling, order } });
  });
  const label = parentId === code.parentId ? `Reorder code “${code.name}”` : `Move code “${code.name}”`;
  return ok({ label, change: { patches }, created: {} });
}
