/** STUB: the codebook with every code's excerpts, grouped by document, as one self-contained HTML file. */
import type { ProjectState } from '../model/state';

export function htmlReport(state: ProjectState): string {
  void state;
  throw new Error('The HTML report is not built yet.');
}
