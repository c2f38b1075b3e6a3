/**
 * Long tasks the host runs off its main thread (agreement, merges): an id sent with the
 * request, so the task can be cancelled by it, and Cancel itself. A cancelled request
 * fails like any other; wasCancelled() tells its caller that the person asked for it, so
 * that no error is shown for it.
 */
import { call } from '../bridge/call';

const cancelled = new Set<string>();

/** A fresh id to send with a long request (`kind` only makes it readable in logs). */
export function newTaskId(kind: string): string {
  return `${kind}-${crypto.randomUUID()}`;
}

/** Asks the host to stop the task; its request then fails with "… was cancelled.". */
export async function cancelTask(taskId: string): Promise<void> {
  cancelled.add(taskId);
  await call('task:cancel', taskId);
}

/** Whether the task was cancelled from this window; asking forgets it. */
export function wasCancelled(taskId: string): boolean {
  return cancelled.delete(taskId);
}
