/**
 * The open project as a whole: loading it, running operations on it, undo and redo, saving
 * now, and opening another (the desktop app's welcome screen). Everything reaches the host
 * through bridge/call.ts, which applies the Change or the snapshot a reply carries.
 */
import type { OpRequest } from '../../../shared/ops/requests';
import { callOrNotify } from '../bridge/call';
import type { OpResponse } from '../bridge/channels';
import { useGloss } from '../store';

export type DoneOp = Extract<OpResponse, { ok: true }>;

/** Fetches the open project from the host (at start, and when the host says another was opened). */
export async function loadProject(): Promise<void> {
  await callOrNotify('project:snapshot', [], (error) => `Could not load the project: ${error}`);
}

/** Runs one operation; resolves to the host's answer, or null when it was refused (and the reason shown). */
export async function run(request: OpRequest): Promise<DoneOp | null> {
  const response = await callOrNotify('ops:run', [request]);
  if (!response?.ok) return null;
  if (request.type === 'applyCode') {
    const codeId = request.codeId ?? response.created.codeId ?? codeIdOfCoding(response.created.codingId);
    if (codeId) useGloss.getState().usedCode(codeId);
  }
  return response;
}

function codeIdOfCoding(codingId: string | undefined): string | undefined {
  return codingId ? useGloss.getState().project?.codings.get(codingId)?.codeId : undefined;
}

/** Undoes the last step, if there is one. */
export async function undo(): Promise<void> {
  if (useGloss.getState().history.undo) await callOrNotify('history:undo', []);
}

/** Redoes the last undone step, if there is one. */
export async function redo(): Promise<void> {
  if (useGloss.getState().history.redo) await callOrNotify('history:redo', []);
}

/** Writes pending changes now (after a failed save); the reply is the new save state. */
export async function saveNow(): Promise<void> {
  await callOrNotify('project:saveNow', []);
}

/** How the welcome screen opens a project: New, Open, or one of the recent ones. */
export type OpenHow = { kind: 'new' } | { kind: 'open' } | { kind: 'recent'; path: string };

/** Opens a project in place of none; the reply carries it (null when the person cancelled). */
export async function openProject(how: OpenHow): Promise<void> {
  if (how.kind === 'new') await callOrNotify('project:newDialog', []);
  else if (how.kind === 'open') await callOrNotify('project:openDialog', []);
  else await callOrNotify('project:openRecent', [how.path]);
}
