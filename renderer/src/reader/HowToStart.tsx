/** The empty project's "how to start" card: import → select → code, with the keys for each step. */
import { IMPORT_FORMATS_TEXT } from '../files/accept';
import { shortcutHint } from '../shell/shortcut-hint';

/** "Ctrl+I" as this computer writes it, taken from the command table. */
const importKeys = /\((.*)\)$/.exec(shortcutHint('', 'import'))?.[1] ?? '';

export function HowToStart() {
  return (
    <div className="how-to-start">
      <h2>How to start</h2>
      <ol>
        <li>
          <strong>Import</strong> your transcripts or reports with <em>Import…</em> in the toolbar (<kbd>{importKeys}</kbd>), or drop the files here. Gloss reads{' '}
          {IMPORT_FORMATS_TEXT}.
        </li>
        <li>
          <strong>Select</strong> a passage with the mouse, or with <kbd>Shift</kbd>+arrow keys.
        </li>
        <li>
          <strong>Code</strong> it: type a code name and press <kbd>Enter</kbd>. Later, the digits <kbd>1</kbd>–<kbd>9</kbd> apply your numbered codes.
        </li>
      </ol>
      <p className="muted">
        Every key Gloss answers: press <kbd>?</kbd>.
      </p>
    </div>
  );
}
