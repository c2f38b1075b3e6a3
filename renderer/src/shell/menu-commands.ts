/** What each host menu command does in the renderer (which owns focus and selection). */
import type { MenuCommand } from '../bridge/channels';
import { isTextField } from '../common/text-field';
import { openImportPicker } from '../documents/import-picker';
import { useGloss } from '../store';
import { startCodebookImport, startQdpxImport } from '../exchange/actions';
import { askCoderName, showAgreement, startMerge } from '../team/actions';

export function runMenuCommand(command: MenuCommand): void {
  const store = useGloss.getState();
  switch (command) {
    case 'undo':
    case 'redo':
      // In a text field the menu's Undo means the field's own undo, as everywhere else.
      if (isTextField(document.activeElement)) document.execCommand(command);
      else void store[command]();
      return;
    case 'import':
      openImportPicker();
      return;
    case 'export-excerpts-csv':
      void store.exportFile('excerpts-csv');
      return;
    case 'export-codebook-csv':
      void store.exportFile('codebook-csv');
      return;
    case 'new-code':
      store.requestNewCode();
      return;
    case 'show-excerpts':
      store.setView('excerpts');
      return;
    case 'show-reader':
      store.setView('reader');
      return;
    case 'find':
      store.requestFind();
      return;
    case 'paste-document':
      store.openDialog({ kind: 'paste' });
      return;
    case 'anonymise':
      store.openDialog({ kind: 'anonymise', documentId: store.documentId });
      return;
    case 'import-qdpx':
      startQdpxImport();
      return;
    case 'import-codebook':
      startCodebookImport();
      return;
    case 'merge-project':
      startMerge();
      return;
    case 'show-agreement':
      showAgreement();
      return;
    case 'coder-name':
      askCoderName();
      return;
  }
}
