/**
 * The application menu, as a template built from plain state (a pure function, so it is
 * unit-tested without Electron). Every item that is a command takes its label, keys and
 * enabled state from the command table (shared/app/commands.ts), and the View menu lists
 * the views of shared/app/views.ts. Commands the renderer carries out (it owns focus,
 * selection and dialogs) are sent to it as MenuCommands; whole-project work with native
 * dialogs (New, Open, Save As) happens here.
 */
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { COMMANDS, commandAvailable, exportCommand, isMenuCommand, type CommandId, type HostCommand, type MenuCommand } from '../shared/app/commands';
import { acceleratorOf } from '../shared/app/shortcuts';
import { VIEWS, viewCommand } from '../shared/app/views';
import { EXPORT_ORDER } from '../shared/ipc/export-kinds';

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
  /** The commands the desktop host carries out itself (New, Open, Save As). */
  host: Record<HostCommand, () => void>;
  openRecent(file: string): void;
  clearRecent(): void;
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

/**
 * The menu item of a command. The renderer handles the keys of the commands it carries out
 * (in the browser host too), so their accelerators are shown but not registered: a
 * registered one would fire the item as well, and undo twice per press.
 */
function commandItem(command: CommandId, state: MenuState, actions: MenuActions): MenuItemConstructorOptions {
  const info = COMMANDS[command];
  const accelerator = acceleratorOf(command);
  const forwarded = isMenuCommand(command);
  return {
    label: info.label,
    ...(accelerator ? { accelerator, ...(forwarded ? { registerAccelerator: false } : {}) } : {}),
    ...(info.needs === 'nothing' ? {} : { enabled: commandAvailable(command, state) }),
    click: () => (isMenuCommand(command) ? actions.command(command) : actions.host[command]()),
  };
}

export function menuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = state.platform === 'darwin';
  const labels = recentLabels(state.recent);
  const item = (command: CommandId) => commandItem(command, state, actions);

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
      item('new-project'),
      item('open-project'),
      { label: 'Open Recent', submenu: openRecent },
      { type: 'separator' },
      item('import'),
      item('paste-document'),
      { label: 'Export', enabled: state.hasProject, submenu: EXPORT_ORDER.map((kind) => item(exportCommand(kind))) },
      item('import-qdpx'),
      item('import-codebook'),
      item('merge-project'),
      { type: 'separator' },
      item('save-as'),
      { type: 'separator' },
      { label: 'Close Window', role: 'close' },
      ...(mac ? [] : [{ type: 'separator' } as const, { label: 'Quit', role: 'quit' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      // Not the 'undo' role: the renderer decides between a text field's own undo and the project's history.
      item('undo'),
      item('redo'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      item('new-code'),
      { type: 'separator' },
      item('find'),
      item('search-project'),
      item('anonymise'),
      { type: 'separator' },
      item('coder-name'),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...VIEWS.map((v) => item(viewCommand(v.id))),
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
    submenu: [item('shortcuts'), { type: 'separator' }, { label: mac ? 'About Gloss' : '&About Gloss', click: () => actions.about() }],
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
