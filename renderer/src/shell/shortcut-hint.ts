/** Tooltips that name a command's keys the way this computer writes them ("Excerpts (Ctrl+2)"). */
import type { CommandId } from '../../../shared/app/commands';
import { keysLabel } from '../../../shared/app/keys';
import { SHORTCUTS } from '../../../shared/app/shortcuts';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** `text` with the command's first keys in brackets, or `text` alone when it has none. */
export function shortcutHint(text: string, command: CommandId): string {
  const shortcut = SHORTCUTS.find((s) => s.command === command);
  return shortcut ? `${text} (${keysLabel(shortcut.combo, MAC)})` : text;
}
