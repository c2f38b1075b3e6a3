/**
 * Splitting a code from the Excerpts view: the excerpts a person ticked move to another
 * code, an existing one or a new one made in the same step (moveCodings), so one undo
 * takes the whole split back. A new code goes beside the code the first excerpt had.
 */
import { useState } from 'react';
import { codePath } from '../../../shared/model/codes';
import type { OpRequest } from '../../../shared/ops/requests';
import { useGloss } from '../store';
import { selectCodeRows } from '../store/selectors';
import { run } from '../project/actions';
import { visibleName } from '../../../shared/text/safe-names';

const NEW = '\u0000new';

export function SplitBar({ selected, onDone }: { selected: readonly string[]; onDone: () => void }) {
  const rows = useGloss(selectCodeRows);
  const project = useGloss((s) => s.project);
  const readOnly = useGloss((s) => s.readOnly);
  const [target, setTarget] = useState(NEW);
  const [name, setName] = useState('');
  if (selected.length === 0 || !project) return null;

  const move = async () => {
    const first = project.codings.get(selected[0]!);
    const parentId = first ? (project.codes.get(first.codeId)?.parentId ?? null) : null;
    const codingIds = [...selected];
    const request: OpRequest =
      target === NEW ? { type: 'moveCodings', codingIds, newCodeName: name.trim(), parentId } : { type: 'moveCodings', codingIds, codeId: target };
    if (await run(request)) {
      setName('');
      onDone();
    }
  };
  const ready = target !== NEW || name.trim() !== '';

  return (
    <form
      className="split-bar"
      aria-label="Move the selected excerpts"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) void move();
      }}
    >
      <span className="split-count">{selected.length === 1 ? '1 excerpt selected' : `${selected.length} excerpts selected`}</span>
      <label className="field-inline">
        <span>Move to</span>
        <select value={target} onChange={(e) => setTarget(e.target.value)} disabled={readOnly}>
          <option value={NEW}>A new code…</option>
          {rows
            .filter((r) => r.code.codable)
            .map((r) => (
              <option key={r.code.id} value={r.code.id}>
                {visibleName(codePath(project, r.code.id))}
              </option>
            ))}
        </select>
      </label>
      {target === NEW && (
        <label className="field-inline">
          <span>New code’s name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} disabled={readOnly} />
        </label>
      )}
      <button type="submit" className="small" disabled={readOnly || !ready}>
        Move excerpts
      </button>
      <button type="button" className="small" onClick={onDone}>
        Clear selection
      </button>
    </form>
  );
}
