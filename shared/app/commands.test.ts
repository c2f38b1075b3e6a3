import { describe, expect, it } from 'vitest';
import { EXPORT_ORDER } from '../ipc/export-kinds';
import { COMMANDS, commandAvailable, exportCommand, isMenuCommand, type CommandId } from './commands';
import { parseKeys } from './keys';
import { acceleratorOf, SHORTCUTS, shortcutFor } from './shortcuts';
import { VIEWS, viewCommand } from './views';

const ids = Object.keys(COMMANDS) as CommandId[];
const press = (key: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) => ({
  key,
  ctrlKey: !!mods.ctrl,
  metaKey: !!mods.meta,
  shiftKey: !!mods.shift,
  altKey: !!mods.alt,
});

describe('the command table', () => {
  it('gives every command a label, readable keys and a place to run', () => {
    for (const id of ids) {
      const info = COMMANDS[id];
      expect(info.label.trim(), id).not.toBe('');
      expect(['nothing', 'project', 'editable'], id).toContain(info.needs);
      expect(['renderer', 'host'], id).toContain(info.runs);
      for (const keys of info.keys ?? []) expect(parseKeys(keys), `${id}: ${keys}`).not.toBeNull();
    }
  });

  it('never puts two commands, or one command twice, on the same keys', () => {
    const seen = new Map<string, string>();
    for (const s of SHORTCUTS) {
      const key = JSON.stringify(s.combo);
      expect(seen.get(key), `${s.keys} is ${seen.get(key)} and ${s.command}`).toBeUndefined();
      seen.set(key, s.command);
    }
    expect(SHORTCUTS.length).toBe(ids.reduce((n, id) => n + (COMMANDS[id].keys?.length ?? 0), 0));
  });

  it('has a command per view, on Mod+1, Mod+2, … in the order of the view list', () => {
    VIEWS.forEach((view, i) => {
      const command = viewCommand(view.id);
      expect(COMMANDS[command]).toMatchObject({ label: view.label, keys: [`Mod+${i + 1}`], runs: 'renderer' });
      expect(shortcutFor(press(String(i + 1), { ctrl: true }))?.command).toBe(command);
    });
    expect(new Set(VIEWS.map((v) => v.id)).size).toBe(VIEWS.length);
    expect(new Set(VIEWS.map((v) => v.label)).size).toBe(VIEWS.length);
  });

  it('has a command per export, each asking where to save', () => {
    for (const kind of EXPORT_ORDER) expect(COMMANDS[exportCommand(kind)]).toMatchObject({ label: expect.stringMatching(/…$/), needs: 'project', runs: 'renderer' });
    expect(acceleratorOf('export-excerpts-csv')).toBe('CmdOrCtrl+E');
  });

  it('finds the command a key press means, Ctrl or Cmd alike, Shift exactly as written', () => {
    expect(shortcutFor(press('z', { ctrl: true }))?.command).toBe('undo');
    expect(shortcutFor(press('z', { meta: true }))?.command).toBe('undo');
    expect(shortcutFor(press('Z', { ctrl: true, shift: true }))?.command).toBe('redo');
    expect(shortcutFor(press('y', { ctrl: true }))?.command).toBe('redo');
    expect(shortcutFor(press('N', { ctrl: true, shift: true }))?.command).toBe('new-code');
    expect(shortcutFor(press('n', { ctrl: true }))?.command).toBe('new-project');
    expect(shortcutFor(press('i', { ctrl: true }))?.command).toBe('import');
    expect(shortcutFor(press('i'))).toBeUndefined();
    expect(shortcutFor(press('i', { ctrl: true, alt: true }))).toBeUndefined();
  });

  it('says who runs what, and when a command can act', () => {
    expect(ids.filter((id) => !isMenuCommand(id)).sort()).toEqual(['new-project', 'open-project', 'save-as']);
    const none = { hasProject: false, readOnly: false };
    const readOnly = { hasProject: true, readOnly: true };
    const editable = { hasProject: true, readOnly: false };
    expect([none, readOnly, editable].map((s) => commandAvailable('import', s))).toEqual([false, false, true]);
    expect([none, readOnly, editable].map((s) => commandAvailable('find', s))).toEqual([false, true, true]);
    expect([none, readOnly, editable].map((s) => commandAvailable('import-qdpx', s))).toEqual([true, true, true]);
  });
});
