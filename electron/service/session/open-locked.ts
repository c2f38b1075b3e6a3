/**
 * Opening a project file for a session: the lock is taken before anything is read (so what
 * is read is what the last writer saved), a new file is created only under its lock, and a
 * failure releases the lock again. What comes back is the file read, ready for Persistence.
 */
import path from 'node:path';
import { Low } from 'lowdb';
import type { ProjectFile } from '../../../shared/model/schema';
import { emptyProjectFile } from '../../../shared/model/state';
import { serializeProject } from '../../../shared/model/serialize';
import { DurableProjectAdapter, ProjectOpenError, createFileDurably, loadProjectFile } from '../durable-file';
import type { HeldLock, HolderKind, LockInfo } from '../lock';
import { lockProject } from '../project-lock';
import { fileErrorReason } from '../fs-reasons';
import { fileExists } from '../free-path';

export interface OpenOptions {
  /** Open without the lock (the session then refuses every change). */
  readOnly?: boolean;
  /** What holds the lock: the desktop app (default), the browser host, or a short gloss command. */
  holder?: HolderKind;
  /** How long to wait while another short gloss command holds the lock (default CLI_WAIT_MS). */
  lockWaitMs?: number;
  /** Called once when waiting for another gloss command's lock begins. */
  onLockWait?: (holder: LockInfo) => void;
}

/** A project file read for a session, with the lock it holds (none when read-only). */
export interface OpenedFile {
  /** The absolute path. */
  file: string;
  low: Low<ProjectFile>;
  lock: HeldLock | null;
  readOnly: boolean;
  /** True when this open created the file. */
  created: boolean;
}

/**
 * Takes the lock of `file` for opening it writable. Throws a ProjectOpenError naming the
 * holder, or saying why Gloss cannot write there (for a missing file: that it cannot be
 * created there when `creating`, else that it does not exist).
 */
async function lockFor(file: string, options: OpenOptions, creating: boolean): Promise<HeldLock> {
  try {
    return await lockProject(file, {
      holder: options.holder ?? 'app',
      ...(options.lockWaitMs !== undefined ? { waitMs: options.lockWaitMs } : {}),
      ...(options.onLockWait ? { onWait: options.onLockWait } : {}),
    });
  } catch (e) {
    // When Gloss cannot even tell whether the file is there, the lock's own error says most.
    if (!(e instanceof ProjectOpenError && e.kind === 'unwritable') || (await fileExists(file).catch(() => true))) throw e;
    // A missing file is one that cannot be created here, or one that is not there to open.
    if (creating) throw new ProjectOpenError(`${path.basename(file)} could not be created: ${fileErrorReason(e.fsError)}.`, file, 'unwritable', null, e.fsError);
    await loadProjectFile(file);
    throw e;
  }
}

/** Reads `file` under `lock` (released if the read fails). */
async function readLocked(file: string, lock: HeldLock | null, readOnly: boolean, created: boolean): Promise<OpenedFile> {
  const low = new Low<ProjectFile>(new DurableProjectAdapter(file), emptyProjectFile('', ''));
  try {
    await low.read();
  } catch (e) {
    await lock?.release();
    throw e;
  }
  return { file, low, lock, readOnly, created };
}

/**
 * Whether `file` exists, asked under `lock`. When even that cannot be told, the lock is
 * released and a ProjectOpenError says why.
 */
async function existsUnder(lock: HeldLock, file: string): Promise<boolean> {
  try {
    return await fileExists(file);
  } catch (e) {
    await lock.release();
    throw new ProjectOpenError(`${path.basename(file)} could not be opened: ${fileErrorReason(e, 'reading')}.`, file, 'unreadable', null, e);
  }
}

/**
 * Writes `data` as the new file `absolute` under `lock`; refuses to replace an existing
 * file. On failure the lock is released and a ProjectOpenError says why.
 */
async function writeNew(absolute: string, data: ProjectFile, lock: HeldLock): Promise<void> {
  const name = path.basename(absolute);
  try {
    await createFileDurably(absolute, serializeProject(data));
  } catch (e) {
    await lock.release();
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new ProjectOpenError(`${name} already exists; choose another name.`, absolute, 'unreadable');
    throw new ProjectOpenError(`${name} could not be created: ${fileErrorReason(e)}.`, absolute, 'unwritable', null, e);
  }
}

/**
 * Opens a project file. Throws ProjectOpenError when it is missing, corrupt, from a newer
 * Gloss, locked by another process, or in a folder Gloss cannot write to (unless opened
 * read-only, which takes no lock).
 */
export async function openLocked(file: string, options: OpenOptions): Promise<OpenedFile> {
  const absolute = path.resolve(file);
  const lock = options.readOnly ? null : await lockFor(absolute, options, false);
  return readLocked(absolute, lock, !!options.readOnly, false);
}

/** Creates a new project file with `initial` (or an empty project called `name`), refusing to overwrite one, and opens it. */
export async function createLocked(file: string, name: string, options: OpenOptions, initial?: ProjectFile): Promise<OpenedFile> {
  const absolute = path.resolve(file);
  const data = initial ?? emptyProjectFile(name, new Date().toISOString());
  const lock = await lockFor(absolute, options, true);
  if (await existsUnder(lock, absolute)) {
    await lock.release();
    throw new ProjectOpenError(`${path.basename(absolute)} already exists; choose another name.`, absolute, 'unreadable');
  }
  await writeNew(absolute, data, lock);
  return readLocked(absolute, lock, false, true);
}

/**
 * Opens `file`, or creates it as an empty project called `name` when it does not exist;
 * which one is decided under the lock, so a file another writer creates meanwhile is
 * opened, never replaced.
 */
export async function openOrCreateLocked(file: string, name: string, options: OpenOptions): Promise<OpenedFile> {
  const absolute = path.resolve(file);
  if (options.readOnly) return openLocked(absolute, options);
  const lock = await lockFor(absolute, options, true);
  const created = !(await existsUnder(lock, absolute));
  if (created) await writeNew(absolute, emptyProjectFile(name, new Date().toISOString()), lock);
  return readLocked(absolute, lock, false, created);
}
