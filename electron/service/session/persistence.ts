/**
 * Saving one open project: edits made close together are written together (one durable
 * write for a burst), a failed write keeps the work in memory and is tried again with a
 * growing delay, and nothing is written once the project's lock was taken away, since
 * another writer may have saved since. The save state it reports is what the status line
 * shows.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Low } from 'lowdb';
import type { ProjectFile } from '../../../shared/model/schema';
import type { SaveState } from '../../../shared/ipc/contract';
import type { HeldLock, HolderKind } from '../lock';
import { fileErrorReason, fileErrorWayOut } from '../fs-reasons';
import { fileExists } from '../free-path';

/** Edits within this many ms are written together, unless told otherwise. */
export const DEFAULT_SAVE_DELAY_MS = 300;
/** The first retry after a failed save, unless told otherwise; it doubles up to MAX_RETRY_MS. */
export const DEFAULT_RETRY_MS = 5000;
/** A failing disk is tried at least once a minute: often enough to save soon after it is back. */
export const MAX_RETRY_MS = 60_000;

export interface PersistenceOptions {
  /** Edits within this many ms are written together (default DEFAULT_SAVE_DELAY_MS). */
  saveDelayMs?: number;
  /** First retry after a failed save (default DEFAULT_RETRY_MS), doubling up to MAX_RETRY_MS. */
  retryDelayMs?: number;
  /** Who holds the lock, for the way out a failed save suggests. */
  holder?: HolderKind;
  /** Every change of the save state (for the status line). */
  onSaveState?: (state: SaveState) => void;
}

/** The lock file of an open project was removed or replaced by someone else: saving now could overwrite another writer's save. */
export class LockLostError extends Error {
  constructor(file: string) {
    super(`its lock file ${path.basename(file)}.lock was removed or replaced by another program, so Gloss did not write over what may have been saved since`);
    this.name = 'LockLostError';
  }
}

/**
 * The writes of one project file. `current` gives what to write (the live state as a
 * file); `changed` is called after each edit. Only one write runs at a time.
 */
export class Persistence {
  private saveState: SaveState = { status: 'saved', at: null };
  private revisionNow = 0;
  private savedRevision = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> | null = null;
  private retryMs: number;
  private closed = false;
  /** Why the last save failed, for callers that word it themselves (the CLI). */
  private lastError: unknown = null;

  constructor(
    readonly file: string,
    private readonly low: Low<ProjectFile>,
    private readonly lock: HeldLock | null,
    private readonly current: () => ProjectFile,
    private readonly options: PersistenceOptions = {},
  ) {
    this.retryMs = options.retryDelayMs ?? DEFAULT_RETRY_MS;
  }

  get save(): SaveState {
    return this.saveState;
  }

  /** Counts edits; equal revisions mean an unchanged project. */
  get revision(): number {
    return this.revisionNow;
  }

  /** After an edit: marks the project unsaved and schedules a write. */
  changed(): void {
    this.revisionNow++;
    if (this.saveState.status !== 'error') this.setSaveState({ status: 'pending' });
    this.schedule(this.options.saveDelayMs ?? DEFAULT_SAVE_DELAY_MS);
  }

  /** Writes pending changes now and waits for the write; throws if it fails. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.writing || this.revisionNow !== this.savedRevision) {
      if (this.writing) await this.writing;
      else await this.write();
      if (this.saveState.status === 'error') throw new Error(this.saveState.message, { cause: this.lastError });
    }
  }

  /** True once the file was written (a save, not the creation of a new file). */
  hasWritten(): boolean {
    return this.savedRevision > 0;
  }

  /** Writes what is pending (when `flushFirst`; a failure is thrown) and releases the lock, whatever happens. */
  async close(flushFirst: boolean): Promise<void> {
    if (this.closed) return;
    try {
      if (flushFirst) await this.flush();
    } finally {
      this.stop();
      await this.lock?.release();
    }
  }

  /**
   * Stops without writing what is pending and releases the lock. With `removeIfUnsaved`, a
   * file never saved by this session is removed first (still under the lock, so nobody else
   * wrote it): a project created for a command that then failed.
   */
  async discard(removeIfUnsaved: boolean): Promise<void> {
    if (this.closed) return;
    this.stop();
    if (this.writing) await this.writing.catch(() => {});
    try {
      if (removeIfUnsaved && this.savedRevision === 0 && this.lock && (await this.lock.isHeld())) await fs.rm(this.file, { force: true });
    } finally {
      await this.lock?.release();
    }
  }

  private stop(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delay: number): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.write();
    }, delay);
  }

  private setSaveState(state: SaveState): void {
    this.saveState = state;
    this.options.onSaveState?.(state);
  }

  /** One durable write of the current state; concurrent callers share it. */
  private write(): Promise<void> {
    if (this.writing) return this.writing;
    const revision = this.revisionNow;
    this.setSaveState({ status: 'saving' });
    this.writing = (async () => {
      try {
        // Never write without the lock: if another program removed or replaced it, another
        // writer may have saved since, and this copy would throw that away. (A folder that
        // vanished with its lock, a network drive gone, fails the write below and is retried.)
        if (this.lock && !(await this.lock.isHeld()) && (await fileExists(path.dirname(this.file)))) throw new LockLostError(this.file);
        this.low.data = this.current();
        await this.low.write();
        this.savedRevision = revision;
        this.retryMs = this.options.retryDelayMs ?? DEFAULT_RETRY_MS;
        this.setSaveState(this.revisionNow === revision ? { status: 'saved', at: new Date().toISOString() } : { status: 'pending' });
      } catch (e) {
        this.failed(e);
      } finally {
        this.writing = null;
      }
      if (this.revisionNow !== this.savedRevision && this.saveState.status !== 'error') {
        this.schedule(this.options.saveDelayMs ?? DEFAULT_SAVE_DELAY_MS);
      }
    })();
    return this.writing;
  }

  /** Says why a write failed and, unless trying again cannot help, schedules the next try. */
  private failed(e: unknown): void {
    this.lastError = e;
    const name = path.basename(this.file);
    if (e instanceof LockLostError) {
      // Trying again cannot help: only a copy under another name is safe now.
      this.setSaveState({ status: 'error', message: `Could not save ${name}: ${e.message}. Your work is kept in memory; keep it with Save As under another name.` });
      return;
    }
    const wayOut = fileErrorWayOut(e, this.options.holder === 'host' ? 'host' : 'app');
    this.setSaveState({
      status: 'error',
      message: `Could not save ${name}: ${fileErrorReason(e)}. Your work is kept in memory and Gloss will keep trying.${wayOut ? ` ${wayOut}` : ''}`,
    });
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    this.schedule(delay);
  }
}
