/** After an import: files whose content the project already has. Import them as copies, or skip them. */
import type { FileRef } from '../../../shared/ipc/contract';
import { Dialog } from '../common/Dialog';
import { importDocuments } from './actions';
import { visibleName } from '../../../shared/text/safe-names';

export interface DuplicatesDialogProps {
  /** The files held back, as they were sent: imported again as copies. */
  files: FileRef[];
  list: { name: string; existing: string }[];
  onClose: () => void;
}

export function DuplicatesDialog({ files, list, onClose }: DuplicatesDialogProps) {
  return (
    <Dialog
      title={list.length === 1 ? 'This file is already in the project' : 'These files are already in the project'}
      submitLabel={list.length === 1 ? 'Import a copy' : 'Import copies'}
      cancelLabel="Skip"
      onSubmit={() => {
        onClose();
        void importDocuments(files, true);
      }}
      onClose={onClose}
    >
      <ul className="report">
        {list.map((d) => (
          <li key={d.name}>
            {visibleName(d.name)} has the same content as “{visibleName(d.existing)}”.
          </li>
        ))}
      </ul>
      <p className="hint">A copy is a separate document: codings on one are not on the other.</p>
    </Dialog>
  );
}
