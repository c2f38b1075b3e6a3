/**
 * Host side of merging another coder's copy into the open project (channels
 * team:previewMerge, team:applyMerge). The merge itself is shared/merge; this reads the
 * files, reports progress, and records the result as one undoable step.
 */
import type { ImportFile, MergePreview, OpResponse } from '../../shared/ipc/contract';
import { mergeProjects } from '../../shared/merge/merge-projects';
import type { MergeConflict, MergeReport, MergeResult, Side } from '../../shared/merge/types';
import type { ProjectFile } from '../../shared/model/schema';
import { parseProjectText } from '../../shared/model/parse';
import { fileFromState } from '../../shared/model/state';
import { HandlerError } from './handler-error';
import type { FileToImport, ProjectService } from './project-service';

/** A copy to merge: its bytes as read by the host, or as uploaded (base64). */
type CopyFile = FileToImport | ImportFile;

/** The copies of a merge request, read (see readFileRef in handlers.ts), and the user's choices. */
export interface MergeFiles {
  other: CopyFile;
  base?: CopyFile;
  resolutions?: Record<string, Side>;
}

/** A copy sent for merging, validated (and migrated from an older version, as opening does). */
export function readCopy(file: CopyFile): ProjectFile {
  const bytes = 'bytes' in file ? file.bytes : Buffer.from(file.base64, 'base64');
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const parsed = parseProjectText(text);
  if (!parsed.ok) throw new HandlerError(`${file.name} cannot be merged: ${parsed.error}. Nothing was changed.`);
  return parsed.value;
}

function run(service: ProjectService, request: MergeFiles): MergeResult {
  const task = `Merging ${request.other.name}`;
  // Reading the copies takes about as long as the merge itself on a big project (half a
  // second for a copy and its base at the bench's size), so the status line starts before
  // it, without a count.
  service.progress({ task, done: 0, total: 0 });
  try {
    const theirs = readCopy(request.other);
    const base = request.base ? readCopy(request.base) : null;
    return mergeProjects({
      ours: fileFromState(service.current),
      theirs,
      base,
      resolutions: request.resolutions ?? {},
      onProgress: (done, total) => service.progress({ task, done, total }),
    });
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
export async function previewMerge(service: ProjectService, request: MergeFiles): Promise<MergePreview> {
  const { report } = run(service, request);
  return { report, conflicts: report.conflicts };
}

/**
 * Merges `request.other` into the open project as one undoable step. Refused, with the
 * conflicts named, while any conflict has no side chosen in `request.resolutions`.
 */
export async function applyMerge(service: ProjectService, request: MergeFiles): Promise<{ result: OpResponse; report: MergeReport }> {
  const merged = run(service, request);
  if (merged.unresolved.length > 0) {
    const n = merged.unresolved.length;
    throw new HandlerError(
      `${request.other.name} was not merged: ${n === 1 ? 'one conflict has' : `${n} conflicts have`} no side chosen: ${conflictList(merged.unresolved)}. Choose ours or theirs for each.`,
    );
  }
  // merged.change is against fileFromState(service.current): the same entities, so it applies here as it is.
  const result = service.commit(`Merge ${request.other.name}`, merged.change);
  return { result, report: merged.report };
}
