/** The coder who makes a change, recorded with it. */
import type { Coder } from '../model/schema';
import type { Patch, ProjectState } from '../model/state';

/** Records the coder with their change; again when they have since changed their name or colour. */
export function coderPatches(state: ProjectState, coder: Coder): Patch[] {
  const stored = state.coders.get(coder.id);
  return stored && stored.name === coder.name && stored.color === coder.color ? [] : [{ table: 'coders', op: 'put', value: coder }];
}
