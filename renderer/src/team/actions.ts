/**
 * Team work started from the toolbar's Team menu and the host's menus: the coder's name,
 * merging another coder's copy, the agreement view. The dialogs live in TeamDialogs; these
 * open them and talk to the host.
 */
import { countsText } from '../../../shared/merge/report-lines';
import { messageOf } from '../common/errors';
import type { MenuItem } from '../common/Menu';
import type { MergePreview, MergeRequest } from '../../../shared/ipc/contract';
import type { MergeReport, Side } from '../../../shared/merge/types';
import { getBridge } from '../bridge';
import { useGloss } from '../store';

/** File ▸ Merge project…: pick another coder's copy (and optionally the base), preview, resolve, merge. */
export function startMerge(): void {
  const state = useGloss.getState();
  if (!state.project) return;
  if (state.readOnly) {
    state.notify('This project is open read-only; another copy cannot be merged into it.');
    return;
  }
  state.openTeamDialog('merge');
}

/** Asks for the coder's name (first run, or to change it). */
export function askCoderName(): void {
  useGloss.getState().openTeamDialog('coder-name');
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
  try {
    const before = useGloss.getState().coder;
    const snapshot = await getBridge()['team:setCoderName'](trimmed);
    useGloss.getState().coderNamed(snapshot);
    if (before && snapshot.coder.id !== before.id) {
      useGloss.getState().notify(`You are coding as the ${snapshot.coder.name} who already coded in this project, not as a second coder of that name.`, 'info');
    }
    return null;
  } catch (e) {
    return `Your name could not be saved: ${messageOf(e)}`;
  }
}

/** A host error about a picked file, naming the file when the host did not. */
function aboutFile(e: unknown, request: MergeRequest): string {
  const message = messageOf(e);
  const names = [request.other.name, request.base?.name].filter((n): n is string => !!n);
  return names.some((n) => message.includes(n)) ? message : `${request.other.name}: ${message}`;
}

export type PreviewOutcome = { ok: true; preview: MergePreview } | { ok: false; error: string };

/** What merging the other copy would do; changes nothing. */
export async function previewMerge(request: MergeRequest): Promise<PreviewOutcome> {
  try {
    return { ok: true, preview: await getBridge()['team:previewMerge'](request) };
  } catch (e) {
    return { ok: false, error: aboutFile(e, request) };
  }
}

export type ApplyOutcome = { ok: true; report: MergeReport } | { ok: false; error: string };

/** Merges the other copy with the user's choices, as one undoable step, and applies the change to the mirror. */
export async function applyMerge(request: MergeRequest, resolutions: Record<string, Side>): Promise<ApplyOutcome> {
  try {
    const { result, report } = await getBridge()['team:applyMerge']({ ...request, resolutions });
    if (!result.ok) return { ok: false, error: aboutFile(new Error(result.error), request) };
    const state = useGloss.getState();
    state.applyHostChange(result.change, result.history);
    state.notify(mergeSummary(request.other.name, report), 'info');
    return { ok: true, report };
  } catch (e) {
    return { ok: false, error: aboutFile(e, request) };
  }
}

/** One line for the message area after a merge. */
export function mergeSummary(otherName: string, report: MergeReport): string {
  const added = countsText(report.addedFromTheirs);
  const parts = [added === 'nothing' ? `Merged ${otherName}: nothing new in it` : `Merged ${otherName}: added ${added} from it`];
  if (report.conflicts.length > 0) parts.push(`${report.conflicts.length} conflict${report.conflicts.length === 1 ? '' : 's'} resolved`);
  if (report.unplaced.length > 0) parts.push(`${report.unplaced.length} coding${report.unplaced.length === 1 ? '' : 's'} could not be placed`);
  return `${parts.join(', ')}. Undo reverts the whole merge.`;
}
