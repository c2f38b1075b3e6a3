/**
 * Moving codings to another code: splitting a code by moving chosen excerpts to a new code
 * (created in the same step, so one undo takes the whole split back) or to an existing one.
 * A moved coding whose span the same coder already coded with the target code would be a
 * duplicate: it is dropped, and its memos go to the coding that stays, so no memo is lost.
 */
import type { Code, Coding } from '../model/schema';
import type { Patch, ProjectState } from '../model/state';
import { err, ok, type Result } from '../result';
import type { Planned } from './plan';
import type { OpRequest } from './requests';

type MoveCodings = Extract<OpRequest, { type: 'moveCodings' }>;

/** What planning needs from plan.ts: making a code and checking its name among its siblings. */
export interface CodeMaking {
  newCode(name: string, parentId: string | null): Code;
  siblingNameTaken(parentId: string | null, name: string): boolean;
}

const key = (c: Pick<Coding, 'documentId' | 'coderId' | 'start' | 'end'>) => `${c.documentId}\u0000${c.coderId}\u0000${c.start}\u0000${c.end}`;

/** Plans moveCodings. */
export function planMoveCodings(state: ProjectState, request: MoveCodings, making: CodeMaking): Result<Planned> {
  const codings: Coding[] = [];
  for (const id of new Set(request.codingIds)) {
    const coding = state.codings.get(id);
    if (!coding) return err(`there is no coding with id ${id}`);
    codings.push(coding);
  }
  const patches: Patch[] = [];
  let target: Code;
  if (request.codeId !== undefined) {
    const found = state.codes.get(request.codeId);
    if (!found) return err(`there is no code with id ${request.codeId}`);
    target = found;
  } else if (request.newCodeName !== undefined) {
    const parentId = request.parentId ?? null;
    if (parentId !== null && !state.codes.has(parentId)) return err(`there is no parent code with id ${parentId}`);
    if (making.siblingNameTaken(parentId, request.newCodeName)) return err(`a code named “${request.newCodeName.trim()}” already exists there`);
    target = making.newCode(request.newCodeName, parentId);
    patches.push({ table: 'codes', op: 'put', value: target });
  } else {
    return err('name the code to move the codings to');
  }
  if (!target.codable) return err(`“${target.name}” is a folder of codes and cannot be applied to text`);

  // The target's codings by span and coder, including those moved in by this step.
  const kept = new Map<string, string>();
  for (const id of state.codingsByCode.get(target.id) ?? []) {
    const c = state.codings.get(id)!;
    kept.set(key(c), c.id);
  }
  let moved = 0;
  for (const coding of codings) {
    if (coding.codeId === target.id) continue;
    const twin = kept.get(key(coding));
    if (twin === undefined) {
      patches.push({ table: 'codings', op: 'put', value: { ...coding, codeId: target.id } });
      kept.set(key(coding), coding.id);
    } else {
      for (const memo of state.memos.values()) {
        if (memo.target.kind === 'coding' && memo.target.id === coding.id) patches.push({ table: 'memos', op: 'put', value: { ...memo, target: { kind: 'coding', id: twin } } });
      }
      patches.push({ table: 'codings', op: 'del', id: coding.id });
    }
    moved++;
  }
  const label = `Move ${moved === 1 ? '1 coding' : `${moved} codings`} to “${target.name}”`;
  return ok({ label, change: { patches }, created: { codeId: target.id } });
}
