/**
 * Native dialogs, attached to the Gloss window when there is one (a sheet on macOS, modal
 * elsewhere) and free-standing before it exists.
 */
import path from 'node:path';
import {
  dialog,
  type BrowserWindow,
  type MessageBoxOptions,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';

export type Parent = BrowserWindow | null;

export const PROJECT_FILTERS = [{ name: 'Gloss projects', extensions: ['gloss'] }];

/** The window to attach a dialog to: not a hidden one (a macOS sheet on it would be invisible). */
function usable(parent: Parent): BrowserWindow | null {
  return parent && !parent.isDestroyed() && parent.isVisible() ? parent : null;
}

/** Shows a message box; resolves to the index of the button chosen. */
export async function ask(parent: Parent, options: MessageBoxOptions): Promise<number> {
  const win = usable(parent);
  const merged: MessageBoxOptions = { noLink: true, title: 'Gloss', ...options };
  const result = win ? await dialog.showMessageBox(win, merged) : await dialog.showMessageBox(merged);
  return result.response;
}

/** A problem the user should read: `message` says what happened, `detail` why and what to do. */
export async function showError(parent: Parent, message: string, detail?: string): Promise<void> {
  await ask(parent, { type: 'error', message, ...(detail ? { detail } : {}), buttons: ['OK'] });
}

/** A save dialog; resolves to the chosen path or null when cancelled. */
export async function chooseSavePath(parent: Parent, options: SaveDialogOptions): Promise<string | null> {
  const win = usable(parent);
  const merged: SaveDialogOptions = { properties: ['createDirectory', 'showOverwriteConfirmation'], ...options };
  const result = win ? await dialog.showSaveDialog(win, merged) : await dialog.showSaveDialog(merged);
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** An open dialog; resolves to the chosen paths (empty when cancelled). */
export async function chooseOpenPaths(parent: Parent, options: OpenDialogOptions): Promise<string[]> {
  const win = usable(parent);
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

/** `file` with a `.gloss` extension (Linux save dialogs do not add the filter's extension). */
function withGlossExtension(file: string): string {
  return path.extname(file).toLowerCase() === '.gloss' ? file : `${file}.gloss`;
}

/** A save dialog for a project file; resolves to the chosen path, ending in .gloss, or null when cancelled. */
export async function chooseProjectPath(
  parent: Parent,
  options: Required<Pick<SaveDialogOptions, 'title' | 'defaultPath' | 'buttonLabel'>>,
): Promise<string | null> {
  const chosen = await chooseSavePath(parent, { ...options, filters: PROJECT_FILTERS });
  return chosen ? withGlossExtension(chosen) : null;
}
