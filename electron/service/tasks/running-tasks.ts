/**
 * The long tasks a host is running, by id, so that 'task:cancel' can stop one. The id is
 * the caller's (the renderer picks one and sends it with its request) or, when it sent
 * none, one made here; progress events carry it, so the status line's Cancel knows what
 * to stop either way.
 */
import { randomUUID } from 'node:crypto';

/** What a task receives to report progress under its id and to notice cancellation. */
export interface RunningTask {
  id: string;
  signal: AbortSignal;
}

export class RunningTasks {
  private readonly running = new Map<string, AbortController>();

  /** Runs `work` as a cancellable task under `id` (or a new id). */
  async run<T>(id: string | undefined, work: (task: RunningTask) => Promise<T>): Promise<T> {
    // Two requests with one id: the second gets its own, so cancelling the first cannot stop it.
    const taskId = id && !this.running.has(id) ? id : randomUUID();
    const controller = new AbortController();
    this.running.set(taskId, controller);
    try {
      return await work({ id: taskId, signal: controller.signal });
    } finally {
      this.running.delete(taskId);
    }
  }

  /** Cancels the task with this id; false when none is running (it has already finished). */
  cancel(id: string): boolean {
    const controller = this.running.get(id);
    if (!controller) return false;
    controller.abort();
    return true;
  }
}
