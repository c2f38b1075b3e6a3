/** Asks before deleting a code, saying how many codings (and sub-codes) go with it. */
import type { Code } from '../../../shared/model/schema';
import { descendantIds } from '../../../shared/model/codes';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { useGloss } from '../store';
import { codingsRemovedWithCode } from '../store/selectors';
import { run } from '../project/actions';
import { visibleName } from '../../../shared/text/safe-names';

export function deleteCodeMessage(codings: number, subCodes: number): string {
  const parts = [codings === 1 ? '1 coding will be removed' : `${codings} codings will be removed`];
  if (subCodes > 0) parts.push(subCodes === 1 ? 'its sub-code will be deleted too' : `its ${subCodes} sub-codes will be deleted too`);
  return `${parts.join(', and ')}. You can undo this.`;
}

export function DeleteCodeDialog({ code, onClose }: { code: Code; onClose: () => void }) {
  const codings = useGloss((s) => codingsRemovedWithCode(s, code.id));
  const subCodes = useGloss((s) => (s.project ? descendantIds(s.project, code.id).length - 1 : 0));
  return (
    <ConfirmDialog
      title={`Delete code “${visibleName(code.name)}”?`}
      message={deleteCodeMessage(codings, subCodes)}
      confirmLabel="Delete code"
      onConfirm={() => void run({ type: 'deleteCode', codeId: code.id })}
      onClose={onClose}
    />
  );
}
