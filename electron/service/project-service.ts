/**
 * The open project: the one object that owns a project's state in a process. The IPC
 * handlers, the browser host and the CLI all drive a project through this class, so what
 * the UI can do can be scripted and tested the same way.
 *
 * It is a facade over the modules in session/, one per job: opening under the lock
 * (open-locked.ts), undo and redo (history.ts), coalesced, retried durable writes
 * (persistence.ts) and reading a batch of files as documents (batch-import.ts). What is
 * left here is what ties them together: running an operation, the project check, the
 * snapshot the renderer loads, and exports.
 */
import { randomUUID } from 'node:crypto';
import fsSync from 'node:fs';
import path from 'node:path';
import type { Coder, ProjectFile } from '../../shared/model/schema';
import { fileFromState, stateFromFile, type Change, type ProjectState } from '../../shared/model/state';
import { planOp, type Planned } from '../../shared/ops/plan';
import { opRequestSchema, type AnonymiseRequest } from '../../shared/ops/requests';
import { previewAnonymise, type AnonymisePreview } from '../../shared/ops/edit-text';
import { err, type Result } from '../../shared/result';
import { EXPORT_LABELS } from '../../shared/ipc/export-kinds';
import { exportFile, toExportContent, type ExportFile, type ExportOptions } from './export-file';
import type {
  ExportContent,
  ExportKind,
  ForgetReply,
  HistoryInfo,
  HostEvents,
  ImportResponse,
  OpResponse,
  Progress,
  SaveState,
  Snapshot,
} from '../../shared/ipc/contract';
import { backupPath, loadProjectFile } from './durable-file';
import { fileErrorReason } from './fs-reasons';
import { documentContent, indexOfState, type DocumentContent } from '../../shared/model/document-index';
import { checkProject, type ProjectCheck } from '../../shared/model/check-project';
import { History } from './session/history';
import { Persistence } from './session/persistence';
import { readBatch, type FileToImport } from './session/batch-import';
import { createLocked, openLocked, openOrCreateLocked, type OpenedFile, type OpenOptions } from './session/open-locked';
import { auditEntry, auditId, auditTextOf, mergeTrails } from '../../shared/ops/audit';
import type { AuditEntry } from '../../shared/model/schema';
import { changeBetween } from '../../shared/merge/change';
import { Backups, BackupError, type BackupInfo } from './backups';
import { cloudSyncOf, cloudSyncWarning } from '../../shared/app/cloud-sync';

export type { FileToImport } from './session/batch-import';
export { LockLostError } from './session/persistence';

export interface ServiceOptions extends OpenOptions {
  /** The person making changes in this process. */
  coder: Coder;
  /** True while the person has not given their name yet (first run): the renderer asks. */
  coderUnnamed?: boolean;
  onEvent?: <E extends keyof HostEvents>(event: E, payload: HostEvents[E]) => void;
  /** Edits within this many ms are written together (default 300). */
  saveDelayMs?: number;
  /** First retry after a failed save (default 5 s), doubling up to a minute. */
  retryDelayMs?: number;
  /**
   * Gloss's data folder: a backup of the project is written under it before each destructive
   * step (backups.ts). Without it no backups are made (a sample, a test).
   */
  dataDir?: string;
}

/** Operations that delete or replace work: a backup is made before each. */
const DESTRUCTIVE = new Set(['deleteCode', 'deleteDocument', 'mergeCodes', 'importCodebook']);

/**
 * Problems listed in a snapshot; the rest are counted. Enough to see every kind of problem
 * a damaged file has, few enough that a file with a problem on every coding still opens fast.
 */
const SNAPSHOT_PROBLEMS = 200;

/** From this many codings an export is announced in the status line while it is built. */
const BIG_EXPORT_CODINGS = 2_000;

export class ProjectService {
  private readonly undoHistory: History;
  private readonly persistence: Persistence;
  private checked: { revision: number; check: ProjectCheck } | null = null;
  /** This project's backups; null without a data folder. */
  readonly backups: Backups | null;
  readonly file: string;
  readonly readOnly: boolean;
  /** True when this service created the file (openOrCreate, create). */
  readonly created: boolean;

  private constructor(
    opened: OpenedFile,
    private readonly state: ProjectState,
    private readonly options: ServiceOptions,
  ) {
    this.file = opened.file;
    this.readOnly = opened.readOnly;
    this.created = opened.created;
    this.undoHistory = new History(state);
    this.backups = options.dataDir && !opened.readOnly ? new Backups(options.dataDir, opened.file) : null;
    this.persistence = new Persistence(opened.file, opened.low, opened.lock, () => fileFromState(this.state), {
      ...(options.saveDelayMs !== undefined ? { saveDelayMs: options.saveDelayMs } : {}),
      ...(options.retryDelayMs !== undefined ? { retryDelayMs: options.retryDelayMs } : {}),
      ...(options.holder ? { holder: options.holder } : {}),
      onSaveState: (state) => this.options.onEvent?.('save-state', state),
    });
  }

  private static from(opened: OpenedFile, options: ServiceOptions): ProjectService {
    return new ProjectService(opened, stateFromFile(opened.low.data), options);
  }

  /**
   * Opens a project file. Throws ProjectOpenError when it is missing, corrupt, from a
   * newer Gloss, locked by another process, or in a folder Gloss cannot write to (unless
   * opened read-only, which takes no lock).
   */
  static async open(file: string, options: ServiceOptions): Promise<ProjectService> {
    return ProjectService.from(await openLocked(file, options), options);
  }

  /** Creates a new project file (refusing to overwrite one) and opens it. */
  static async create(file: string, name: string, options: ServiceOptions, initial?: ProjectFile): Promise<ProjectService> {
    const writable = { ...options, readOnly: false };
    return ProjectService.from(await createLocked(file, name, writable, initial), writable);
  }

  /**
   * Opens `file`, or creates it as an empty project called `name` when it does not exist;
   * which one is decided under the lock, so a file another writer creates meanwhile is
   * opened, never replaced.
   */
  static async openOrCreate(file: string, name: string, options: ServiceOptions): Promise<ProjectService> {
    return ProjectService.from(await openOrCreateLocked(file, name, options), options);
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

  /** Who makes this session's changes (what "already coded by me" means in previews). */
  get coder(): Coder {
    return this.options.coder;
  }

  get save(): SaveState {
    return this.persistence.save;
  }

  /**
   * Grows with every change to the project (an operation, undo, redo, an import): work that
   * ran while the project stayed open (a merge in a worker) can tell whether it changed meanwhile.
   */
  get changeCount(): number {
    return this.persistence.revision;
  }

  history(): HistoryInfo {
    return this.undoHistory.info();
  }

  /** The project check of the project as it is now, listing at most `limit` problems. */
  check(limit = Number.POSITIVE_INFINITY): ProjectCheck {
    const { problems, total, repairable } = this.fullCheck();
    return { problems: problems.slice(0, limit), total, repairable };
  }

  /** The whole check, kept until the next change: a CLI command and a snapshot both ask for it on open. */
  private fullCheck(file?: ProjectFile): ProjectCheck {
    const revision = this.persistence.revision;
    if (this.checked?.revision !== revision) this.checked = { revision, check: checkProject(file ?? fileFromState(this.state)) };
    return this.checked.check;
  }

  /** The project as the renderer opens it: its index (no document texts) and the session's state. */
  snapshot(host: Snapshot['host'], recent: string[] = []): Snapshot {
    const { problems, total, repairable } = this.fullCheck();
    return {
      index: indexOfState(this.state),
      path: this.file,
      readOnly: this.readOnly,
      save: this.save,
      history: this.history(),
      coder: this.options.coder,
      coderUnnamed: this.options.coderUnnamed ?? false,
      host,
      recent,
      check: { problems: problems.slice(0, SNAPSHOT_PROBLEMS), total, repairable },
      ...this.cloudSyncWarning(),
    };
  }

  /** The warning for a project in a folder a cloud client syncs, as the snapshot carries it. */
  private cloudSyncWarning(): { cloudSync?: string } {
    const sync = cloudSyncOf(path.resolve(this.file));
    return sync ? { cloudSync: cloudSyncWarning(path.basename(this.file), sync) } : {};
  }

  /** A document's text and structure ('documents:text'), or null when there is no such document. */
  documentContent(documentId: string): DocumentContent | null {
    const doc = this.state.documents.get(documentId);
    return doc ? documentContent(doc) : null;
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
    if (DESTRUCTIVE.has(parsed.data.type) && change.patches.length > 0) {
      const refused = this.backUp(label);
      if (refused) return refused;
    }
    const response = this.commit(label, change, report, { op: parsed.data.type, text: auditTextOf(parsed.data, label) });
    return response.ok ? { ...response, created } : response;
  }

  /** What an anonymise would replace, and how many codings it would touch; changes nothing. */
  previewAnonymise(request: AnonymiseRequest): Result<AnonymisePreview> {
    const preview = previewAnonymise(this.state, request);
    return preview.ok ? preview : err(capitalise(preview.error) + '.');
  }

  undo(): OpResponse {
    return this.step(() => this.undoHistory.undo(), 'Nothing to undo.', 'undo');
  }

  redo(): OpResponse {
    return this.step(() => this.undoHistory.redo(), 'Nothing to redo.', 'redo');
  }

  private step(take: () => { label: string; change: Change } | null, empty: string, op: 'undo' | 'redo'): OpResponse {
    if (this.readOnly) return { ok: false, error: `${path.basename(this.file)} is open read-only.` };
    const next = op === 'undo' ? this.undoHistory.peekUndo() : this.undoHistory.peekRedo();
    // Read against the state before the step, so the codes and documents it touches are known.
    const entry = next && this.entryFor(next.change, op, `${op === 'undo' ? 'Undo' : 'Redo'}: ${next.auditText}`);
    const step = take();
    if (!step) return { ok: false, error: empty };
    if (entry) this.record(entry);
    this.changed();
    return { ok: true, label: step.label, change: step.change, created: {}, history: this.history() };
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
    const { documents, failed, duplicates, notes } = await readBatch(files, this.state.documents.values(), {
      ...options,
      ...(onProgress ? { onProgress } : {}),
      onStatus: (progress) => this.progress(progress),
    });
    if (documents.length === 0) return { result: null, imported: [], failed, duplicates, notes };
    const result = this.run({ type: 'addDocuments', documents });
    if (!result.ok) return { result, imported: [], failed, duplicates, notes };
    const ids = result.created.documentIds ?? [];
    return { result, imported: ids.map((id) => ({ id, name: this.state.documents.get(id)!.name })), failed, duplicates, notes };
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
  commit(label: string, change: Change, report?: Planned['report'], audit: { op: string; text?: string; trail?: readonly AuditEntry[] } = { op: 'change' }): OpResponse {
    if (this.readOnly) return { ok: false, error: `${path.basename(this.file)} is open read-only; changes are not allowed.` };
    const text = audit.text ?? label;
    const entry = change.patches.length > 0 ? this.entryFor(change, audit.op, text) : null;
    let changed = this.undoHistory.commit(label, change, text);
    // Entries another copy brings (a merge, a restored backup) join the trail even when no entity changed.
    if (audit.trail?.length) {
      const before = this.state.audit?.length ?? 0;
      this.state.audit = mergeTrails(this.state.audit, audit.trail);
      changed ||= this.state.audit.length !== before;
    }
    if (entry && changed) this.record(entry);
    if (changed) this.changed();
    return { ok: true, label, change, created: {}, history: this.history(), ...(report ? { report } : {}) };
  }

  /** The audit trail, oldest first ('audit:list'; the renderer fetches it when the History view is shown). */
  auditTrail(): AuditEntry[] {
    return this.state.audit ?? [];
  }

  private entryFor(change: Change, op: string, text: string): AuditEntry {
    return auditEntry(this.state, change, { id: auditId(randomUUID()), at: new Date().toISOString(), coder: this.options.coder, op, text, requestType: op });
  }

  private record(entry: AuditEntry): void {
    const trail = (this.state.audit ??= []);
    // Clocks can step back (a time zone change, a corrected clock): the trail stays in order.
    const last = trail.at(-1);
    trail.push(last && last.at > entry.at ? { ...entry, at: last.at } : entry);
  }

  /**
   * Writes a backup of the project as it is now, before `label`. An OpResponse refusing the
   * step when the backup cannot be written (nothing is changed then); null when it was written
   * or there is no data folder to write it in.
   */
  backUp(label: string): Extract<OpResponse, { ok: false }> | null {
    if (!this.backups) return null;
    try {
      this.backups.save(fileFromState(this.state), label);
      return null;
    } catch (e) {
      if (!(e instanceof BackupError)) throw e;
      return { ok: false, error: `${e.message}, so “${label}” was not done and nothing was changed. Free some space or check the folder's permissions, then try again.` };
    }
  }

  /** This project's backups, newest first (none without a data folder). */
  listBackups(): BackupInfo[] {
    return this.backups?.listSync() ?? [];
  }

  /**
   * Puts the project back as it was in backup `id`, as one undoable step, after a backup of
   * the project as it is now. The trail keeps every entry of both: a restore takes back the
   * work, not the record of it. The open service holds the project's lock, so the restored
   * project is written like any change, by the lock's holder only.
   */
  async restoreBackup(id: string): Promise<OpResponse> {
    if (this.readOnly) return { ok: false, error: `${path.basename(this.file)} is open read-only; a backup cannot be restored into it.` };
    if (!this.backups) return { ok: false, error: 'This host keeps no backups.' };
    let file: ProjectFile;
    try {
      file = await this.backups.read(id);
    } catch (e) {
      if (e instanceof BackupError) return { ok: false, error: e.message };
      throw e;
    }
    const info = this.backups.listSync().find((b) => b.id === id);
    const label = `Restore the backup from ${info ? info.at.slice(0, 16).replace('T', ' ') : id}`;
    const refused = this.backUp(label);
    if (refused) return refused;
    return this.commit(label, changeBetween(this.state, file), undefined, { op: 'restore', ...(file.audit ? { trail: file.audit } : {}) });
  }

  /**
   * Deletes the copies of the project made before now: its backups in the data folder and
   * the previous save kept beside the file (NAME.gloss.bak). After an anonymise they still
   * hold the name the person took out. The project is saved first, so the file on disk is
   * whole and current before its older copies go; nothing is deleted if that save fails.
   */
  async forgetOlderCopies(): Promise<ForgetReply> {
    if (this.readOnly) return { ok: false, error: `${path.basename(this.file)} is open read-only; its older copies are left as they are.` };
    try {
      await this.flush();
    } catch (e) {
      return { ok: false, error: `${path.basename(this.file)} could not be saved first (${e instanceof Error ? e.message : String(e)}), so no older copy was deleted.` };
    }
    let backups = 0;
    try {
      backups = this.backups?.removeAll() ?? 0;
    } catch (e) {
      if (!(e instanceof BackupError)) throw e;
      return { ok: false, error: `${e.message}.` };
    }
    const previous = backupPath(this.file);
    const previousSave = fsSync.existsSync(previous);
    if (previousSave) {
      try {
        fsSync.rmSync(previous);
      } catch (e) {
        return { ok: false, error: `${backups === 1 ? '1 backup was' : `${backups} backups were`} deleted, but ${path.basename(previous)} could not be (${fileErrorReason(e)}).` };
      }
    }
    return { ok: true, backups, previousSave };
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
  flush(): Promise<void> {
    return this.persistence.flush();
  }

  /** True once this service has written its file (a save, not the creation of a new file). */
  hasWritten(): boolean {
    return this.persistence.hasWritten();
  }

  /** Flushes (best effort) and releases the lock. */
  close(): Promise<void> {
    return this.persistence.close(!this.readOnly);
  }

  /**
   * Releases the project without writing what is not saved yet. A file this service created
   * and never saved since is removed again (still under the lock, so nobody else wrote it).
   */
  discard(): Promise<void> {
    return this.persistence.discard(this.created);
  }

  /** After every change: the project was modified now, and is to be saved. */
  private changed(): void {
    this.state.project = { ...this.state.project, modifiedAt: new Date().toISOString() };
    this.persistence.changed();
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
