/** The one hidden file input behind every Import button and the menu's Import command. */
import { openPicker } from '../files/picker';

export const IMPORT_INPUT_ID = 'gloss-import-input';

/** Opens the system file chooser for importing documents. */
export function openImportPicker(): void {
  openPicker(IMPORT_INPUT_ID);
}
