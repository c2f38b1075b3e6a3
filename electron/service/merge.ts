/**
 * Host side of merging another coder's copy into the open project (channels
 * team:previewMerge, team:applyMerge). The merge itself is shared/merge, run in a task
 * worker (tasks/pool.ts) so the host keeps answering while it reads and merges two copies
 * of a big project; this reports its progress, lets it be cancelled, and records the
 * result as one undoable step.
 */
import type { MergePreview, OpResponse } from '../../shared/ipc/contract';
import type { MergeConflict, MergeReport, Side } from '../../shared/merge/types';
import { fileFromState } from '../../shared/model/state';
import { HandlerError } from './handler-error';
import { copyBytes, type CopyFile } from './merge-copy';
import type { ProjectService } from './project-service';
import { runTask } from './tasks/pool';
import type { MergeOutcome } from './tasks/protocol';
import type { RunningTask } from './tasks/running-tasks';

export { readCopy } from './merge-copy';

/** The copies of a merge request, read (see readFileRef in handlers.ts), and the user's choices. */
export interface MergeFiles {
  other: CopyFile;
  base?: CopyFile;
  resolutions?: Record<string, Side>;
}

/** How a merge is followed and stopped: its id (sent with its progress) and its signal. */
export type MergeControl = Partial<RunningTask>;

async function run(service: ProjectService, request: MergeFiles, control: MergeControl): Promise<MergeOutcome> {
  const task = `Merging ${request.other.name}`;
  const cancellable = control.id ? { taskId: control.id } : {};
  // Reading the copies takes about as long as the merge itself on a big project (half a
  // second for a copy and its base at the bench's size), so the status line starts before
  // it, without a count.
  service.progress({ task, done: 0, total: 0, ...cancellable });
  try {
    return await runTask(
      {
        kind: 'merge',
        ours: fileFromState(service.current),
        other: copyBytes(request.other),
        base: request.base ? copyBytes(request.base) : null,
        resolutions: request.resolutions ?? {},
      },
      {
        label: task,
        // The merge has a handful of steps, each worth showing.
        progressEveryMs: 0,
        onProgress: (done, total) => service.progress({ task, done, total, ...cancellable }),
        ...(control.signal ? { signal: control.signal } : {}),
      },
    );
  } finally {
    service.progress(null);
  }
}

/** One line per conflict, for the message that refuses an unsettled merge. */
function conflictList(conflicts: readonly MergeConflict[]): string {
  const shown = conflicts.slice(0, 5).map((c) => `${c.label} (ours "${c.ours}", theirs "${c.theirs}")`);
  if (conflicts.length > 5) shown.push(`${conflicts.length - 5} more`);
  return shown.join('; ');
}

/** What merging `request.other` would do; changes nothing. */
export async function previewMerge(service: ProjectService, request: MergeFiles, control: MergeControl = {}): Promise<MergePreview> {
  const { report } = await run(service, request, control);
  return { report, conflicts: report.conflicts };
}

/**
 * Merges `request.other` into the open project as one undoable step. Refused, with the
 * conflicts named, while any conflict has no side chosen in `request.resolutions`; and
 * refused when the project changed while the merge ran, since the merge was made against
 * the project as it was.
 */
export async function applyMerge(
  service: ProjectService,
  request: MergeFiles,
  control: MergeControl = {},
): Promise<{ result: OpResponse; report: MergeReport }> {
  const startedAt = service.changeCount;
  const merged = await run(service, request, control);
  if (merged.unresolved.length > 0) {
    const n = merged.unresolved.length;
    throw new HandlerError(
      `${request.other.name} was not merged: ${n === 1 ? 'one conflict has' : `${n} conflicts have`} no side chosen: ${conflictList(merged.unresolved)}. Choose ours or theirs for each.`,
    );
  }
  if (service.changeCount !== startedAt) {
    throw new HandlerError(`${request.other.name} was not merged: the project changed while the merge ran. Nothing was changed; merge it again.`);
  }
  // merged.change is against fileFromState(service.current) when the merge started, which is still the project.
  const label = `Merge ${request.other.name}`;
  if (merged.change.patches.length > 0) {
    const refused = service.backUp(label);
    if (refused) throw new HandlerError(refused.error);
  }
  const result = service.commit(label, merged.change, undefined, { op: 'merge', trail: merged.audit ?? [] });
  return { result, report: merged.report };
}
