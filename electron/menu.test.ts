import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi, type Mock } from 'vitest';
import { menuTemplate, recentLabels, type MenuActions, type MenuState } from './menu';

function actions(): { [K in keyof MenuActions]: Mock<MenuActions[K]> } {
  return {
    newProject: vi.fn<MenuActions['newProject']>(),
    open: vi.fn<MenuActions['open']>(),
    openRecent: vi.fn<MenuActions['openRecent']>(),
    clearRecent: vi.fn<MenuActions['clearRecent']>(),
    importDocuments: vi.fn<MenuActions['importDocuments']>(),
    exportFile: vi.fn<MenuActions['exportFile']>(),
    saveAs: vi.fn<MenuActions['saveAs']>(),
    command: vi.fn<MenuActions['command']>(),
    about: vi.fn<MenuActions['about']>(),
  };
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
    click(find(menu, 'File', 'Merge Project…'));
    click(find(menu, 'File', 'Save As…'));
    expect(a.newProject).toHaveBeenCalledOnce();
    expect(a.importDocuments).toHaveBeenCalledOnce();
    expect(a.exportFile.mock.calls).toEqual([['excerpts-csv'], ['codebook-csv'], ['project-qdpx-utf16']]);
    expect(a.command.mock.calls).toEqual([['import-qdpx'], ['merge-project']]);
    expect(a.saveAs).toHaveBeenCalledOnce();
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
    expect(find(menu, 'Edit', 'Redo').accelerator).toBe('Ctrl+Shift+Z');
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
