/** The keyboard shortcuts, read once from the command table (commands.ts), and the lookups on them. */
import { COMMANDS, type CommandId } from './commands';
import { parseKeys, pressMatches, toAccelerator, type KeyCombo, type KeyPress } from './keys';

export interface Shortcut {
  command: CommandId;
  /** As written in the table: "Mod+Shift+N". */
  keys: string;
  combo: KeyCombo;
}

/** Every command's keys, in table order; keys that cannot be read are left out (a unit test refuses them). */
export const SHORTCUTS: readonly Shortcut[] = (Object.keys(COMMANDS) as CommandId[]).flatMap((command) =>
  (COMMANDS[command].keys ?? []).flatMap((keys) => {
    const combo = parseKeys(keys);
    return combo ? [{ command, keys, combo }] : [];
  }),
);

/** The shortcut a key press is, if any. */
export function shortcutFor(press: KeyPress): Shortcut | undefined {
  return SHORTCUTS.find((s) => pressMatches(s.combo, press));
}

/** The desktop menu's accelerator for a command: its first keys, or undefined when it has none. */
export function acceleratorOf(command: CommandId): string | undefined {
  const first = SHORTCUTS.find((s) => s.command === command);
  return first ? toAccelerator(first.combo) : undefined;
}
