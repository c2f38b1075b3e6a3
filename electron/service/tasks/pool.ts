/**
 * Long computations off the host's main thread. In the desktop app the host is Electron's
 * main process, where seconds of agreement would hold up every IPC reply and window event;
 * in the browser host it is the Node server, which would stop answering the page. A task
 * runs in a worker thread instead, reports progress through `onProgress`, and is cancelled
 * by terminating its worker, which stops it at once wherever it is.
 *
 * One worker is kept idle after a task (unref'd, so it never keeps a process alive), as
 * starting one costs a module load: little for the desktop app's bundle, more when the
 * sources are compiled by tsx. A task that comes while another runs gets a worker of its own.
 */
import { Worker } from 'node:worker_threads';
import { HandlerError } from '../handler-error';
import type { Task, TaskMessage, TaskResult, WorkerReply } from './protocol';

/** How a caller follows and stops a task. */
export interface TaskControl {
  /** Aborting it cancels the task: the promise rejects with TaskCancelled. */
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Progress at most this often; 0 for every step. 100 ms by default. */
  progressEveryMs?: number;
  /** What the task does, for messages ("Computing agreement"). */
  label: string;
  /**
   * Stop the task when it has run this long (ms, counted from when the worker starts on
   * it): the promise rejects with TaskTimedOut and `timedOut`'s words. For work whose time
   * the person cannot foresee, such as a regular expression that backtracks without end.
   */
  timeLimit?: { ms: number; message: string };
  /**
   * Cancel by asking the task to stop at its next step (a flag in shared memory) instead of
   * terminating its worker, which then keeps what it holds for the next task (a lane's
   * tables and texts). A worker that has not stopped within STOP_GRACE_MS is terminated.
   */
  stopBetweenSteps?: boolean;
  /** In a lane whose worker is busy, wait for it rather than start a worker of its own (which holds nothing yet). */
  waitForLane?: boolean;
}

/** How long a task asked to stop between steps may take to stop before its worker is terminated. */
export const STOP_GRACE_MS = 2_000;

/** The task was cancelled by its caller: a refusal with a plain message, not a failure. */
export class TaskCancelled extends HandlerError {
  override name = 'TaskCancelled';
}

/** The task ran past its time limit and was stopped: a refusal whose message says what to do. */
export class TaskTimedOut extends HandlerError {
  override name = 'TaskTimedOut';
}

/** Often enough that a progress bar moves smoothly, rarely enough that messages cost nothing. */
export const PROGRESS_EVERY_MS = 100;

/**
 * Where the worker's code is. Bundled (the desktop app's dist/electron/main.cjs, where
 * import.meta.url is the bundle's own URL), the built task-worker.cjs beside it; from the
 * TypeScript sources, bootstrap.mjs, which compiles worker.ts with tsx.
 */
function workerUrl(): URL {
  const here = new URL(import.meta.url);
  return /\.tsx?$/.test(here.pathname) ? new URL('./bootstrap.mjs', here) : new URL('./task-worker.cjs', here);
}

/** Idle workers, ready for the next task. */
const idle: Worker[] = [];
const KEEP_IDLE = 1;

function spawn(): Worker {
  // No flags from the parent: a test runner's or tsx's loader options are not the worker's business.
  const worker = new Worker(workerUrl(), { execArgv: [] });
  // An idle worker that fails (it should not) is simply forgotten; a task running in it hears
  // of the failure through its own listener. Without this one, an idle worker's error would
  // be thrown in the host.
  worker.on('error', () => {});
  worker.on('exit', () => {
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
    // A lane whose worker is gone starts afresh, memo and all.
    for (const [name, lane] of lanes) if (lane.worker === worker) lanes.delete(name);
  });
  return worker;
}

function release(worker: Worker): void {
  if (idle.length < KEEP_IDLE) {
    worker.unref();
    idle.push(worker);
  } else void worker.terminate();
}

/**
 * Starts a worker ahead of the first task, unless one is idle already. From the sources
 * (the browser host under tsx) a worker takes seconds to compile its modules on a busy
 * machine, which the first Compute in the Agreement view would otherwise wait for; started
 * when the project opens, it loads while the page does.
 */
export function warmTaskWorker(): void {
  if (idle.length === 0) release(spawn());
}

/** How many workers wait for a task (for tests). */
export function idleWorkers(): number {
  return idle.length;
}

/** Runs `task` in a worker thread; resolves to its result, rejects with its refusal, failure or cancellation. */
export function runTask<T extends Task>(task: T, control: TaskControl): Promise<TaskResult<T>> {
  if (control.signal?.aborted) return Promise.reject(new TaskCancelled(`${control.label} was cancelled.`));
  const worker = idle.pop() ?? spawn();
  return runOn(worker, task, control, (alive) => alive && release(worker));
}

/**
 * A worker kept for one kind of task (search), with the host's note of what it has sent it
 * (`memo`): the worker keeps the document texts it was sent, and the next task sends only
 * the texts that changed. Copying a 10-million-character project's texts to a worker takes
 * the host's main thread most of a second each time; sent once, later searches cost only
 * the scan. The lane's worker and its memo are dropped together when the worker stops
 * (a cancel, a time limit), so the memo never claims what a new worker does not hold.
 */
interface Lane {
  worker: Worker;
  memo: Map<string, number>;
  busy: boolean;
  /** Settles when the task running in the lane has ended (see TaskControl.waitForLane). */
  running?: Promise<unknown>;
}

const lanes = new Map<string, Lane>();

/** Starts lane `name`'s worker ahead of its first task (see warmTaskWorker), unless it has one. */
export function warmLane(name: string): void {
  if (!lanes.has(name)) {
    const worker = spawn();
    worker.unref();
    lanes.set(name, { worker, memo: new Map(), busy: false });
  }
}

/**
 * Runs the task `build` makes in the worker of lane `name`, passing it the lane's memo to
 * read and update. While the lane's worker is busy (a search not yet stopped), the task gets
 * a worker of its own with an empty memo, ended after it.
 */
export function runLaneTask<T extends Task>(name: string, build: (memo: Map<string, number>) => T, control: TaskControl): Promise<TaskResult<T>> {
  if (control.signal?.aborted) return Promise.reject(new TaskCancelled(`${control.label} was cancelled.`));
  let lane = lanes.get(name);
  if (!lane) lanes.set(name, (lane = { worker: spawn(), memo: new Map(), busy: false }));
  if (lane.busy && control.waitForLane) {
    return (lane.running ?? Promise.resolve()).then(
      () => runLaneTask(name, build, control),
      () => runLaneTask(name, build, control),
    );
  }
  if (lane.busy) {
    const worker = spawn();
    return runOn(worker, build(new Map()), control, () => void worker.terminate());
  }
  const own = lane;
  own.busy = true;
  const running = runOn(own.worker, build(own.memo), control, (alive) => {
    own.busy = false;
    if (alive) own.worker.unref();
    else if (lanes.get(name) === own) {
      // Stopped (a cancel, a time limit): a fresh worker loads now, ready for the next task.
      lanes.delete(name);
      warmLane(name);
    }
  });
  own.running = running;
  return running;
}

/** Runs `task` on `worker`; `afterwards` hears whether the worker is still alive for another task. */
function runOn<T extends Task>(worker: Worker, task: T, control: TaskControl, afterwards: (alive: boolean) => void): Promise<TaskResult<T>> {
  const { signal, onProgress, progressEveryMs = PROGRESS_EVERY_MS, label, timeLimit, stopBetweenSteps } = control;
  const stopFlag = stopBetweenSteps ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
  worker.ref();
  return new Promise<TaskResult<T>>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      signal?.removeEventListener('abort', onAbort);
    };
    const onMessage = (reply: WorkerReply) => {
      if (reply.type === 'started') {
        if (timeLimit) timer = setTimeout(onTimeout, timeLimit.ms);
        return;
      }
      if (reply.type === 'progress') {
        onProgress?.(reply.done, reply.total);
        return;
      }
      finish();
      afterwards(true);
      // Asked to stop: whatever came back (it may have finished first), the caller wanted none of it.
      if (stopFlag && Atomics.load(stopFlag, 0) === 1) reject(new TaskCancelled(`${label} was cancelled.`));
      else if (reply.type === 'done') resolve(reply.value as TaskResult<T>);
      else if (reply.type === 'refused') reject(new HandlerError(reply.message));
      else if (reply.type === 'stopped') reject(new TaskCancelled(`${label} was cancelled.`));
      else reject(Object.assign(new Error(`${label} failed: ${reply.message}`), { stack: reply.stack }));
    };
    // The worker could not start or crashed (out of memory, say): it is gone, and so is the task.
    const onError = (error: Error) => {
      finish();
      void worker.terminate();
      afterwards(false);
      reject(new Error(`${label} failed: ${error.message}`, { cause: error }));
    };
    const onExit = (code: number) => {
      finish();
      afterwards(false);
      reject(new Error(`${label} failed: its worker stopped (exit code ${code}).`));
    };
    const onAbort = () => {
      if (stopFlag) {
        // Asked to stop at its next step; the worker answers 'stopped' and stays. One that does not is ended.
        Atomics.store(stopFlag, 0, 1);
        signal?.removeEventListener('abort', onAbort);
        clearTimeout(timer);
        timer = setTimeout(() => {
          finish();
          void worker.terminate();
          afterwards(false);
          reject(new TaskCancelled(`${label} was cancelled.`));
        }, STOP_GRACE_MS);
        return;
      }
      finish();
      void worker.terminate();
      afterwards(false);
      reject(new TaskCancelled(`${label} was cancelled.`));
    };
    // Terminating the worker is the only way to stop a regular expression inside exec().
    const onTimeout = () => {
      finish();
      void worker.terminate();
      afterwards(false);
      reject(new TaskTimedOut(timeLimit!.message));
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    signal?.addEventListener('abort', onAbort, { once: true });
    const stepDelayMs = Number(process.env.GLOSS_TEST_TASK_STEP_DELAY_MS) || 0;
    const message: TaskMessage = { task, progressEveryMs, ...(stepDelayMs > 0 ? { stepDelayMs } : {}), ...(stopFlag ? { stopFlag } : {}) };
    worker.postMessage(message);
  });
}
