/**
 * Long work the host reports: a bar (with a count when the amount is known), what is being
 * done, and Cancel when the task can be stopped. Shown in the status line, and in a modal
 * dialog that waits for the task (where the status line cannot be reached).
 */
import { useState } from 'react';
import type { Progress } from '../../../shared/ipc/contract';
import { formatCount } from '../common/format-count';
import { cancelTask } from './actions';

export function TaskProgress({ progress }: { progress: Progress }) {
  const [cancelling, setCancelling] = useState<string | null>(null);
  const { task, done, total, current, taskId } = progress;
  return (
    <span className="progress" aria-live="polite">
      {total > 0 ? (
        <>
          <progress max={total} value={done} aria-label={task} /> {task}: {formatCount(done)} of {formatCount(total)}
        </>
      ) : (
        <>
          <progress aria-label={task} /> {task}…
        </>
      )}
      {current ? ` (${current})` : ''}
      {taskId && (
        <button
          type="button"
          className="small"
          aria-label={`Cancel ${task.charAt(0).toLowerCase()}${task.slice(1)}`}
          disabled={cancelling === taskId}
          onClick={() => {
            setCancelling(taskId);
            void cancelTask(taskId);
          }}
        >
          {cancelling === taskId ? 'Cancelling…' : 'Cancel'}
        </button>
      )}
    </span>
  );
}
