/** How the text-editing commands tell the user what happened to the codings. */
import { codePath } from '../../../shared/model/codes';
import type { ProjectState } from '../../../shared/model/state';
import type { EditReport } from '../../../shared/ops/edit-text';
import type { OpResponse } from '../../../shared/ipc/contract';
import type { CliIo } from '../command';
import { quoted } from '../errors';

/** Ids of the codings already waiting for review, to tell newly flagged ones apart afterwards. */
export function codingsNeedingReview(state: Readonly<ProjectState>): Set<string> {
  const ids = new Set<string>();
  for (const coding of state.codings.values()) if (coding.needsReview) ids.add(coding.id);
  return ids;
}

/**
 * One summary line, then one line per coding the edit could not place: those are kept at a
 * best guess and flagged, and the user has to look at each.
 */
export function printCodingReport(
  io: CliIo,
  state: Readonly<ProjectState>,
  response: Extract<OpResponse, { ok: true }>,
  flaggedBefore: ReadonlySet<string>,
): void {
  const report: EditReport = response.report ?? { kept: 0, moved: 0, edited: 0, unplaced: 0 };
  io.out(`codings: ${report.kept} kept, ${report.moved} moved, ${report.edited} edited, ${report.unplaced} unplaced`);
  for (const patch of response.change.patches) {
    if (patch.table !== 'codings' || patch.op !== 'put') continue;
    const coding = patch.value;
    if (!coding.needsReview || flaggedBefore.has(coding.id)) continue;
    const doc = state.documents.get(coding.documentId);
    io.out(`needs review: ${coding.id} in ${quoted(doc?.name ?? coding.documentId)}, code ${quoted(codePath(state, coding.codeId))}, was ${quoted(coding.quote)}`);
  }
}
