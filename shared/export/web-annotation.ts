/** STUB: every coding as a W3C Web Annotation (JSON-LD) with quote and position selectors. */
import type { ProjectState } from '../model/state';

export function webAnnotations(state: ProjectState): string {
  void state;
  throw new Error('The Web Annotation export is not built yet.');
}
