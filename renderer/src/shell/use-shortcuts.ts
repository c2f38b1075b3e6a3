/**
 * The keyboard shortcuts of the command table (shared/app/commands.ts), handled here in
 * both hosts: the desktop menu shows the same keys but leaves them to the renderer. While a
 * modal dialog is open the keys are its own; in a text field only the commands that allow
 * it act (Undo and Redo are the field's own there).
 */
import { useEffect } from 'react';
import { COMMANDS, isMenuCommand } from '../../../shared/app/commands';
import { shortcutFor } from '../../../shared/app/shortcuts';
import { isTextField } from '../common/text-field';
import { runCommand } from './commands';

export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const shortcut = shortcutFor(event);
      if (!shortcut) return;
      const info = COMMANDS[shortcut.command];
      if (!isMenuCommand(shortcut.command) || document.querySelector('dialog[open]')) return;
      if (isTextField(event.target) && info.inTextFields === false) return;
      // The key is Gloss's even when the command cannot act now (a read-only project), so
      // the browser does not do something else with it.
      event.preventDefault();
      runCommand(shortcut.command);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
