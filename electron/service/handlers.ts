/**
 * The channel handlers shared by the Electron main process (over IPC) and the browser host
 * (over HTTP). Each host supplies a HostContext; payloads are validated here, once, against
 * the contract's schemas before any handler runs.
 */
import type { Coder, ProjectFile } from '../../shared/model/schema';
import { indexChange, type IndexChange } from '../../shared/model/document-index';
import {
  payloadSchemas,
  type Channel,
  type ChannelArg,
  type ChannelResult,
  type ChosenFile,
  type ExportKind,
  type ExportRequest,
  type ExportSettings,
  type FilePurpose,
  type FileRef,
  type ImportResponse,
  type IndexReply,
  type OpResponse,
  type Snapshot,
} from '../../shared/ipc/contract';
import type { FileToImport, ProjectService } from './project-service';
import type { ExportFile, ExportOptions } from './export-file';
import { HandlerError } from './handler-error';
import { fileErrorReason } from './fs-reasons';
import { importQdpx } from './exchange';
import { importCodebook, previewCodebook } from './codebook-import';
import { agreement } from './agreement';
import { applyMerge, previewMerge, type MergeFiles } from './merge';
import { setCoderName } from './team';
import { guardAutocode, listSpeakers, previewAutocodeFor, recallFor, runSearch, suggestionsFor } from './search';
import { RunningTasks } from './tasks/running-tasks';
import { runAnalysis } from './analysis';
import { withoutTaskId } from '../../shared/ipc/analysis-request';

export interface HostContext {
  kind: Snapshot['host'];
  /** The open project, or null when none is (Electron before New/Open). */
  session(): ProjectService | null;
  coder(): Coder;
  recent(): string[];
  /** Native dialogs; only the Electron host has them. */
  dialogs?: {
    newProject(): Promise<Snapshot | null>;
    openProject(): Promise<Snapshot | null>;
    openRecent(path: string): Promise<Snapshot | null>;
    /** Asks where to save and writes the file; resolves to the path, or null if cancelled. */
    saveExport(file: ExportFile): Promise<string | null>;
    /** The native open dialog for files of this purpose; the chosen files (none if cancelled). */
    chooseFiles(purpose: FilePurpose): Promise<ChosenFile[]>;
  };
  /**
   * Reads a file chosen in this host's own open dialog (dialogs.chooseFiles), by its path.
   * Any other path is refused: the renderer names files, it does not pick what is read.
   * Throws a HandlerError naming the file when it cannot be read.
   */
  readChosenFile?(file: ChosenFile): Promise<FileToImport>;
  /**
   * Writes `file` as a new project and opens it in place of the current one (Electron asks
   * where, suggesting `suggestedName`; the browser host writes it beside the open project).
   * Resolves to the new project's path, or null if the user cancelled.
   */
  adoptProject?(file: ProjectFile, suggestedName: string): Promise<string | null>;
  /**
   * Saves the coder's name in the app's settings and makes it this session's coder. With
   * `same`, the person is that coder of the open project (same id and colour), not a new one.
   */
  setCoderName?(name: string, same?: Coder): Promise<Coder>;
  /** The export settings in the app's settings; without it exports keep the safe defaults. */
  exportSettings?: {
    load(): Promise<ExportSettings>;
    save(settings: ExportSettings): Promise<ExportSettings>;
  };
}

export type Handlers = { [C in Channel]: (arg: ChannelArg<C>) => Promise<ChannelResult<C>> };

/** A request the host refuses, with a message for the user. */
export { HandlerError };

function need(ctx: HostContext): ProjectService {
  const session = ctx.session();
  if (!session) throw new HandlerError('No project is open. Create or open a project first.');
  return session;
}

function needDialogs(ctx: HostContext): NonNullable<HostContext['dialogs']> {
  if (!ctx.dialogs) throw new HandlerError('This is only available in the desktop app.');
  return ctx.dialogs;
}

/** A kind alone (the form before options existed) asks for the safe defaults. */
function exportRequest(request: ExportRequest): { kind: ExportKind; options: ExportOptions } {
  if (typeof request === 'string') return { kind: request, options: {} };
  const { kind, csvRaw, sections, filter } = request;
  return { kind, options: { csvRaw: csvRaw === true, ...(sections ? { sections } : {}), ...(filter ? { filter } : {}) } };
}

function emptySnapshot(ctx: HostContext): Snapshot {
  return {
    index: null,
    path: null,
    readOnly: false,
    save: { status: 'saved', at: null },
    history: { undo: null, redo: null },
    coder: ctx.coder(),
    coderUnnamed: false,
    host: ctx.kind,
    recent: ctx.recent(),
  };
}

/**
 * An operation's outcome as the renderer receives it: its Change with documents as index
 * entries (indexChange strips the texts), so no reply carries a document's text.
 */
export function forRenderer(response: OpResponse): IndexReply {
  return response.ok ? { ...response, change: indexChange(response.change) } : response;
}

/** Decodes base64 without Node's Buffer leaking into the contract. */
export function fromBase64(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

/** The bytes of a file the renderer sent: uploaded (browser host) or chosen by path (desktop app). */
export async function readFileRef(ctx: HostContext, file: FileRef): Promise<FileToImport> {
  if ('base64' in file) return { name: file.name, bytes: fromBase64(file.base64) };
  if (!ctx.readChosenFile) throw new HandlerError(`${file.name}: this host reads only uploaded files.`);
  return ctx.readChosenFile(file);
}

/**
 * Imports documents, whichever host sent them. A chosen file that cannot be read is
 * reported among the failures, like a file no importer can read, and the rest still import.
 */
async function importDocuments(ctx: HostContext, refs: FileRef[], allowDuplicates: boolean): Promise<ImportResponse<IndexChange>> {
  const session = need(ctx);
  const files: FileToImport[] = [];
  const unreadable: ImportResponse['failed'] = [];
  for (const ref of refs) {
    try {
      files.push(await readFileRef(ctx, ref));
    } catch (e) {
      if (!(e instanceof HandlerError)) throw e;
      unreadable.push({ name: ref.name, error: e.message });
    }
  }
  const response: ImportResponse =
    files.length > 0 ? await session.importFiles(files, undefined, { allowDuplicates }) : { result: null, imported: [], failed: [], duplicates: [], notes: [] };
  return { ...response, result: response.result && forRenderer(response.result), failed: [...unreadable, ...response.failed] };
}

export function createHandlers(ctx: HostContext): Handlers {
  // Long tasks run off the main thread and can be cancelled by id ('task:cancel').
  const tasks = new RunningTasks();
  return {
    'project:snapshot': async () => ctx.session()?.snapshot(ctx.kind, ctx.recent()) ?? emptySnapshot(ctx),
    'ops:run': async (request) => {
      // An auto-code runs the person's pattern; it is tried first in the task worker under a
      // time limit, so one that backtracks without end is stopped there and never reaches
      // the host's main thread (see search.ts).
      if (request.type === 'autocode') await guardAutocode(need(ctx), request);
      return forRenderer(need(ctx).run(request));
    },
    'ops:previewAnonymise': async (request) => {
      const preview = need(ctx).previewAnonymise(request);
      if (!preview.ok) throw new HandlerError(preview.error);
      return preview.value;
    },
    'history:undo': async () => forRenderer(need(ctx).undo()),
    'history:redo': async () => forRenderer(need(ctx).redo()),
    'documents:text': async (documentId) => {
      const content = need(ctx).documentContent(documentId);
      if (!content) throw new HandlerError('This document is no longer in the project; it may have been deleted.');
      return content;
    },
    'documents:import': async (files) => importDocuments(ctx, files, false),
    'documents:importCopies': async (files) => importDocuments(ctx, files, true),
    'files:choose': async (purpose) => needDialogs(ctx).chooseFiles(purpose),
    'export:content': async (request) => {
      const { kind, options } = exportRequest(request);
      return need(ctx).exportContent(kind, options);
    },
    'export:save': async (request) => {
      const { kind, options } = exportRequest(request);
      const file = await need(ctx).exportFile(kind, options);
      return { path: await needDialogs(ctx).saveExport(file) };
    },
    'settings:export': async () => (ctx.exportSettings ? ctx.exportSettings.load() : { csvRaw: false }),
    'settings:setExport': async (settings) => {
      if (!ctx.exportSettings) throw new HandlerError('This host cannot save settings.');
      try {
        return await ctx.exportSettings.save(settings);
      } catch (e) {
        throw new HandlerError(`Gloss's settings could not be written (${fileErrorReason(e)}), so the setting was not changed.`);
      }
    },
    'project:saveNow': async () => {
      const session = need(ctx);
      try {
        await session.flush();
      } catch {
        // The failure is in the save state returned below, and the service keeps retrying.
      }
      return session.save;
    },
    'project:newDialog': async () => needDialogs(ctx).newProject(),
    'project:openDialog': async () => needDialogs(ctx).openProject(),
    'project:openRecent': async (path) => needDialogs(ctx).openRecent(path),
    'exchange:importQdpx': async (request) => {
      const imported = await importQdpx(ctx, await readFileRef(ctx, request.file), request.positions);
      if (!imported) return null;
      // The reply carries the project it opened, so no 'reload' event races it.
      return { ...imported, snapshot: need(ctx).snapshot(ctx.kind, ctx.recent()) };
    },
    'exchange:previewCodebook': async (file) => previewCodebook(need(ctx), await readFileRef(ctx, file)),
    'exchange:importCodebook': async (file) => {
      const imported = await importCodebook(need(ctx), await readFileRef(ctx, file));
      return { ...imported, result: forRenderer(imported.result) };
    },
    'team:setCoderName': async (name) => setCoderName(ctx, name),
    'team:agreement': async (request) => tasks.run(request.taskId, (task) => agreement(need(ctx), request, undefined, task)),
    'team:previewMerge': async (request) => {
      const files = await readMergeFiles(ctx, request);
      return tasks.run(request.taskId, (task) => previewMerge(need(ctx), files, task));
    },
    'team:applyMerge': async (request) => {
      const files = await readMergeFiles(ctx, request);
      const merged = await tasks.run(request.taskId, (task) => applyMerge(need(ctx), files, task));
      return { ...merged, result: forRenderer(merged.result) };
    },
    'search:run': async ({ taskId, ...request }) => tasks.run(taskId, (task) => runSearch(need(ctx), request, task)),
    'ops:previewAutocode': async ({ taskId, ...request }) => tasks.run(taskId, (task) => previewAutocodeFor(need(ctx), request, task)),
    'suggest:forCode': async (request) => tasks.run(undefined, (task) => suggestionsFor(need(ctx), request, task)),
    'suggest:recall': async (request) => tasks.run(undefined, (task) => recallFor(need(ctx), request, task)),
    'speakers:list': async () => listSpeakers(need(ctx)),
    'analysis:run': async (request) => tasks.run(request.taskId, (task) => runAnalysis(need(ctx), withoutTaskId(request), task)),
    'task:cancel': async (taskId) => ({ cancelled: tasks.cancel(taskId) }),
    'audit:list': async () => need(ctx).auditTrail(),
    'backups:list': async () => need(ctx).listBackups(),
    'backups:restore': async (id) => forRenderer(await need(ctx).restoreBackup(id)),
    'backups:forget': async () => need(ctx).forgetOlderCopies(),
  };
}

/** A merge request with its files read. */
async function readMergeFiles(ctx: HostContext, request: ChannelArg<'team:previewMerge'>): Promise<MergeFiles> {
  return {
    other: await readFileRef(ctx, request.other),
    ...(request.base ? { base: await readFileRef(ctx, request.base) } : {}),
    ...(request.resolutions ? { resolutions: request.resolutions } : {}),
  };
}

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(payloadSchemas, name);
}

/**
 * Validates `rawArg` for `channel` and runs its handler. Throws HandlerError for an unknown
 * channel or a payload that does not match the contract.
 */
export async function invokeChannel(handlers: Handlers, channel: string, rawArg: unknown): Promise<unknown> {
  if (!isChannel(channel)) throw new HandlerError(`Unknown channel ${channel}.`);
  const parsed = payloadSchemas[channel].safeParse(rawArg);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HandlerError(`Invalid payload for ${channel}: ${issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'malformed'}.`);
  }
  const handler = handlers[channel] as (arg: unknown) => Promise<unknown>;
  return handler(parsed.data);
}
