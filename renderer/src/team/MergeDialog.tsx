/**
 * File ▸ Merge project…: choose another coder's copy (and, for a three-way merge, the file
 * that was handed out), see what the merge would do, pick a side for every conflict, then
 * merge as one undoable step. Nothing is written before Merge. The host reads and merges
 * in a worker; while it does, the dialog shows its progress, and Stop (or closing the
 * dialog) cancels it.
 */
import { useEffect, useRef, useState } from 'react';
import type { MergePreview, MergeRequest } from '../../../shared/ipc/contract';
import type { MergeConflict, MergeReport, Side } from '../../../shared/merge/types';
import { Dialog } from '../common/Dialog';
import { useGloss } from '../store';
import { messageOf, nothingWas } from '../common/errors';
import { toFileRef, type PickedFile } from '../files/choose';
import { FileField } from '../files/FileField';
import { applyMerge, previewMerge } from './actions';
import { cancelTask, newTaskId } from '../tasks/actions';
import { TaskProgress } from '../tasks/TaskProgress';
import { allChosen, countsText, matchedText, takeAll } from './merge-report';
import './team.css';
import { visibleName } from '../../../shared/text/safe-names';

/** The error, saying that nothing changed unless it already does. */
const unchanged = (error: string) => nothingWas(error, 'changed');

type Stage = { kind: 'choose' } | { kind: 'review'; request: MergeRequest; preview: MergePreview };

export function MergeDialog({ onClose }: { onClose: () => void }) {
  const projectName = useGloss((s) => s.project?.project.name ?? 'this project');
  const [other, setOther] = useState<PickedFile | null>(null);
  const [base, setBase] = useState<PickedFile | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [choices, setChoices] = useState<Record<string, Side>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The host's task for the preview or the merge under way, for Stop.
  const task = useRef<string | null>(null);
  const progress = useGloss((s) => (busy && task.current && s.progress?.taskId === task.current ? s.progress : null));

  // Closing the dialog while the host works on it stops that work.
  useEffect(
    () => () => {
      if (task.current) void cancelTask(task.current);
    },
    [],
  );
  const stop = () => {
    if (task.current) void cancelTask(task.current);
  };

  const preview = async () => {
    if (!other) return setProblem('Choose the other coder’s copy of the project (a .gloss file).');
    setBusy(true);
    setProblem(null);
    const taskId = newTaskId('merge-preview');
    try {
      // A file that cannot be read (moved, deleted, unreadable since it was chosen) is named in the error.
      const request: MergeRequest = { other: await toFileRef(other), ...(base ? { base: await toFileRef(base) } : {}) };
      task.current = taskId;
      const outcome = await previewMerge(request, taskId);
      if (!outcome.ok) return setProblem(outcome.error === null ? 'The preview was stopped. Nothing was changed.' : unchanged(outcome.error));
      setChoices({});
      setStage({ kind: 'review', request, preview: outcome.preview });
    } catch (e) {
      // Only reading a chosen file throws here (previewMerge reports the host's errors): say which one.
      setProblem(unchanged(messageOf(e)));
    } finally {
      task.current = null;
      setBusy(false);
    }
  };

  const merge = async () => {
    if (stage.kind !== 'review') return;
    setBusy(true);
    setProblem(null);
    const taskId = newTaskId('merge');
    task.current = taskId;
    const outcome = await applyMerge(stage.request, choices, taskId);
    task.current = null;
    setBusy(false);
    if (!outcome.ok) return setProblem(outcome.error === null ? 'The merge was stopped. Nothing was changed.' : unchanged(outcome.error));
    onClose();
  };

  const working = busy && (
    <p className="merge-working" role="status">
      {progress ? <TaskProgress progress={progress} /> : <span>Working…</span>}{' '}
      {!progress?.taskId && task.current && (
        <button type="button" className="small" onClick={stop}>
          Stop
        </button>
      )}
    </p>
  );

  if (stage.kind === 'choose') {
    return (
      <Dialog title="Merge another copy of this project" submitLabel="Preview" submitDisabled={busy} className="wide merge-choose" onSubmit={() => void preview()} onClose={onClose}>
        <p className="hint">
          Bring another coder’s codings, codes and memos into “{visibleName(projectName)}”. You will see what the merge would do, and choose where the copies disagree,
          before anything changes.
        </p>
        <FileField label="The other coder’s copy (.gloss)" purpose="project-copy" value={other} onChange={setOther} autoFocus />
        <FileField label="The file that was handed out (optional)" purpose="project-copy" value={base} onChange={setBase} />
        <p className="hint">With the handed-out file, Gloss can tell a deletion from an addition: what one coder deleted stays deleted unless the other changed it.</p>
        {working}
        {problem && (
          <p className="error-text" role="alert">
            {problem}
          </p>
        )}
      </Dialog>
    );
  }

  const { report, conflicts } = stage.preview;
  const complete = allChosen(conflicts, choices);
  const otherName = visibleName(stage.request.other.name);
  return (
    <Dialog
      title={`Merge ${otherName}`}
      submitLabel="Merge"
      submitDisabled={busy || !complete}
      className="wide merge-dialog"
      onSubmit={() => void merge()}
      onClose={onClose}
      extraButtons={
        <button type="button" onClick={() => setStage({ kind: 'choose' })}>
          Back
        </button>
      }
    >
      <MergeReportView report={report} otherName={otherName} threeWay={!!stage.request.base} />
      {conflicts.length > 0 && (
        <section className="merge-conflicts" aria-labelledby="merge-conflicts-heading">
          <h3 id="merge-conflicts-heading">
            {conflicts.length === 1 ? '1 conflict' : `${conflicts.length} conflicts`}: choose which to keep
          </h3>
          <div className="chooser-buttons">
            <button type="button" className="small" onClick={() => setChoices(takeAll(conflicts, 'ours'))}>
              Take all from this project
            </button>
            <button type="button" className="small" onClick={() => setChoices(takeAll(conflicts, 'theirs'))}>
              Take all from the other copy
            </button>
          </div>
          <ul className="merge-conflict-list">
            {conflicts.map((conflict) => (
              <li key={conflict.id}>
                <ConflictChoice conflict={conflict} choice={choices[conflict.id]} onChoose={(side) => setChoices({ ...choices, [conflict.id]: side })} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {!complete && <p className="hint">Merge is possible once every conflict has a choice.</p>}
      {working}
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}

function MergeReportView({ report, otherName, threeWay }: { report: MergeReport; otherName: string; threeWay: boolean }) {
  const matched = matchedText(report.matched);
  const deleted = countsText(report.deleted);
  // Older engines may not send notes.
  const notes: readonly string[] = report.notes ?? [];
  return (
    <section className="merge-report" aria-label="What the merge would do">
      <ul className="report">
        <li>
          From {otherName}: <strong>{countsText(report.addedFromTheirs)}</strong> added.
        </li>
        <li>Only in this project (kept): {countsText(report.addedFromOurs)}.</li>
        {matched && <li>In both, matched: {matched}.</li>}
        {threeWay && <li>Deleted on one side: {deleted}.</li>}
        {report.reanchored > 0 && (
          <li>
            {report.reanchored === 1 ? '1 coding was' : `${report.reanchored} codings were`} placed again by its quote (the document’s text differs between the
            copies).
          </li>
        )}
      </ul>
      {report.unplaced.length > 0 && (
        <div className="merge-unplaced">
          <p className="needs-review">
            {report.unplaced.length === 1 ? '1 coding cannot be placed' : `${report.unplaced.length} codings cannot be placed`}: its words are not in this
            project’s text. It will not be merged.
          </p>
          <ul>
            {report.unplaced.map((u, i) => (
              <li key={i}>
                <q>{u.quote}</q> <span className="muted">— {u.code} in {u.document} ({u.side === 'ours' ? 'this project' : 'the other copy'})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {notes.length > 0 && (
        <ul className="report merge-notes" aria-label="Notes">
          {notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ConflictChoice({ conflict, choice, onChoose }: { conflict: MergeConflict; choice: Side | undefined; onChoose: (side: Side) => void }) {
  const name = `conflict-${conflict.id}`;
  return (
    <fieldset className="choices merge-conflict">
      <legend>{conflict.label}</legend>
      {conflict.base !== null && (
        <p className="muted merge-base">
          Handed out as: <ConflictValue value={conflict.base} />
        </p>
      )}
      <label className="check">
        <input type="radio" name={name} checked={choice === 'ours'} onChange={() => onChoose('ours')} />
        <span>
          Keep this project’s: <ConflictValue value={conflict.ours} />
        </span>
      </label>
      <label className="check">
        <input type="radio" name={name} checked={choice === 'theirs'} onChange={() => onChoose('theirs')} />
        <span>
          Take the other copy’s: <ConflictValue value={conflict.theirs} />
        </span>
      </label>
    </fieldset>
  );
}

function ConflictValue({ value }: { value: string }) {
  return value === '' ? <em className="muted">(empty)</em> : <span className="merge-value">{value}</span>;
}
