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
    { label: 'Inter-coder agreement', onSelect: showAgreement },
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

export type PreviewOutcome = { ok: true; preview: MergePreview } | { ok: false; error: string };

/** What merging the other copy would do; changes nothing. */
export async function previewMerge(request: MergeRequest): Promise<PreviewOutcome> {
  const preview = await call('team:previewMerge', request);
  return preview.ok ? { ok: true, preview: preview.value } : { ok: false, error: aboutFile(preview.error, request) };
}

export type ApplyOutcome = { ok: true; report: MergeReport } | { ok: false; error: string };

/** Merges the other copy with the user's choices, as one undoable step, and applies the change to the mirror. */
export async function applyMerge(request: MergeRequest, resolutions: Record<string, Side>): Promise<ApplyOutcome> {
  const merged = await call('team:applyMerge', { ...request, resolutions });
  if (!merged.ok) return { ok: false, error: aboutFile(merged.error, request) };
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

/** Asks the host for agreement; an answer to an older request (the controls changed since) is dropped. */
export async function computeAgreement(request: { coderIds: string[]; unit: AgreementUnit; minOverlap: number }): Promise<void> {
  const ticket = ++latest;
  const { set } = useAgreement.getState();
  set({ busy: true, error: null });
  const outcome = await call('team:agreement', {
    coderIds: request.coderIds,
    unit: request.unit,
    ...(request.unit === 'segment' ? { minOverlap: request.minOverlap } : {}),
  });
  if (ticket !== latest) return;
  if (outcome.ok) set({ result: outcome.value, busy: false });
  else set({ error: outcome.error, busy: false, result: null });
}
