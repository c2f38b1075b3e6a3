/**
 * Team work started from the toolbar's Team menu and the host's menus: the coder's name,
 * merging another coder's copy, the agreement view. These open the dialogs (see
 * shell/dialogs.tsx) and talk to the host.
 */
import { countsText } from '../../../shared/merge/report-lines';
import type { MenuItem } from '../common/Menu';
import type { MergePreview, MergeRequest } from '../../../shared/ipc/contract';
import type { MergeReport, Side } from '../../../shared/merge/types';
import { call } from '../bridge/call';
import { useGloss } from '../store';
import { useAgreement } from './agreement/agreement-store';
import type { AgreementUnit } from '../../../shared/agreement/types';
import { cancelTask, newTaskId, wasCancelled } from '../tasks/actions';

/** File ▸ Merge project…: pick another coder's copy (and optionally the base), preview, resolve, merge. */
export function startMerge(): void {
  const state = useGloss.getState();
  if (!state.project) return;
  if (state.readOnly) {
    state.notify('This project is open read-only; another copy cannot be merged into it.');
    return;
  }
  state.openDialog({ kind: 'merge' });
}

/** Asks for the coder's name (first run, or to change it). */
export function askCoderName(): void {
  useGloss.getState().openDialog({ kind: 'coder-name', firstRun: false });
}

export function showAgreement(): void {
  useGloss.getState().setView('agreement');
}

export function teamMenuItems(readOnly: boolean): MenuItem[] {
  return [
    { label: 'Merge another copy of this project…', onSelect: startMerge, disabled: readOnly },
    { label: 'Agreement', onSelect: showAgreement },
    { label: 'Change my coder name…', onSelect: askCoderName },
  ];
}

/** Saves the coder's name in the app's settings; resolves to an error message, or null when it was saved. */
export async function saveCoderName(name: string): Promise<string | null> {
  const trimmed = name.trim();
  if (!trimmed) return 'Type your name: every coding and memo records who made it.';
  const before = useGloss.getState().coder;
  const named = await call('team:setCoderName', trimmed);
  if (!named.ok) return `Your name could not be saved: ${named.error}`;
  const { coder } = named.value;
  if (before && coder.id !== before.id) {
    useGloss.getState().notify(`You are coding as the ${coder.name} who already coded in this project, not as a second coder of that name.`, 'info');
  }
  return null;
}

/** A host error about a picked file, naming the file when the host did not. */
function aboutFile(message: string, request: MergeRequest): string {
  const names = [request.other.name, request.base?.name].filter((n): n is string => !!n);
  return names.some((n) => message.includes(n)) ? message : `${request.other.name}: ${message}`;
}

/** error is null when the person cancelled it. */
export type PreviewOutcome = { ok: true; preview: MergePreview } | { ok: false; error: string | null };

/** What merging the other copy would do; changes nothing. `taskId` (newTaskId) lets cancelTask stop it. */
export async function previewMerge(request: MergeRequest, taskId?: string): Promise<PreviewOutcome> {
  const preview = await call('team:previewMerge', taskId ? { ...request, taskId } : request);
  if (preview.ok) return { ok: true, preview: preview.value };
  return taskId && wasCancelled(taskId) ? { ok: false, error: null } : { ok: false, error: aboutFile(preview.error, request) };
}

/** error is null when the person cancelled it. */
export type ApplyOutcome = { ok: true; report: MergeReport } | { ok: false; error: string | null };

/** Merges the other copy with the user's choices, as one undoable step, and applies the change to the mirror. */
export async function applyMerge(request: MergeRequest, resolutions: Record<string, Side>, taskId?: string): Promise<ApplyOutcome> {
  const merged = await call('team:applyMerge', { ...request, resolutions, ...(taskId ? { taskId } : {}) });
  if (!merged.ok) return { ok: false, error: taskId && wasCancelled(taskId) ? null : aboutFile(merged.error, request) };
  useGloss.getState().notify(mergeSummary(request.other.name, merged.value.report), 'info');
  return { ok: true, report: merged.value.report };
}

/** One line for the message area after a merge. */
export function mergeSummary(otherName: string, report: MergeReport): string {
  const added = countsText(report.addedFromTheirs);
  const parts = [added === 'nothing' ? `Merged ${otherName}: nothing new in it` : `Merged ${otherName}: added ${added} from it`];
  if (report.conflicts.length > 0) parts.push(`${report.conflicts.length} conflict${report.conflicts.length === 1 ? '' : 's'} resolved`);
  if (report.unplaced.length > 0) parts.push(`${report.unplaced.length} coding${report.unplaced.length === 1 ? '' : 's'} could not be placed`);
  return `${parts.join(', ')}. Undo reverts the whole merge.`;
}

/** The newest agreement request; an answer to an older one is dropped. */
let latest = 0;
/** The id of the computation under way, if any: Stop cancels it, and so does a newer request. */
let running: string | null = null;

/**
 * Asks the host for agreement, which computes it in a worker (progress, with Cancel, in
 * the status line). A computation still running for older settings is cancelled: its
 * answer would be dropped anyway, and it would hold a core meanwhile.
 */
export async function computeAgreement(request: { coderIds: string[]; unit: AgreementUnit; minOverlap: number }): Promise<void> {
  const ticket = ++latest;
  if (running) void cancelTask(running);
  const taskId = newTaskId('agreement');
  running = taskId;
  const { set } = useAgreement.getState();
  set({ busy: true, error: null, stopped: false });
  const outcome = await call('team:agreement', {
    taskId,
    coderIds: request.coderIds,
    unit: request.unit,
    ...(request.unit === 'segment' ? { minOverlap: request.minOverlap } : {}),
  });
  if (running === taskId) running = null;
  const cancelled = wasCancelled(taskId);
  if (ticket !== latest) return;
  if (outcome.ok) set({ result: outcome.value, busy: false });
  else if (cancelled) set({ busy: false, stopped: true, result: null });
  else set({ error: outcome.error, busy: false, result: null });
}

/** Stops the computation under way; the view then says it was stopped. */
export function stopAgreement(): void {
  if (running) void cancelTask(running);
}
