/**
 * The project open in the Gloss window, and every flow that replaces or copies it: New,
 * Open, Open Recent, Save As, choosing files and saving exports with native dialogs, and
 * closing on quit. It is the Electron HostContext the channel handlers run against.
 *
 * A project opened at the renderer's request comes back in the reply; one opened from the
 * menu, the OS or a second launch is announced with a 'reload' event instead, so the
 * renderer loads each project once.
 */
import path from 'node:path';
import { app, type BrowserWindow } from 'electron';
import type { Coder, ProjectFile } from '../shared/model/schema';
import { fileFromState } from '../shared/model/state';
import { serializeProject } from '../shared/model/serialize';
import { exportSaveFilter, FILE_CHOOSERS, type FilePurpose } from '../shared/app/file-choosers';
import type { ChosenFile, HostEvent, HostEvents, Snapshot } from '../shared/ipc/contract';
import { writeFileDurably } from './service/durable-file';
import type { ExportFile } from './service/export-file';
import { HandlerError, type HostContext } from './service/handlers';
import { ProjectService, type FileToImport, type ServiceOptions } from './service/project-service';
import { SessionSwap, type EventSink } from './service/session-swap';
import { readPickedFile } from './service/read-import-files';
import { ask, chooseOpenPaths, chooseProjectPath, chooseSavePath, PROJECT_FILTERS, showError } from './dialogs';
import { openProjectInteractively, samePath, writeUnlessOpen } from './open-project';
import type { Preferences } from './preferences';
import { sendEvent } from './ipc';
import { fileErrorReason, fileErrorWayOut } from './service/fs-reasons';
import { ProjectOpenError } from './service/durable-file';
import { isProjectPath } from './service/project-lock';
import { renameCoder } from './service/settings';

export interface SessionDeps {
  coder: Coder;
  /** First run: the person has not given their name yet. */
  coderUnnamed: boolean;
  /** Gloss's settings folder (the coder's name is saved there). */
  dataDir: string;
  prefs: Preferences;
  window(): BrowserWindow | null;
  /** The open project changed (or closed): menus and the like need refreshing. */
  onProjectChanged(): void;
}

export class DesktopSession {
  /** The open project, replaced the same way as in the browser host. */
  private readonly swap: SessionSwap;
  /** One flow at a time: a second Open while a dialog is up waits its turn. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Files the person chose in our open dialogs: the only paths the renderer may have read. */
  /** Files chosen in this window's open dialogs, by absolute path, with what they were chosen for. */
  private readonly chosen = new Map<string, FilePurpose>();

  constructor(private readonly deps: SessionDeps) {
    this.swap = new SessionSwap({
      onEvent: (event, payload) => {
        this.send(event, payload);
        if (event === 'save-state') this.refreshWindow();
      },
      adopted: async (service) => {
        await this.deps.prefs.rememberRecent(service.file);
        if (process.platform !== 'linux') app.addRecentDocument(service.file);
        this.refreshWindow();
        this.deps.onProjectChanged();
      },
      closeFailed: (file, e) => console.error(`Gloss: closing ${file} failed:`, e),
    });
  }

  get current(): ProjectService | null {
    return this.swap.current;
  }

  private get service(): ProjectService | null {
    return this.swap.current;
  }

  /** The HostContext for createHandlers. */
  hostContext(): HostContext {
    return {
      kind: 'electron',
      session: () => this.service,
      coder: () => this.deps.coder,
      recent: () => this.deps.prefs.recent,
      // The renderer asked, so the reply carries the project: no 'reload' as well.
      dialogs: {
        newProject: () => this.newProject(false),
        openProject: () => this.openWithDialog(false),
        openRecent: async (file) => {
          // The renderer may only reopen what the menu would offer.
          if (!this.deps.prefs.recent.some((p) => samePath(p, file))) {
            throw new HandlerError(`${path.basename(file)} is not in the list of recent projects.`);
          }
          return this.open(file, false);
        },
        saveExport: (content) => this.saveExport(content),
        chooseFiles: (purpose) => this.chooseFiles(purpose),
      },
      readChosenFile: (file) => this.readChosenFile(file),
      adoptProject: (file, suggestedName) => this.adoptFile(file, suggestedName),
      setCoderName: async (name, same) => {
        const coder = await renameCoder(this.deps.dataDir, name, same);
        this.deps.coder = coder;
        this.deps.coderUnnamed = false;
        this.service?.setCoder(coder);
        return coder;
      },
      exportSettings: {
        load: async () => ({ csvRaw: this.deps.prefs.csvRaw }),
        save: async ({ csvRaw }) => {
          await this.deps.prefs.setCsvRaw(csvRaw);
          return { csvRaw: this.deps.prefs.csvRaw };
        },
      },
    };
  }

  private snapshot(): Snapshot | null {
    return this.service ? this.snapshotOf(this.service) : null;
  }

  private send<E extends HostEvent>(event: E, payload: HostEvents[E]): void {
    sendEvent(this.deps.window()?.webContents, event, payload);
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => {});
    return run;
  }

  private serviceOptions(onEvent: EventSink, readOnly: boolean): ServiceOptions {
    return { coder: this.deps.coder, coderUnnamed: this.deps.coderUnnamed, readOnly, onEvent, dataDir: this.deps.dataDir };
  }

  /** Title "<project> — Gloss", and on macOS the proxy icon and edited dot. */
  refreshWindow(): void {
    const win = this.deps.window();
    if (!win || win.isDestroyed()) return;
    const service = this.service;
    win.setTitle(service ? `${service.name || path.basename(service.file, '.gloss')}${service.readOnly ? ' (read-only)' : ''} — Gloss` : 'Gloss');
    if (process.platform === 'darwin') {
      win.setRepresentedFilename(service?.file ?? '');
      win.setDocumentEdited(!!service && service.save.status !== 'saved');
    }
  }

  /**
   * Saves the open project before it is replaced or the app quits. If the save fails the
   * user chooses: keep the project open (and the work), or go on without it.
   */
  private async readyToLeave(goOn: string): Promise<boolean> {
    const service = this.service;
    if (!service || service.readOnly) return true;
    try {
      await service.flush();
      return true;
    } catch (e) {
      const choice = await ask(this.deps.window(), {
        type: 'warning',
        message: `Gloss could not save ${path.basename(service.file)}.`,
        detail: `${fileErrorReason(e)}\n\nIf you go on, the changes since the last save are lost.`,
        buttons: ['Keep it open', goOn],
        defaultId: 0,
        cancelId: 0,
      });
      return choice === 1;
    }
  }

  /**
   * Opens `file` (asking about locks, damage and missing files) and makes it the open
   * project; with `announce` (the renderer did not ask for it) the renderer is told to
   * reload. The caller has already saved the current one (readyToLeave). Null if not opened.
   */
  private async openAndAdopt(file: string, announce: boolean): Promise<Snapshot | null> {
    const opened = await this.swap.replace(
      (onEvent) =>
        openProjectInteractively(file, {
          parent: this.deps.window(),
          open: (f, readOnly) => ProjectService.open(f, this.serviceOptions(onEvent, readOnly)),
          forget: (f) => this.deps.prefs.forgetRecent(f),
          openHere: this.service?.file ?? null,
        }),
      announce,
    );
    return opened ? this.snapshotOf(opened) : null;
  }

  private snapshotOf(service: ProjectService): Snapshot {
    return service.snapshot('electron', this.deps.prefs.recent);
  }

  /** Opens `file` in this window (asking about locks and damage). Null if it was not opened. */
  open(file: string, announce = true): Promise<Snapshot | null> {
    return this.exclusive(async () => {
      const absolute = path.resolve(file);
      if (this.service && samePath(this.service.file, absolute)) {
        this.deps.window()?.focus();
        return this.snapshot();
      }
      if (!(await this.readyToLeave('Open anyway'))) return null;
      return this.openAndAdopt(absolute, announce);
    });
  }

  openWithDialog(announce = true): Promise<Snapshot | null> {
    return this.exclusive(async () => {
      const [file] = await chooseOpenPaths(this.deps.window(), {
        title: 'Open project',
        defaultPath: this.defaultFolder(),
        filters: PROJECT_FILTERS,
        properties: ['openFile'],
      });
      return file ?? null;
    }).then((file) => (file ? this.open(file, announce) : null));
  }

  newProject(announce = true): Promise<Snapshot | null> {
    return this.exclusive(async () => {
      const file = await chooseProjectPath(this.deps.window(), {
        title: 'New project',
        defaultPath: path.join(this.defaultFolder(), 'Untitled.gloss'),
        buttonLabel: 'Create',
      });
      if (!file) return null;
      if (!(await this.readyToLeave('Create anyway'))) return null;
      try {
        const name = path.basename(file, path.extname(file));
        const service = await this.swap.replace((onEvent) => ProjectService.create(file, name, this.serviceOptions(onEvent, false)), announce);
        return service && this.snapshotOf(service);
      } catch (e) {
        const cause = e instanceof ProjectOpenError ? e.fsError : e;
        await showError(this.deps.window(), `Gloss could not create ${path.basename(file)}.`, `${fileErrorReason(e)} ${fileErrorWayOut(cause, 'export')}`.trim());
        return null;
      }
    });
  }

  /**
   * A project made elsewhere (a REFI-QDA import) written to a file the user picks, then
   * opened in place of the current one. The path, or null if the user cancelled. Only the
   * renderer asks for this, and its reply carries the project, so nothing is announced.
   */
  adoptFile(project: ProjectFile, suggestedName: string): Promise<string | null> {
    return this.exclusive(async () => {
      const file = await chooseProjectPath(this.deps.window(), {
        title: 'Save the imported project as',
        defaultPath: path.join(this.defaultFolder(), `${suggestedName}.gloss`),
        buttonLabel: 'Save',
      });
      if (!file) return null;
      if (this.service && samePath(file, this.service.file)) {
        throw new HandlerError(`${path.basename(file)} is the open project; choose another name for the imported one.`);
      }
      if (!(await writeUnlessOpen(file, serializeProject(project), this.deps.window(), this.service?.file ?? null))) return null;
      if (!(await this.readyToLeave('Open the imported project anyway'))) return null;
      return (await this.openAndAdopt(file, false)) ? file : null;
    });
  }

  /**
   * Writes the open project (with unsaved edits) to a new file and opens that instead. The
   * copy is named after its file, as a new project is; the original stays as last saved.
   */
  saveAs(): Promise<void> {
    return this.exclusive(async () => {
      const service = this.service;
      if (!service) return;
      const file = await chooseProjectPath(this.deps.window(), {
        title: 'Save project as',
        defaultPath: path.join(path.dirname(service.file), `${path.basename(service.file, '.gloss')} copy.gloss`),
        buttonLabel: 'Save',
      });
      if (!file) return;
      if (samePath(file, service.file)) {
        // "Save as" onto itself is a plain save.
        await service.flush().catch((e: unknown) => showError(this.deps.window(), `Could not save ${path.basename(file)}.`, fileErrorReason(e)));
        return;
      }
      const copy = fileFromState(service.current);
      copy.project = { ...copy.project, name: path.basename(file, path.extname(file)), modifiedAt: new Date().toISOString() };
      if (!(await writeUnlessOpen(file, serializeProject(copy), this.deps.window(), service.file))) return;
      if (!(await this.readyToLeave('Open the copy anyway'))) return;
      await this.openAndAdopt(file, true);
    });
  }

  /** The native open dialog for files of `purpose`; the chosen files, remembered as readable. */
  async chooseFiles(purpose: FilePurpose): Promise<ChosenFile[]> {
    const chooser: (typeof FILE_CHOOSERS)[FilePurpose] = FILE_CHOOSERS[purpose];
    const paths = await chooseOpenPaths(this.deps.window(), {
      title: chooser.title,
      defaultPath: this.defaultFolder(),
      ...('button' in chooser ? { buttonLabel: chooser.button } : {}),
      properties: chooser.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      filters: [
        { name: chooser.filterName, extensions: chooser.extensions.map((ext) => ext.replace(/^\./, '')) },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    for (const file of paths) this.chosen.set(path.resolve(file), purpose);
    return paths.map((file) => ({ name: path.basename(file), path: file }));
  }

  /** Reads a file chosen in chooseFiles; refuses any other path, and names the file when it cannot be read. */
  async readChosenFile(file: ChosenFile): Promise<FileToImport> {
    const absolute = path.resolve(file.path);
    const purpose = this.chosen.get(absolute);
    if (!purpose) throw new HandlerError(`${path.basename(absolute)} was not chosen in Gloss's file dialog; choose it again.`);
    try {
      return await readPickedFile(absolute, purpose);
    } catch (e) {
      throw new HandlerError(`${(e as Error).message.replace(/\.$/, '')}; it was not read.`);
    }
  }

  /** Asks where to save an export and writes it durably; the path, or null if cancelled. */
  async saveExport({ kind, fileName, content }: ExportFile): Promise<string | null> {
    const filter = exportSaveFilter(kind);
    const chosen = await chooseSavePath(this.deps.window(), {
      title: 'Export',
      defaultPath: path.join(this.service ? path.dirname(this.service.file) : this.defaultFolder(), fileName),
      buttonLabel: 'Export',
      filters: [filter],
    });
    if (!chosen) return null;
    const target = path.extname(chosen) ? chosen : `${chosen}.${filter.extensions[0]}`;
    if (this.service && samePath(target, this.service.file)) {
      throw new HandlerError(`${path.basename(target)} is the open project; choose another name for the export.`);
    }
    // A project file is written only by whoever holds its lock, never by an export.
    if (isProjectPath(target)) throw new HandlerError(`${path.basename(target)} is a Gloss project name; choose another name for the export.`);
    try {
      await writeFileDurably(target, content, false);
    } catch (e) {
      throw new HandlerError(`Could not write ${path.basename(target)}: ${fileErrorReason(e)}. ${fileErrorWayOut(e, 'export')}`.trim());
    }
    return target;
  }

  /**
   * Saves and closes the project before the window closes or the app quits. False if the
   * user chose to keep it open because it could not be saved.
   */
  closeForExit(): Promise<boolean> {
    return this.exclusive(async () => {
      const service = this.service;
      if (!service) return true;
      if (!(await this.readyToLeave('Quit without saving'))) return false;
      await this.swap.close().catch((e: unknown) => console.error(`Gloss: closing ${service.file} failed:`, e));
      this.deps.onProjectChanged();
      return true;
    });
  }

  private defaultFolder(): string {
    return this.service ? path.dirname(this.service.file) : app.getPath('documents');
  }
}
