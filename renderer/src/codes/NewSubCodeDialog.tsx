/** "New sub-code…" on a code: names a child code and creates it under that code in one step. */
import { useState } from 'react';
import type { Code } from '../../../shared/model/schema';
import { Dialog } from '../common/Dialog';
import { run } from '../project/actions';
import { visibleName } from '../../../shared/text/safe-names';

export function NewSubCodeDialog({ parent, onClose }: { parent: Code; onClose: () => void }) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const create = async () => {
    if (!name.trim()) return setProblem('Type a name for the new code.');
    if (await run({ type: 'createCode', name, parentId: parent.id })) onClose();
  };
  return (
    <Dialog title={`New sub-code of “${visibleName(parent.name)}”`} submitLabel="Create" onSubmit={() => void create()} onClose={onClose}>
      <label className="field">
        <span>Name</span>
        <input
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setProblem(null);
          }}
          autoFocus
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'new-sub-code-problem' : undefined}
        />
      </label>
      {problem && (
        <p id="new-sub-code-problem" className="error-text" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
