/** The words for a save state, as the status line and the window title show them. */
import type { SaveState } from '../bridge/channels';

export function saveStatusText(save: SaveState, readOnly: boolean): string {
  if (readOnly) return 'Read-only';
  switch (save.status) {
    case 'saved':
      return 'Saved';
    case 'saving':
      return 'Saving…';
    case 'pending':
      return 'Unsaved changes';
    case 'error':
      return `Not saved: ${save.message}`;
  }
}

/** The window title: project, then a short save state, then the app. */
export function windowTitle(projectName: string | null, save: SaveState, readOnly: boolean): string {
  if (projectName === null) return 'Gloss';
  const state = readOnly ? 'Read-only' : save.status === 'error' ? 'Not saved' : saveStatusText(save, false);
  return `${projectName || 'Untitled'} — ${state} — Gloss`;
}
