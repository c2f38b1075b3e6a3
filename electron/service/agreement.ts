/**
 * Host side of inter-coder agreement (channel team:agreement): the shared engine, run in a
 * task worker (tasks/pool.ts) on a copy of the tables it reads, so the host keeps
 * answering (in the desktop app, every IPC call and window event) while a big project is
 * computed. Progress goes to the status line, and the task can be cancelled.
 */
import type { AgreementResult } from '../../shared/agreement/types';
import type { AgreementRequestPayload } from '../../shared/ipc/contract';
import type { ProjectService } from './project-service';
import { packAgreementTables } from './tasks/agreement-tables';
import { PROGRESS_EVERY_MS, runTask } from './tasks/pool';
import type { RunningTask } from './tasks/running-tasks';

const TASK = 'Computing agreement';

/**
 * Agreement on the open project. The tables go to the worker packed (a copy taken here,
 * at once), so an edit made while the worker computes cannot mix rows from before and
 * after it. Progress is reported at most every `progressEveryMs` (0: after every
 * code); a small project finishes before the first report and shows no progress line at
 * all (a line that flashes for a moment helps no one).
 */
export async function agreement(
  service: Pick<ProjectService, 'current' | 'progress'>,
  request: AgreementRequestPayload,
  progressEveryMs = PROGRESS_EVERY_MS,
  control: Partial<RunningTask> = {},
): Promise<AgreementResult> {
  const { taskId: _named, ...engineRequest } = request;
  const cancellable = control.id ? { taskId: control.id } : {};
  let reported = false;
  try {
    return await runTask(
      { kind: 'agreement', tables: packAgreementTables(service.current), request: engineRequest },
      {
        label: TASK,
        progressEveryMs,
        onProgress: (done, total) => {
          reported = true;
          service.progress({ task: TASK, done, total, ...cancellable });
        },
        ...(control.signal ? { signal: control.signal } : {}),
      },
    );
  } finally {
    if (reported) service.progress(null);
  }
}
