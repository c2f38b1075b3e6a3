/**
 * The task worker (node:worker_threads): runs one task at a time as the host sends them
 * (see pool.ts), reporting progress at most every `progressEveryMs` and then its result.
 * A task is cancelled by terminating the worker, so nothing here needs to watch for it.
 *
 * Built into dist/electron/task-worker.cjs for the desktop app (build/build-electron.mjs);
 * from the sources it is started through bootstrap.mjs, which loads TypeScript with tsx.
 */
import { parentPort } from 'node:worker_threads';
import { HandlerError } from '../handler-error';
import { perform } from './perform';
import type { TaskMessage, WorkerReply } from './protocol';

const port = parentPort;
if (!port) throw new Error('the task worker must be started as a worker thread');

/** Blocks this thread for `ms` (the test-only step delay; a worker may block, it has nothing else to do). */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Thrown at a step when the host set the task's stop flag. */
class Stopped extends Error {}

port.on('message', ({ task, progressEveryMs, stepDelayMs = 0, stopFlag }: TaskMessage) => {
  const post = (reply: WorkerReply) => port.postMessage(reply);
  // Nothing is said before the first interval: a task that ends sooner shows no progress line at all.
  let last = performance.now();
  post({ type: 'started' });
  try {
    const value = perform(task, (done, total) => {
      if (stepDelayMs > 0) pause(stepDelayMs);
      if (stopFlag && Atomics.load(stopFlag, 0) === 1) throw new Stopped();
      const now = performance.now();
      if (now - last < progressEveryMs) return;
      last = now;
      post({ type: 'progress', done, total });
    });
    post({ type: 'done', value });
  } catch (e) {
    if (e instanceof Stopped) post({ type: 'stopped' });
    else if (e instanceof HandlerError) post({ type: 'refused', message: e.message });
    else post({ type: 'failed', message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined });
  }
});
