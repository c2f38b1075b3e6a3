/**
 * A writer taking a project's lock, in words a user reads: who holds it, or why Gloss cannot
 * write there. Whoever holds a project's lock is the only process that writes the project,
 * so it also clears what crashed writers left beside it.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ProjectOpenError, tempFilesOf } from './durable-file';
import { fileErrorReason } from './fs-reasons';
import { acquireLock, describeHolder, processIsAlive, staleLockLeftovers, type HeldLock, type HolderKind, type LockInfo, type LockResult } from './lock';

export interface ProjectLockOptions {
  /** What takes the lock: a short gloss command waits for another; the app and the host do not hold things up. */
  holder: HolderKind;
  /** How long to wait while another gloss command holds it (default CLI_WAIT_MS). */
  waitMs?: number;
  /** Called once when waiting for another gloss command begins. */
  onWait?: (holder: LockInfo) => void;
  /** What the user can do when the app or the host holds it (default: open it read-only, or close it there). */
  wayOut?: string;
}

const OPEN_READ_ONLY = 'Open it read-only, or close it there first.';

/** "ana on lab-pc, process 4242": a gloss command, named briefly. */
const shortly = (holder: LockInfo) => `${holder.user || 'someone'} on ${holder.host}, process ${holder.pid}`;

/** The line a waiting gloss command prints: "study.gloss is being changed by another gloss command (…); waiting for it to finish". */
export function waitingMessage(file: string, holder: LockInfo): string {
  return `${path.basename(file)} is being changed by another gloss command (${shortly(holder)}); waiting for it to finish`;
}

/** Why the lock was not taken, naming the holder, and what to do (`wayOut` when the app or the host holds it). */
export function heldMessage(file: string, result: Extract<LockResult, { ok: false }>, wayOut = OPEN_READ_ONLY): string {
  const name = path.basename(file);
  if (result.waited) {
    return `${name} is still being changed by another gloss command (${shortly(result.holder)}); it did not finish in time. Try again when it has.`;
  }
  return `${name} is already open in Gloss by ${describeHolder(result.holder)}. ${wayOut}`;
}

/**
 * Removes what crashed writers of `file` left beside it: its hidden temp files
 * (.NAME.gloss.<pid>.<ms>.tmp) and lock leftovers, whose pid no longer runs here. For the
 * lock holder only, who knows no other Gloss is writing the project. The names removed.
 */
export async function removeLeftovers(file: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(path.dirname(file));
  } catch {
    return [];
  }
  const temps = tempFilesOf(file, names)
    .filter((t) => t.pid !== process.pid && !processIsAlive(t.pid))
    .map((t) => t.name);
  const stale = [...temps, ...(await staleLockLeftovers(file, names))];
  const removed: string[] = [];
  for (const name of stale) {
    // Best effort: a leftover that cannot be removed now is tried again at the next open.
    if (await fs.rm(path.join(path.dirname(file), name), { force: true }).then(() => true, () => false)) removed.push(name);
  }
  return removed;
}

/**
 * Takes the lock of the project `file` (which need not exist yet), then clears crashed
 * writers' leftovers. Throws a ProjectOpenError: 'locked' naming the holder, or
 * 'unwritable' when the lock cannot be written (a read-only folder, no permission).
 */
export async function lockProject(file: string, options: ProjectLockOptions): Promise<HeldLock> {
  let result: LockResult;
  try {
    result = await acquireLock(file, options.holder, { ...(options.waitMs !== undefined ? { waitMs: options.waitMs } : {}), ...(options.onWait ? { onWait: options.onWait } : {}) });
  } catch (e) {
    throw new ProjectOpenError(`${path.basename(file)} cannot be changed here: ${fileErrorReason(e)}.`, file, 'unwritable', null, e);
  }
  if (!result.ok) throw new ProjectOpenError(heldMessage(file, result, options.wayOut), file, 'locked');
  await removeLeftovers(file);
  return result.lock;
}

/** Runs `work` holding the lock of `file`; the lock is released however `work` ends. */
export async function withProjectLock<T>(file: string, options: ProjectLockOptions, work: (lock: HeldLock) => Promise<T>): Promise<T> {
  const lock = await lockProject(file, options);
  try {
    return await work(lock);
  } finally {
    await lock.release();
  }
}

/** True for a path that names a Gloss project (*.gloss), which only its lock holder writes: exports refuse it. */
export const isProjectPath = (file: string) => /\.gloss$/i.test(file);
