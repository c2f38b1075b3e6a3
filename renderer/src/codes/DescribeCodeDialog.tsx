/** A code's description: what it means and when to apply it (the codebook's definition). */
import { useState } from 'react';
import type { Code } from '../../../shared/model/schema';
import { Dialog } from '../common/Dialog';
import { run } from '../project/actions';
import { visibleName } from '../../../shared/text/safe-names';

export function DescribeCodeDialog({ code, onClose }: { code: Code; onClose: () => void }) {
  const [description, setDescription] = useState(code.description);
  const save = async () => {
    if (description === code.description) return onClose();
    if (await run({ type: 'describeCode', codeId: code.id, description })) onClose();
  };
  return (
    <Dialog title={`Describe “${visibleName(code.name)}”`} submitLabel="Save description" onSubmit={() => void save()} onClose={onClose}>
      <label className="field">
        <span>Description</span>
        <textarea rows={6} value={description} onChange={(e) => setDescription(e.target.value)} autoFocus />
      </label>
    </Dialog>
  );
}
