import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi, type Mock } from 'vitest';
import { COMMANDS, type CommandId, type HostCommand } from '../shared/app/commands';
import { acceleratorOf } from '../shared/app/shortcuts';
import { VIEWS } from '../shared/app/views';
import { menuTemplate, recentLabels, type MenuActions, type MenuState } from './menu';

type Mocked = Omit<{ [K in keyof MenuActions]: Mock<Extract<MenuActions[K], (...args: never[]) => unknown>> }, 'host'> & {
  host: Record<HostCommand, Mock<() => void>>;
};

function actions(): Mocked {
  return {
    host: { 'new-project': vi.fn(), 'open-project': vi.fn(), 'save-as': vi.fn() },
    openRecent: vi.fn<MenuActions['openRecent']>(),
    clearRecent: vi.fn<MenuActions['clearRecent']>(),
    command: vi.fn<MenuActions['command']>(),
    about: vi.fn<MenuActions['about']>(),
  };
}

/** Every item of the menu, depth first. */
function allItems(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...allItems((item.submenu as MenuItemConstructorOptions[] | undefined) ?? [])]);
}

const base: MenuState = { recent: [], hasProject: true, readOnly: false, isPackaged: true, platform: 'linux' };

function find(items: MenuItemConstructorOptions[], ...labels: string[]): MenuItemConstructorOptions {
  let current: MenuItemConstructorOptions | undefined;
  let list = items;
  for (const label of labels) {
    current = list.find((i) => (i.label ?? '').replace(/&/g, '') === label);
    if (!current) throw new Error(`no menu item ${labels.join(' ▸ ')}`);
    list = (current.submenu as MenuItemConstructorOptions[] | undefined) ?? [];
  }
  return current!;
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

describe('menuTemplate', () => {
  it('has the File, Edit, View and Help menus with the project commands', () => {
    const a = actions();
    const menu = menuTemplate(base, a);
    expect(menu.map((m) => m.label?.replace(/&/g, ''))).toEqual(['File', 'Edit', 'View', 'Help']);
    click(find(menu, 'File', 'New Project…'));
    click(find(menu, 'File', 'Import Documents…'));
    click(find(menu, 'File', 'Export', 'Coded excerpts (CSV)…'));
    click(find(menu, 'File', 'Export', 'Codebook (CSV)…'));
    click(find(menu, 'File', 'Export', 'Project for NVivo (.qdpx, UTF-16 positions)…'));
    click(find(menu, 'File', 'Import REFI-QDA Project (.qdpx)…'));
    click(find(menu, 'File', 'Merge Another Copy of This Project…'));
    click(find(menu, 'File', 'Save As…'));
    expect(a.host['new-project']).toHaveBeenCalledOnce();
    // Import and export go to the renderer, which runs the one pipeline for both hosts.
    expect(a.command.mock.calls).toEqual([
      ['import'],
      ['export-excerpts-csv'],
      ['export-codebook-csv'],
      ['export-project-qdpx-utf16'],
      ['import-qdpx'],
      ['merge-project'],
    ]);
    expect(a.host['save-as']).toHaveBeenCalledOnce();
    expect(a.host['open-project']).not.toHaveBeenCalled();
  });

  it('sends Undo, Redo and the views to the renderer', () => {
    const a = actions();
    const menu = menuTemplate(base, a);
    click(find(menu, 'Edit', 'Undo'));
    click(find(menu, 'Edit', 'Redo'));
    click(find(menu, 'View', 'Reader'));
    click(find(menu, 'View', 'Excerpts'));
    click(find(menu, 'View', 'Agreement'));
    expect(a.command.mock.calls).toEqual([['undo'], ['redo'], ['show-reader'], ['show-excerpts'], ['show-agreement']]);
    expect(find(menu, 'Edit', 'Undo').accelerator).toBe('CmdOrCtrl+Z');
    expect(find(menu, 'Edit', 'Redo').accelerator).toBe('CmdOrCtrl+Shift+Z');
  });

  it('takes every command’s label, keys and enabled state from the command table, and the views from the view list', () => {
    const menu = menuTemplate({ ...base, readOnly: true }, actions());
    const items = allItems(menu);
    for (const command of Object.keys(COMMANDS) as CommandId[]) {
      const { label, runs, needs } = COMMANDS[command];
      const item = items.find((i) => i.label === label);
      expect(item, `${command} is in the menu`).toBeDefined();
      expect(item!.accelerator, `${command}'s accelerator`).toBe(acceleratorOf(command));
      // The renderer handles the keys of what it carries out (in the browser host too); a
      // registered accelerator would fire the item as well.
      if (item!.accelerator) expect(item!.registerAccelerator, `${command} registers its accelerator`).toBe(runs === 'host' ? undefined : false);
      expect(item!.enabled, `${command} enabled read-only`).toBe(needs === 'nothing' ? undefined : needs === 'project');
    }
    const views = (find(menu, 'View').submenu as MenuItemConstructorOptions[]).filter((i) => i.label);
    expect(views.slice(0, VIEWS.length).map((i) => [i.label, i.accelerator])).toEqual(VIEWS.map((v, n) => [v.label, `CmdOrCtrl+${n + 1}`]));
    expect(find(menu, 'File', 'New Project…').accelerator).toBe('CmdOrCtrl+N');
    expect(find(menu, 'Edit', 'New Code…').accelerator).toBe('CmdOrCtrl+Shift+N');
    expect(find(menu, 'File', 'Import Documents…').accelerator).toBe('CmdOrCtrl+I');
    expect(find(menu, 'File', 'Export', 'Coded excerpts (CSV)…').accelerator).toBe('CmdOrCtrl+E');
  });

  it('lists recent projects and opens the one chosen', () => {
    const a = actions();
    const recent = [path.resolve('/a/Study.gloss'), path.resolve('/b/Pilot & main.gloss')];
    const menu = menuTemplate({ ...base, recent }, a);
    click(find(menu, 'File', 'Open Recent', 'Pilot  main'));
    expect(a.openRecent).toHaveBeenCalledWith(recent[1]);
    click(find(menu, 'File', 'Open Recent', 'Clear Recent'));
    expect(a.clearRecent).toHaveBeenCalledOnce();
    const empty = menuTemplate(base, a);
    expect(find(empty, 'File', 'Open Recent', 'No recent projects').enabled).toBe(false);
  });

  it('greys out what needs an (editable) project', () => {
    const none = menuTemplate({ ...base, hasProject: false }, actions());
    expect(find(none, 'File', 'Import Documents…').enabled).toBe(false);
    expect(find(none, 'File', 'Export').enabled).toBe(false);
    expect(find(none, 'File', 'Save As…').enabled).toBe(false);
    const readOnly = menuTemplate({ ...base, readOnly: true }, actions());
    expect(find(readOnly, 'File', 'Import Documents…').enabled).toBe(false);
    expect(find(readOnly, 'File', 'Export').enabled).toBe(true);
  });

  it('offers Reload and developer tools only when not packaged', () => {
    const roles = (state: MenuState) =>
      (find(menuTemplate(state, actions()), 'View').submenu as MenuItemConstructorOptions[]).map((i) => i.role).filter(Boolean);
    expect(roles(base)).not.toContain('toggleDevTools');
    expect(roles({ ...base, isPackaged: false })).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('puts About and Quit in the app menu on macOS', () => {
    const menu = menuTemplate({ ...base, platform: 'darwin' }, actions());
    expect(menu[0]!.label).toBe('Gloss');
    const fileRoles = (find(menu, 'File').submenu as MenuItemConstructorOptions[]).map((i) => i.role);
    expect(fileRoles).not.toContain('quit');
  });
});

describe('recentLabels', () => {
  it('adds the folder only when two recent projects share a name', () => {
    const a = path.resolve('/x/Study.gloss');
    const b = path.resolve('/y/Study.gloss');
    const c = path.resolve('/y/Other.gloss');
    expect(recentLabels([a, b, c])).toEqual([`Study (${path.dirname(a)})`, `Study (${path.dirname(b)})`, 'Other']);
  });
});
