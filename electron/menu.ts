/**
 * The application menu, as a template built from plain state (a pure function, so it is
 * unit-tested without Electron). Commands that depend on focus or selection (Undo, Redo,
 * views) go to the renderer as MenuCommands; file work happens here with native dialogs.
 */
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { ExportKind, MenuCommand } from '../shared/ipc/contract';
import { EXPORT_LABELS, EXPORT_ORDER } from '../shared/ipc/export-kinds';

export interface MenuState {
  recent: string[];
  /** A project is open; false greys out what needs one. */
  hasProject: boolean;
  readOnly: boolean;
  /** Packaged builds have no Reload or developer tools. */
  isPackaged: boolean;
  platform: NodeJS.Platform;
}

export interface MenuActions {
  newProject(): void;
  open(): void;
  openRecent(file: string): void;
  clearRecent(): void;
  importDocuments(): void;
  exportFile(kind: ExportKind): void;
  saveAs(): void;
  /** Forwards a command to the renderer. */
  command(command: MenuCommand): void;
  about(): void;
}

/** Menu labels for recent files: the file name, with its folder when two share a name. */
export function recentLabels(recent: readonly string[]): string[] {
  const names = recent.map((file) => path.basename(file, path.extname(file)));
  return recent.map((file, i) => {
    const name = names[i]!;
    const label = names.filter((n) => n === name).length > 1 ? `${name} (${path.dirname(file)})` : name;
    // On Windows and Linux "&" marks a keyboard shortcut; "&&" shows one ampersand.
    return label.replace(/&/g, '&&');
  });
}

export function menuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = state.platform === 'darwin';
  const editable = state.hasProject && !state.readOnly;
  const labels = recentLabels(state.recent);

  const openRecent: MenuItemConstructorOptions[] =
    state.recent.length === 0
      ? [{ label: 'No recent projects', enabled: false }]
      : [
          ...state.recent.map((file, i): MenuItemConstructorOptions => ({ label: labels[i]!, click: () => actions.openRecent(file) })),
          { type: 'separator' },
          { label: 'Clear Recent', click: () => actions.clearRecent() },
        ];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Project…', accelerator: 'CmdOrCtrl+N', click: () => actions.newProject() },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.open() },
      { label: 'Open Recent', submenu: openRecent },
      { type: 'separator' },
      { label: 'Import Documents…', accelerator: 'CmdOrCtrl+I', enabled: editable, click: () => actions.importDocuments() },
      { label: 'Paste as New Document…', enabled: editable, click: () => actions.command('paste-document') },
      {
        label: 'Export',
        enabled: state.hasProject,
        submenu: EXPORT_ORDER.map(
          (kind): MenuItemConstructorOptions => ({
            label: `${EXPORT_LABELS[kind]}…`,
            ...(kind === 'excerpts-csv' ? { accelerator: 'CmdOrCtrl+E' } : {}),
            click: () => actions.exportFile(kind),
          }),
        ),
      },
      { label: 'Import REFI-QDA Project (.qdpx)…', click: () => actions.command('import-qdpx') },
      { label: 'Import Codebook (.qdc, .csv)…', enabled: editable, click: () => actions.command('import-codebook') },
      { label: 'Merge Project…', enabled: editable, click: () => actions.command('merge-project') },
      { type: 'separator' },
      { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', enabled: state.hasProject, click: () => actions.saveAs() },
      { type: 'separator' },
      { label: 'Close Window', role: 'close' },
      ...(mac ? [] : [{ type: 'separator' } as const, { label: 'Quit', role: 'quit' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      // Not the 'undo' role: the renderer decides between a text field's own undo and
      // the project's history.
      // registerAccelerator: false — the renderer already handles these keys itself; a
      // registered accelerator would fire the menu item too and undo twice per press.
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => actions.command('undo') },
      {
        label: 'Redo',
        accelerator: mac ? 'Cmd+Shift+Z' : 'Ctrl+Shift+Z',
        registerAccelerator: false,
        click: () => actions.command('redo'),
      },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      { label: 'New Code…', accelerator: 'CmdOrCtrl+Shift+N', enabled: editable, click: () => actions.command('new-code') },
      { type: 'separator' },
      // The renderer handles Ctrl+F itself (the find bar belongs to the open document).
      { label: 'Find in Document…', accelerator: 'CmdOrCtrl+F', registerAccelerator: false, enabled: state.hasProject, click: () => actions.command('find') },
      { label: 'Anonymise…', enabled: editable, click: () => actions.command('anonymise') },
      { type: 'separator' },
      { label: 'Coder Name…', enabled: state.hasProject, click: () => actions.command('coder-name') },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { label: 'Reader', accelerator: 'CmdOrCtrl+1', enabled: state.hasProject, click: () => actions.command('show-reader') },
      { label: 'Excerpts', accelerator: 'CmdOrCtrl+2', enabled: state.hasProject, click: () => actions.command('show-excerpts') },
      { label: 'Agreement', accelerator: 'CmdOrCtrl+3', enabled: state.hasProject, click: () => actions.command('show-agreement') },
      { type: 'separator' },
      ...(state.isPackaged ? [] : [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [{ label: mac ? 'About Gloss' : '&About Gloss', click: () => actions.about() }],
  };

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: 'Gloss',
          submenu: [
            { label: 'About Gloss', click: () => actions.about() },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];

  return [...appMenu, file, edit, view, ...(mac ? [{ role: 'windowMenu' } as const] : []), help];
}
