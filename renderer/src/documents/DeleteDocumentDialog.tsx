/** Asks before deleting a document, saying how many codings go with it. */
import { ConfirmDialog } from '../common/ConfirmDialog';
import { run } from '../project/actions';
import { visibleName } from '../../../shared/text/safe-names';

export function DeleteDocumentDialog({ documentId, name, codings, onClose }: { documentId: string; name: string; codings: number; onClose: () => void }) {
  return (
    <ConfirmDialog
      title={`Delete “${visibleName(name)}”?`}
      message={
        codings > 0
          ? `The document and its ${codings === 1 ? 'coding' : `${codings} codings`} will be removed from the project. You can undo this.`
          : 'The document will be removed from the project. You can undo this.'
      }
      confirmLabel="Delete document"
      onConfirm={() => void run({ type: 'deleteDocument', documentId })}
      onClose={onClose}
    />
  );
}
