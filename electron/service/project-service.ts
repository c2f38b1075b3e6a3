/**
 * The open project: the one object that owns a project's state in a process. The IPC
 * handlers, the browser host and the CLI all drive a project through this class, so what
 * the UI can do can be scripted and tested the same way.
 */
import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import type { Coder, ProjectFile } from '../../shared/model/schema';
import {
  applyChange,
  emptyProjectFile,
  fileFromState,
  invertChange,
  stateFromFile,
  type Change,
  type ProjectState,
} from '../../shared/model/state';
import { planOp, type Planned } from '../../shared/ops/plan';
import { opRequestSchema, type AnonymiseRequest, type ImportedDocument } from '../../shared/ops/requests';
import { previewAnonymise, type AnonymisePreview } from '../../shared/ops/edit-text';
import { err, type Result } from '../../shared/result';
import { documentNameFor, readDocument } from '../../shared/import/registry';
import { EXPORT_LABELS } from '../../shared/ipc/export-kinds';
import { exportFile, toExportContent, type ExportFile, type ExportOptions } from './export-file';
import type {
  ExportContent,
  ExportKind,
  HistoryInfo,
  HostEvents,
  ImportResponse,
  OpResponse,
  Progress,
  SaveState,
  Snapshot,
} from '../../shared/ipc/contract';
import { DurableProjectAdapter, ProjectOpenError, createFileDurably, loadProjectFile } from './durable-file';
import { serializeProject } from '../../shared/model/serialize';
import { checkProject, type ProjectCheck } from '../../shared/model/check-project';
import type { HeldLock, HolderKind, LockInfo } from './lock';
import { lockProject } from './project-lock';
import { fileErrorReason, fileErrorWayOut } from './fs-reasons';
import { fileExists } from './free-path';
import { tolerateStrayPdfRejections } from './pdf-rejections';

export interface ServiceOptions {
  /** The person making changes in this process. */
  coder: Coder;
  /** True while the person has not given their name yet (first run): the renderer asks. */
  coderUnnamed?: boolean;
  /** Open without the lock and refuse every change. */
  readOnly?: boolean;
  /** What holds the lock: the desktop app (default), the browser host, or a short gloss command. */
  holder?: HolderKind;
  /** How long to wait while another short gloss command holds the lock (default CLI_WAIT_MS). */
  lockWaitMs?: number;
  /** Called once when waiting for another gloss command's lock begins. */
  onLockWait?: (holder: LockInfo) => void;
  onEvent?: <E extends keyof HostEvents>(event: E, payload: HostEvents[E]) => void;
  /** Edits within this many ms are written together (default 300). */
  saveDelayMs?: number;
  /** First retry after a failed save (default 5 s), doubling up to a minute. */
  retryDelayMs?: number;
}

interface HistoryEntry {
  label: string;
  forward: Change;
  inverse: Change;
}

export interface FileToImport {
  name: string;
  bytes: Uint8Array;
}

const MAX_RETRY_MS = 60_000;

/**
 * Problems listed in a snapshot; the rest are counted. Enough to see every kind of problem
 * a damaged file has, few enough that a file with a problem on every coding still opens fast.
 */
const SNAPSHOT_PROBLEMS = 200;

/** From this many codings an export is announced in the status line while it is built. */
const BIG_EXPORT_CODINGS = 2_000;

export class ProjectService {
  private readonly undoStack: HistoryEntry[] = [];
  private readonly redoStack: HistoryEntry[] = [];
  private saveState: SaveState = { status: 'saved', at: null };
  private revision = 0;
  private savedRevision = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> | null = null;
  private retryMs: number;
  private closed = false;
  private checked: { revision: number; check: ProjectCheck } | null = null;
  /** Why the last save failed, for callers that word it themselves (the CLI). */
  private lastError: unknown = null;

  private constructor(
    readonly file: string,
    private readonly state: ProjectState,
    private readonly low: Low<ProjectFile>,
    private readonly lock: HeldLock | null,
    readonly readOnly: boolean,
    private readonly options: ServiceOptions,
    /** True when this service created the file (openOrCreate, create). */
    readonly created = false,
  ) {
    this.retryMs = options.retryDelayMs ?? 5000;
  }

  /**
   * Takes the lock of `file` (before anything reads it, so what is read is what the last
   * writer saved), for opening it writable. Throws a ProjectOpenError naming the holder, or
   * saying why Gloss cannot write there (for a missing file: that it cannot be created
   * there when `creating`, else that it does not exist).
   */
  private static async lockFor(file: string, options: ServiceOptions, creating = false): Promise<HeldLock> {
    try {
      return await lockProject(file, {
        holder: options.holder ?? 'app',
        ...(options.lockWaitMs !== undefined ? { waitMs: options.lockWaitMs } : {}),
        ...(options.onLockWait ? { onWait: options.onLockWait } : {}),
      });
    } catch (e) {
      if (!(e instanceof ProjectOpenError && e.kind === 'unwritable') || (await fileExists(file))) throw e;
      // A missing file is one that cannot be created here, or one that is not there to open.
      if (creating) throw new ProjectOpenError(`${path.basename(file)} could not be created: ${fileErrorReason(e.fsError)}.`, file, 'unwritable', null, e.fsError);
      await loadProjectFile(file);
      throw e;
    }
  }

  /** Reads `file` under `lock` (released if the read fails) into a service. */
  private static async readLocked(file: string, lock: HeldLock | null, options: ServiceOptions, created = false): Promise<ProjectService> {
    const low = new Low<ProjectFile>(new DurableProjectAdapter(file), emptyProjectFile('', ''));
    try {
      await low.read();
    } catch (e) {
      await lock?.release();
      throw e;
    }
    return new ProjectService(file, stateFromFile(low.data), low, lock, !!options.readOnly, options, created);
  }

  /**
   * Opens a project file. Throws ProjectOpenError when it is missing, corrupt, from a
   * newer Gloss, locked by another process, or in a folder Gloss cannot write to (unless
   * opened read-only, which takes no lock).
   */
  static async open(file: string, options: ServiceOptions): Promise<ProjectService> {
    const absolute = path.resolve(file);
    const lock = options.readOnly ? null : await ProjectService.lockFor(absolute, options);
    return ProjectService.readLocked(absolute, lock, options);
  }

  /**
   * Writes `data` as the new file `absolute` under `lock`; refuses to replace an existing
   * file. On failure the lock is released and a ProjectOpenError says why.
   */
  private static async createLocked(absolute: string, data: ProjectFile, lock: HeldLock): Promise<void> {
    const name = path.basename(absolute);
    try {
      await createFileDurably(absolute, serializeProject(data));
    } catch (e) {
      await lock.release();
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new ProjectOpenError(`${name} already exists; choose another name.`, absolute, 'unreadable');
      throw new ProjectOpenError(`${name} could not be created: ${fileErrorReason(e)}.`, absolute, 'unwritable', null, e);
    }
  }

  /** Creates a new project file (refusing to overwrite one) and opens it. */
  static async create(file: string, name: string, options: ServiceOptions, initial?: ProjectFile): Promise<ProjectService> {
    const absolute = path.resolve(file);
    const data = initial ?? emptyProjectFile(name, new Date().toISOString());
    const lock = await ProjectService.lockFor(absolute, { ...options, readOnly: false }, true);
    if (await fileExists(absolute)) {
      await lock.release();
      throw new ProjectOpenError(`${path.basename(absolute)} already exists; choose another name.`, absolute, 'unreadable');
    }
    await ProjectService.createLocked(absolute, data, lock);
    return ProjectService.readLocked(absolute, lock, { ...options, readOnly: false }, true);
  }

  /**
   * Opens `file`, or creates it as an empty project called `name` when it does not exist;
   * which one is decided under the lock, so a file another writer creates meanwhile is
   * opened, never replaced.
   */
  static async openOrCreate(file: string, name: string, options: ServiceOptions): Promise<ProjectService> {
    const absolute = path.resolve(file);
    if (options.readOnly) return ProjectService.open(absolute, options);
    const lock = await ProjectService.lockFor(absolute, options, true);
    const created = !(await fileExists(absolute));
    if (created) await ProjectService.createLocked(absolute, emptyProjectFile(name, new Date().toISOString()), lock);
    return ProjectService.readLocked(absolute, lock, options, created);
  }

  /** Validates a file without opening it (for the CLI and for offering backups). */
  static read(file: string): Promise<ProjectFile> {
    return loadProjectFile(file);
  }

  get name(): string {
    return this.state.project.name;
  }

  /** The live state, for read-only use by exports and the CLI. */
  get current(): Readonly<ProjectState> {
    return this.state;
  }

  get save(): SaveState {
    return this.saveState;
  }

  /**
   * Grows with every change to the project (an operation, undo, redo, an import): work that
   * ran while the project stayed open (a merge in a worker) can tell whether it changed meanwhile.
   */
  get changeCount(): number {
    return this.revision;
  }

  history(): HistoryInfo {
    return {
      undo: this.undoStack.at(-1)?.label ?? null,
      redo: this.redoStack.at(-1)?.label ?? null,
    };
  }

  /** The project check of the project as it is now, listing at most `limit` problems. */
  check(limit = Number.POSITIVE_INFINITY): ProjectCheck {
    const { problems, total, repairable } = this.fullCheck();
    return { problems: problems.slice(0, limit), total, repairable };
  }

  /** The whole check, kept until the next change: a CLI command and a snapshot both ask for it on open. */
  private fullCheck(file?: ProjectFile): ProjectCheck {
    if (this.checked?.revision !== this.revision) this.checked = { revision: this.revision, check: checkProject(file ?? fileFromState(this.state)) };
    return this.checked.check;
  }

  snapshot(host: Snapshot['host'], recent: string[] = []): Snapshot {
    const file = fileFromState(this.state);
    const { problems, total, repairable } = this.fullCheck(file);
    return {
      file,
      path: this.file,
      readOnly: this.readOnly,
      save: this.saveState,
      history: this.history(),
      coder: this.options.coder,
      coderUnnamed: this.options.coderUnnamed ?? false,
      host,
      recent,
      check: { problems: problems.slice(0, SNAPSHOT_PROBLEMS), total, repairable },
    };
  }

  /** Validates and carries out one operation, recording it for undo. */
  run(request: unknown): OpResponse {
    if (this.readOnly) return { ok: false, error: `${path.basename(this.file)} is open read-only; changes are not allowed.` };
    const parsed = opRequestSchema.safeParse(request);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: `Invalid request: ${issue ? `${issue.path.join('.') || 'request'}: ${issue.message}` : 'malformed'}` };
    }
    const planned = planOp(this.state, parsed.data, {
      now: new Date().toISOString(),
      newId: randomUUID,
      coder: this.options.coder,
    });
    if (!planned.ok) return { ok: false, error: capitalise(planned.error) + '.' };
    const { label, change, created, report } = planned.value;
    const response = this.commit(label, change, report);
    return response.ok ? { ...response, created } : response;
  }

  /** What an anonymise would replace, and how many codings it would touch; changes nothing. */
  previewAnonymise(request: AnonymiseRequest): Result<AnonymisePreview> {
    const preview = previewAnonymise(this.state, request);
    return preview.ok ? preview : err(capitalise(preview.error) + '.');
  }

  undo(): OpResponse {
    return this.step(this.undoStack, this.redoStack, 'inverse', 'Nothing to undo.');
  }

  redo(): OpResponse {
    return this.step(this.redoStack, this.undoStack, 'forward', 'Nothing to redo.');
  }

  private step(from: HistoryEntry[], to: HistoryEntry[], direction: 'forward' | 'inverse', empty: string): OpResponse {
    if (this.readOnly) return { ok: false, error: `${path.basename(this.file)} is open read-only.` };
    const entry = from.pop();
    if (!entry) return { ok: false, error: empty };
    const change = entry[direction];
    applyChange(this.state, change);
    to.push(entry);
    this.changed();
    return { ok: true, label: entry.label, change, created: {}, history: this.history() };
  }

  /**
   * Imports files as documents in one undoable step. Each file is read completely before
   * anything changes; a file that cannot be read is reported and the others still import.
   * A file with the same content (sha256) as an existing document, or as an earlier file of
   * the batch, is not imported unless `allowDuplicates` is set: it comes back in
   * `duplicates`, so the user can be asked whether to import a copy.
   */
  async importFiles(
    files: FileToImport[],
    onProgress?: (done: number, total: number) => void,
    options: { allowDuplicates?: boolean } = {},
  ): Promise<ImportResponse> {
    // A damaged PDF can make pdf.js reject in the background after its answer (see pdf-rejections.ts).
    if (files.some((f) => /\.pdf$/i.test(f.name))) tolerateStrayPdfRejections();
    const documents: ImportedDocument[] = [];
    const failed: ImportResponse['failed'] = [];
    const duplicates: ImportResponse['duplicates'] = [];
    const notes: ImportResponse['notes'] = [];
    /** sha256 → name of the document (existing or earlier in this batch) with that content. */
    const known = new Map<string, string>();
    for (const doc of this.state.documents.values()) {
      if (doc.source && !known.has(doc.source.sha256)) known.set(doc.source.sha256, doc.name);
    }
    const report = (done: number, current?: string) => {
      onProgress?.(done, files.length);
      // A single small file imports in a blink; a progress line would only flicker.
      if (files.length > 1) this.options.onEvent?.('progress', { task: 'Importing documents', done, total: files.length, current });
    };
    for (const [i, file] of files.entries()) {
      const baseName = file.name.split(/[\\/]/).pop() ?? file.name;
      report(i, baseName);
      const sha256 = createHash('sha256').update(file.bytes).digest('hex');
      const existing = known.get(sha256);
      if (existing !== undefined && !options.allowDuplicates) {
        duplicates.push({ name: baseName, existing });
        report(i + 1);
        continue;
      }
      const read = await readDocument(file.bytes, baseName);
      if (read.ok) {
        const name = documentNameFor(baseName);
        documents.push({
          name,
          text: read.value.text,
          source: { fileName: baseName, type: read.value.type, size: file.bytes.length, sha256 },
          structure: read.value.structure,
        });
        for (const note of read.value.notes) notes.push({ name: baseName, note: `${baseName}: ${note}.` });
        if (existing === undefined) known.set(sha256, name);
      } else {
        failed.push({ name: baseName, error: `${baseName}: ${read.error}; it was not imported.` });
      }
      report(i + 1);
    }
    if (files.length > 1) this.options.onEvent?.('progress', null);
    if (documents.length === 0) return { result: null, imported: [], failed, duplicates, notes };
    const result = this.run({ type: 'addDocuments', documents });
    if (!result.ok) return { result, imported: [], failed, duplicates, notes };
    const ids = result.created.documentIds ?? [];
    return { result, imported: ids.map((id, i) => ({ id, name: documents[i]!.name })), failed, duplicates, notes };
  }

  /**
   * The export `kind` of the project as it is now. On a big project the status line says
   * an export is under way (a workbook of 100,000 codings takes seconds).
   */
  async exportFile(kind: ExportKind, options: ExportOptions = {}): Promise<ExportFile> {
    const announce = this.state.codings.size >= BIG_EXPORT_CODINGS;
    if (announce) this.progress({ task: `Exporting ${EXPORT_LABELS[kind]}`, done: 0, total: 0 });
    try {
      return await exportFile(this.state, kind, options);
    } finally {
      if (announce) this.progress(null);
    }
  }

  /** exportFile in the form the renderer receives it: binary formats come base64-encoded. */
  async exportContent(kind: ExportKind, options: ExportOptions = {}): Promise<ExportContent> {
    return toExportContent(await this.exportFile(kind, options));
  }

  /**
   * Applies a change as one undoable step: every operation's (run), and changes planned
   * outside planOp (a merge).
   */
  commit(label: string, change: Change, report?: Planned['report']): OpResponse {
    if (this.readOnly) return { ok: false, error: `${path.basename(this.file)} is open read-only; changes are not allowed.` };
    if (change.patches.length > 0) {
      const inverse = invertChange(this.state, change);
      applyChange(this.state, change);
      this.undoStack.push({ label, forward: change, inverse });
      this.redoStack.length = 0;
      this.changed();
    }
    return { ok: true, label, change, created: {}, history: this.history(), ...(report ? { report } : {}) };
  }

  /** Long work under way, for the status line; null when it is over. */
  progress(progress: Progress | null): void {
    this.options.onEvent?.('progress', progress);
  }

  /** Who codes from now on in this session (after the person changed their name). */
  setCoder(coder: Coder): void {
    this.options.coder = coder;
    this.options.coderUnnamed = false;
  }

  /** Writes pending changes now and waits for the write; throws if it fails. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.writing || this.revision !== this.savedRevision) {
      if (this.writing) await this.writing;
      else await this.write();
      if (this.saveState.status === 'error') throw new Error(this.saveState.message, { cause: this.lastError });
    }
  }

  /** True once this service has written its file (a save, not the creation of a new file). */
  hasWritten(): boolean {
    return this.savedRevision > 0;
  }

  /** Flushes (best effort) and releases the lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    try {
      if (!this.readOnly) await this.flush();
    } finally {
      this.closed = true;
      if (this.timer) clearTimeout(this.timer);
      await this.lock?.release();
    }
  }

  /**
   * Releases the project without writing what is not saved yet. A file this service created
   * and never saved since is removed again (still under the lock, so nobody else wrote it).
   */
  async discard(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.writing) await this.writing.catch(() => {});
    try {
      if (this.created && this.savedRevision === 0 && this.lock && (await this.lock.isHeld())) await fs.rm(this.file, { force: true });
    } finally {
      await this.lock?.release();
    }
  }

  private changed(): void {
    this.state.project = { ...this.state.project, modifiedAt: new Date().toISOString() };
    this.revision++;
    if (this.saveState.status !== 'error') this.setSaveState({ status: 'pending' });
    this.schedule(this.options.saveDelayMs ?? 300);
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
    this.options.onEvent?.('save-state', state);
  }

  /** One durable write of the current state; concurrent callers share it. */
  private write(): Promise<void> {
    if (this.writing) return this.writing;
    const revision = this.revision;
    this.setSaveState({ status: 'saving' });
    this.writing = (async () => {
      try {
        // Never write without the lock: if another program removed or replaced it, another
        // writer may have saved since, and this copy would throw that away. (A folder that
        // vanished with its lock, a network drive gone, fails the write below and is retried.)
        if (this.lock && !(await this.lock.isHeld()) && (await fileExists(path.dirname(this.file)))) throw new LockLostError(this.file);
        this.low.data = fileFromState(this.state);
        await this.low.write();
        this.savedRevision = revision;
        this.retryMs = this.options.retryDelayMs ?? 5000;
        this.setSaveState(this.revision === revision ? { status: 'saved', at: new Date().toISOString() } : { status: 'pending' });
      } catch (e) {
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
      } finally {
        this.writing = null;
      }
      if (this.revision !== this.savedRevision && this.saveState.status !== 'error') {
        this.schedule(this.options.saveDelayMs ?? 300);
      }
    })();
    return this.writing;
  }
}

/** The lock file of an open project was removed or replaced by someone else: saving now could overwrite another writer's save. */
export class LockLostError extends Error {
  constructor(file: string) {
    super(`its lock file ${path.basename(file)}.lock was removed or replaced by another program, so Gloss did not write over what may have been saved since`);
    this.name = 'LockLostError';
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
