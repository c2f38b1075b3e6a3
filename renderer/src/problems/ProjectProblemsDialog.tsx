/**
 * After a project opens with problems the project check found (a memo on a deleted
 * document, a coding that splits a character…): the list, in plain words, and a Repair
 * button that mends what can be mended without loss as one undoable step. Opened once when
 * a project with problems is loaded; nothing is changed unless the person asks.
 */
import { useState } from 'react';
import type { ProjectCheck } from '../../../shared/model/check-project';
import { Dialog } from '../common/Dialog';
import { useGloss } from '../store';
import { run } from '../project/actions';
import { visibleText } from '../../../shared/text/safe-names';

const count = (n: number) => (n === 1 ? 'a problem' : `${n.toLocaleString()} problems`);

export function ProjectProblemsDialog({ check, onClose: close }: { check: ProjectCheck; onClose: () => void }) {
  const readOnly = useGloss((s) => s.readOnly);
  const notify = useGloss((s) => s.notify);
  const [busy, setBusy] = useState(false);

  const repair = async () => {
    setBusy(true);
    const response = await run({ type: 'repairProject' });
    setBusy(false);
    if (!response) return; // the error is already shown
    close();
    notify(`${response.label}: done. Undo puts the project back as it was.`, 'info');
  };
  const more = check.total - check.problems.length;
  const canRepair = !readOnly && check.repairable > 0;

  return (
    <Dialog
      title={`This project has ${count(check.total)}`}
      className="wide project-problems"
      submitLabel={canRepair ? (busy ? 'Repairing…' : 'Repair') : undefined}
      submitDisabled={busy}
      cancelLabel={canRepair ? 'Not now' : 'Close'}
      onSubmit={() => void repair()}
      onClose={close}
    >
      <p>
        Gloss opened it as it is and changed nothing.{' '}
        {check.repairable === 0
          ? 'None of these can be mended without loss, so they stay as they are.'
          : readOnly
            ? 'It is open read-only; open it for editing to repair it.'
            : `Repair mends ${check.repairable === check.total ? 'each of these' : `${check.repairable.toLocaleString()} of these`} as described, in one step that Undo reverts; nothing anyone wrote is removed.`}
      </p>
      <ul className="problem-list" aria-label="Problems found">
        {check.problems.map((problem, i) => (
          <li key={i}>
            {visibleText(problem.message)}
            {problem.repair && <span className="problem-repair"> Repair {visibleText(problem.repair)}.</span>}
          </li>
        ))}
      </ul>
      {more > 0 && <p>…and {more.toLocaleString()} more of the same kinds.</p>}
    </Dialog>
  );
}
