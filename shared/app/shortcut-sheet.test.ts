import { describe, expect, it } from 'vitest';
import { COMMANDS } from './commands';
import { keysLabel } from './keys';
import { SHORTCUTS } from './shortcuts';
import { shortcutSheet } from './shortcut-sheet';

describe('shortcutSheet', () => {
  it('lists every command shortcut of the table, with its label, in the way this computer writes keys', () => {
    const commands = shortcutSheet(false)[0]!;
    expect(commands.title).toBe('Commands');
    for (const shortcut of SHORTCUTS) {
      const label = COMMANDS[shortcut.command].label.replace(/…$/, '');
      const row = commands.rows.find((r) => r.action === label);
      expect(row, label).toBeDefined();
      expect(row!.keys).toContain(keysLabel(shortcut.combo, false));
    }
    expect(commands.rows.find((r) => r.action === 'Redo')!.keys).toEqual(['Ctrl+Shift+Z', 'Ctrl+Y']);
    expect(commands.rows.find((r) => r.action === 'Keyboard Shortcuts')!.keys).toEqual(['?']);
  });

  it('adds the keys that act in the reader only: digits, Shift+Ctrl+Arrow, Shift+F10, F3', () => {
    const all = shortcutSheet(false).flatMap((s) => s.rows.flatMap((r) => r.keys));
    for (const keys of ['1 … 9', 'Shift+Ctrl+Arrow keys', 'Shift+F10', 'F3', 'Shift+F3']) expect(all).toContain(keys);
  });

  it('writes Mod as ⌘ on a Mac', () => {
    const all = shortcutSheet(true).flatMap((s) => s.rows.flatMap((r) => r.keys));
    expect(all).toContain('Shift+⌘+Arrow keys');
    expect(all).toContain('⌘Z');
  });
});
