/** The document dialogs the store asks for (see DialogRequest in ui-slice.ts), one at a time. */
import { useGloss } from '../store';
import { AnonymiseDialog } from './AnonymiseDialog';
import { DuplicatesDialog } from './DuplicatesDialog';
import { EditTextDialog } from './EditTextDialog';
import { PasteDialog } from './PasteDialog';

export function DocumentDialogs() {
  const dialog = useGloss((s) => s.dialog);
  const openDialog = useGloss((s) => s.openDialog);
  const close = () => openDialog(null);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'edit-text':
      return <EditTextDialog key={dialog.documentId} documentId={dialog.documentId} selection={dialog.selection} onClose={close} />;
    case 'anonymise':
      return <AnonymiseDialog documentId={dialog.documentId} onClose={close} />;
    case 'paste':
      return <PasteDialog onClose={close} />;
    case 'duplicates':
      return <DuplicatesDialog files={dialog.files} list={dialog.list} onClose={close} />;
  }
}
