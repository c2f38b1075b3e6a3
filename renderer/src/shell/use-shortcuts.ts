/**
 * Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (Cmd on macOS). In a text field the keys are
 * left alone, so the field's own undo works there.
 */
import { useEffect } from 'react';
import { isTextField } from '../common/text-field';
import { useGloss } from '../store';

export function useUndoShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTextField(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const key = event.key.toLowerCase();
      const store = useGloss.getState();
      if (key === 'z' && !event.shiftKey) void store.undo();
      else if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) void store.redo();
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
