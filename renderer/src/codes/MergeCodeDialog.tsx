/** "Merge into…": choose the code that takes over all of this code's codings, see the counts, confirm. */
import { useMemo, useState } from 'react';
import type { Code } from '../../../shared/model/schema';
import { codePath, descendantIds } from '../../../shared/model/codes';
import { Dialog } from '../common/Dialog';
import { useGloss } from '../store';
import { selectCodeRows } from '../store/selectors';
import { run } from '../project/actions';
import { visibleName } from '../../../shared/text/safe-names';
import { mergeCounts, mergeMessage } from './merge-counts';

export function MergeCodeDialog({ code, onClose }: { code: Code; onClose: () => void }) {
  const rows = useGloss(selectCodeRows);
  const project = useGloss((s) => s.project);
  const revision = useGloss((s) => s.revision);
  const targets = useMemo(() => {
    if (!project) return [];
    // Not itself, nor one of its own sub-codes (they move under the target with it).
    const excluded = new Set(descendantIds(project, code.id));
    return rows.filter((r) => !excluded.has(r.code.id) && r.code.codable).map((r) => ({ id: r.code.id, label: codePath(project, r.code.id) }));
  }, [rows, project, code.id]);
  const [target, setTarget] = useState('');
  const message = useMemo(() => {
    const into = target && project?.codes.get(target);
    return project && into ? mergeMessage(visibleName(code.name), visibleName(into.name), mergeCounts(project, code.id, target)) : null;
    // revision: the project's maps change in place.
  }, [project, target, code, revision]);

  const merge = async () => {
    if (!target) return;
    if (await run({ type: 'mergeCodes', sourceId: code.id, targetId: target })) onClose();
  };

  return (
    <Dialog title={`Merge “${visibleName(code.name)}” into another code`} submitLabel="Merge codes" submitDanger submitDisabled={!target} onSubmit={() => void merge()} onClose={onClose}>
      <label className="field">
        <span>Merge into</span>
        <select value={target} onChange={(e) => setTarget(e.target.value)} autoFocus>
          <option value="">Choose a code…</option>
          {targets.map((t) => (
            <option key={t.id} value={t.id}>
              {visibleName(t.label)}
            </option>
          ))}
        </select>
      </label>
      <p className="merge-code-counts" aria-live="polite">
        {message ?? 'All codings of this code will move to the code you choose.'}
      </p>
    </Dialog>
  );
}
