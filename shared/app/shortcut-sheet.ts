/**
 * The shortcut sheet (`?`, Help ▸ Keyboard Shortcuts): every command's keys, read from the
 * one command table (commands.ts), and the keys that act in one place only (the reader, the
 * code popover, the find bar, lists), which are not commands. Pure, so it is unit-tested.
 */
import { COMMANDS } from './commands';
import { keysLabel } from './keys';
import { SHORTCUTS } from './shortcuts';

export interface SheetRow {
  /** Each way to press it, as this computer writes keys ("Ctrl+Shift+Z"). */
  keys: string[];
  action: string;
}

export interface SheetSection {
  title: string;
  rows: SheetRow[];
}

/** Keys that act in one place only, as people say them (Mod is Ctrl, or ⌘ on a Mac). */
export const LOCAL_KEYS: readonly { title: string; rows: readonly { keys: readonly string[]; action: string }[] }[] = [
  {
    title: 'Selecting and coding text',
    rows: [
      { keys: ['Shift+Arrow keys'], action: 'Select text from the caret (or from the first line in view), letter by letter or line by line' },
      { keys: ['Shift+Mod+Arrow keys'], action: 'Select word by word (Left, Right) or paragraph by paragraph (Up, Down)' },
      { keys: ['Shift+Home', 'Shift+End'], action: 'Select to the start or end of the line' },
      { keys: ['1 … 9'], action: 'Apply the code with that number to the selected text (the numbers stand next to the codes)' },
      { keys: ['Type a name'], action: 'Search the codes in the code popover; “Parent > child” makes a sub-code' },
      { keys: ['Up', 'Down'], action: 'Move through the code popover’s list' },
      { keys: ['Enter'], action: 'Apply the highlighted code, or create the typed one' },
      { keys: ['Escape'], action: 'Close the code popover, a tooltip or a menu' },
      { keys: ['Shift+F10', 'Menu key'], action: 'Open the menu of the coded passage at the caret (memo, review, remove)' },
    ],
  },
  {
    title: 'Find in document',
    rows: [
      { keys: ['Enter', 'F3', 'Mod+G'], action: 'Next match' },
      { keys: ['Shift+Enter', 'Shift+F3', 'Shift+Mod+G'], action: 'Previous match' },
    ],
  },
  {
    title: 'Lists (documents, codes, excerpts)',
    rows: [
      { keys: ['Up', 'Down'], action: 'Move to the previous or next row' },
      { keys: ['Page Up', 'Page Down', 'Home', 'End'], action: 'Move by a screen, or to the first or last row' },
    ],
  },
];

/** How people write a local key: "Mod" as this computer calls it. */
function localKeys(keys: string, mac: boolean): string {
  return keys.replace(/\bMod\b/g, mac ? '⌘' : 'Ctrl');
}

/** The sheet: the commands with keys (in the table's order), then the local keys. */
export function shortcutSheet(mac: boolean): SheetSection[] {
  const byCommand = new Map<string, string[]>();
  for (const shortcut of SHORTCUTS) {
    const label = COMMANDS[shortcut.command].label.replace(/…$/, '');
    const keys = keysLabel(shortcut.combo, mac);
    byCommand.set(label, [...(byCommand.get(label) ?? []), keys]);
  }
  return [
    { title: 'Commands', rows: [...byCommand].map(([action, keys]) => ({ keys, action })) },
    ...LOCAL_KEYS.map((section) => ({ title: section.title, rows: section.rows.map((row) => ({ keys: row.keys.map((k) => localKeys(k, mac)), action: row.action })) })),
  ];
}
