/** "Move to…": choose a new parent for a code (or the top level). */
import { useMemo, useState } from 'react';
import type { Code } from '../../../shared/model/schema';
import { codePath, descendantIds } from '../../../shared/model/codes';
import { Dialog } from '../common/Dialog';
import { useGloss } from '../store';
import { selectCodeRows } from '../store/selectors';
import { run } from '../project/actions';
import { visibleName } from '../../../shared/text/safe-names';

const TOP = '';

export function MoveCodeDialog({ code, onClose }: { code: Code; onClose: () => void }) {
  const rows = useGloss(selectCodeRows);
  const project = useGloss((s) => s.project);
  const [parent, setParent] = useState(code.parentId ?? TOP);
  const targets = useMemo(() => {
    if (!project) return [];
    const excluded = new Set(descendantIds(project, code.id));
    return rows.filter((r) => !excluded.has(r.code.id)).map((r) => ({ id: r.code.id, label: codePath(project, r.code.id) }));
  }, [rows, project, code.id]);

  const move = async () => {
    const parentId = parent === TOP ? null : parent;
    if (parentId === code.parentId) return onClose();
    if (await run({ type: 'moveCode', codeId: code.id, parentId })) onClose();
  };

  return (
    <Dialog title={`Move “${visibleName(code.name)}”`} submitLabel="Move" onSubmit={() => void move()} onClose={onClose}>
      <label className="field">
        <span>New parent</span>
        <select value={parent} onChange={(e) => setParent(e.target.value)} autoFocus>
          <option value={TOP}>(Top level)</option>
          {targets.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
    </Dialog>
  );
}
