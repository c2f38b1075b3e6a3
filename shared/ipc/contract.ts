/**
 * The one contract between the renderer and whatever hosts the project (the Electron main
 * process over IPC, or the browser host over HTTP). Every channel has a payload schema,
 * checked by the host before the handler runs, and a result type; the preload, the
 * HTTP client and the handlers are all typed from this map.
 */
import { z } from 'zod';
import type { AuditEntry, Coder } from '../model/schema';
import type { Change } from '../model/state';
import type { DocumentContent, IndexChange, ProjectIndex } from '../model/document-index';
import type { ProjectCheck } from '../model/check-project';
import { anonymiseRequestSchema, opRequestSchema, type AnonymiseRequest, type OpRequest } from '../ops/requests';
import type { Planned } from '../ops/plan';
import type { AnonymisePreview } from '../ops/edit-text';
import { autocodeRequestSchema, searchScopeSchema, type AutocodePreview, type AutocodeRequest } from '../ops/autocode';
import { searchQuerySchema } from '../model/schema';
import type { Suggestion, SuggestionRecall } from '../analysis/suggest';
import type { CodebookPreview } from '../formats/codebook/types';
import type { ExchangeReport } from '../formats/report';
import type { AgreementResult } from '../agreement/types';
import type { MergeConflict, MergeReport, Side } from '../merge/types';
import type { MenuCommand } from '../app/commands';
import type { FilePurpose } from '../app/file-choosers';
import { FILE_PURPOSES } from '../app/file-choosers';
import { EXPORT_IDS } from '../export/registry';
import { REPORT_SECTIONS } from '../export/report-sections';
import { analysisFilterSchema, analysisRunSchema, type AnalysisReply, type AnalysisRun } from './analysis-request';

export type { MenuCommand, FilePurpose };

export type SaveState =
  | { status: 'saved'; at: string | null }
  | { status: 'saving' }
  | { status: 'pending' }
  | { status: 'error'; message: string };

export interface HistoryInfo {
  /** Label of the step Undo would revert, or null when there is none. */
  undo: string | null;
  redo: string | null;
}

/**
 * Everything the renderer needs to draw a project from scratch. It is sent when a different
 * project is opened, never in reply to a change of the open one (that reply is a Change).
 */
export interface Snapshot {
  /**
   * The project's index: every table, documents without their text and structure (fetched
   * with 'documents:text' when shown), codings as columns without the quote and context
   * that text gives back (shared/model/coding-columns.ts; the same over IPC and HTTP).
   * null when no project is open (first run in Electron, before New/Open).
   */
  index: ProjectIndex | null;
  path: string | null;
  readOnly: boolean;
  save: SaveState;
  history: HistoryInfo;
  /** The person coding in this window. */
  coder: Coder;
  /** True until the person has said their name (first run): the app asks before coding. */
  coderUnnamed: boolean;
  /** Host abilities: Electron has native dialogs, the browser host downloads instead. */
  host: 'electron' | 'browser';
  recent: string[];
  /**
   * What the project check found when the snapshot was taken (dangling references, offsets
   * that split a character…): the app shows it after opening and offers Repair. Absent when
   * no project is open.
   */
  check?: ProjectCheck;
  /** Set when a cloud client syncs the project's folder: the warning to show (shared/app/cloud-sync.ts). */
  cloudSync?: string;
}

/**
 * An operation's outcome. The service returns it with its Change as applied (documents
 * whole); the channels send it to the renderer as an IndexReply, documents as index entries.
 */
export type OpResponse<C = Change> =
  | { ok: true; label: string; change: C; created: Planned['created']; history: HistoryInfo; report?: Planned['report'] }
  | { ok: false; error: string };

/** An operation's outcome as the renderer receives it: the Change without document texts. */
export type IndexReply = OpResponse<IndexChange>;

/** A file uploaded to the host (the browser host): its name and its bytes. */
export interface ImportFile {
  name: string;
  /** File content, base64-encoded (the same over IPC and HTTP). */
  base64: string;
}

/**
 * A file the person chose in the desktop app's native dialog ('files:choose'): the main
 * process reads it from its path, and only a path its own dialog returned.
 */
export interface ChosenFile {
  /** The file's name, for the renderer to show. */
  name: string;
  path: string;
}

/** A file sent to the host: uploaded bytes (browser host) or a path chosen in the desktop app. */
export type FileRef = ImportFile | ChosenFile;

export interface ImportResponse<C = Change> {
  /** The documents that were imported (one undoable step), or null if none were. */
  result: OpResponse<C> | null;
  imported: { id: string; name: string }[];
  /** Files that were refused, each with a message naming the file and the problem. */
  failed: { name: string; error: string }[];
  /**
   * Files not imported because their content (sha256) equals an existing document's
   * (`existing` is its name) or an earlier file's in the same batch. Sending them again
   * through 'documents:importCopies' imports them as copies.
   */
  duplicates: { name: string; existing: string }[];
  /** What the user should know about imported files (an encoding guessed, PDF pages without text), each naming its file. */
  notes: { name: string; note: string }[];
}

/** The export formats' ids, one per line of the export registry (shared/export/registry.ts). */
export const exportKindSchema = z.enum(EXPORT_IDS);
export type ExportKind = z.infer<typeof exportKindSchema>;

/**
 * An export request: the kind alone (text cells made safe for spreadsheets, as before), or
 * the kind with options. `csvRaw` writes CSV cells byte-exact, without the ' that keeps a
 * spreadsheet from running a cell starting with =, +, -, @, TAB or CR.
 */
export const exportRequestSchema = z.union([
  exportKindSchema,
  z.object({
    kind: exportKindSchema,
    csvRaw: z.boolean().optional(),
    /** The HTML report's analysis sections (shared/export/report-sections.ts). */
    sections: z.array(z.enum(REPORT_SECTIONS)).max(REPORT_SECTIONS.length).optional(),
    /** What the analysis tables count: the Analysis view's filter. */
    filter: analysisFilterSchema.optional(),
  }),
]);
export type ExportRequest = z.infer<typeof exportRequestSchema>;

/** Export settings kept in the app's settings (the Export menu's "raw CSV cells" item). */
export interface ExportSettings {
  csvRaw: boolean;
}

export interface ExportContent {
  fileName: string;
  mimeType: string;
  /** Text for 'utf8'; the bytes in base64 for binary formats (XLSX, QDPX, ZIP). */
  content: string;
  encoding: 'utf8' | 'base64';
}

/** Channel name → handler signature. One argument at most, validated by payloadSchemas. */
export interface Channels {
  'project:snapshot': () => Snapshot;
  'ops:run': (request: OpRequest) => IndexReply;
  /** What an anonymise request would replace and which codings it would touch; changes nothing. */
  'ops:previewAnonymise': (request: AnonymiseRequest) => AnonymisePreview;
  'history:undo': () => IndexReply;
  'history:redo': () => IndexReply;
  /** A document's text and structure, which the snapshot and Changes leave out. */
  'documents:text': (documentId: string) => DocumentContent;
  'documents:import': (files: FileRef[]) => ImportResponse<IndexChange>;
  /** Like 'documents:import', but imports files whose content is already in the project as copies. */
  'documents:importCopies': (files: FileRef[]) => ImportResponse<IndexChange>;
  /**
   * Desktop app only: the native open dialog for files of this purpose. The chosen files come
   * back as paths the renderer sends on as FileRefs; empty when the person cancelled.
   */
  'files:choose': (purpose: FilePurpose) => ChosenFile[];
  'export:content': (request: ExportRequest) => ExportContent;
  /** Electron: asks where to save with a native dialog; returns the path or null if cancelled. */
  'export:save': (request: ExportRequest) => { path: string | null };
  /** The export settings saved in the app's settings. */
  'settings:export': () => ExportSettings;
  /** Saves the export settings in the app's settings; answers with what is now saved. */
  'settings:setExport': (settings: ExportSettings) => ExportSettings;
  'project:saveNow': () => SaveState;
  /** Electron only: native New / Open dialogs; the browser host answers with an error. */
  'project:newDialog': () => Snapshot | null;
  'project:openDialog': () => Snapshot | null;
  'project:openRecent': (path: string) => Snapshot | null;
  /**
   * Reads a REFI-QDA project (.qdpx) into a NEW Gloss project. Electron asks where to save
   * it; the browser host writes it beside the open project. Either way the new project is
   * opened in place of the current one, and the reply carries its snapshot with the report
   * of what came over and what did not. Null when the user cancelled the save dialog.
   */
  'exchange:importQdpx': (request: QdpxImportRequest) => QdpxImported | null;
  /** What importing a codebook (.qdc or codebook .csv) into the open project would do; changes nothing. */
  'exchange:previewCodebook': (file: FileRef) => CodebookPreview;
  /** Imports a codebook into the open project as one undoable step. */
  'exchange:importCodebook': (file: FileRef) => { result: IndexReply; preview: CodebookPreview };
  /** Sets this person's coder name (saved in the app's settings); answers with who codes now. */
  'team:setCoderName': (name: string) => CoderNamed;
  /** Inter-coder agreement on the open project; sends 'progress' events on big projects. */
  'team:agreement': (request: AgreementRequestPayload) => AgreementResult;
  /** What merging another copy of the project into the open one would do; changes nothing. */
  'team:previewMerge': (request: MergeRequest) => MergePreview;
  /** Merges another copy into the open project as one undoable step, with the user's choices for the conflicts. */
  'team:applyMerge': (request: MergeRequest) => { result: IndexReply; report: MergeReport };
  /** Project search: one page of hits with the text around each, and every count; a bad pattern is refused saying where. */
  'search:run': (request: SearchRequest) => SearchResponse;
  /** What an auto-code would create, how many hits are already coded and how many merge; changes nothing. */
  'ops:previewAutocode': (request: AutocodePreviewRequest) => AutocodePreview;
  /** "More like this" for a code, best first, with the shared words; nothing is coded. */
  'suggest:forCode': (request: SuggestRequest) => SuggestionWithText[];
  /** How many hand-made codings of the code the top N suggestions per document would have found (quality shown). */
  'suggest:recall': (request: SuggestRequest) => SuggestionRecall;
  /** The speakers of each document (labels such as "Officer A:", or SRT/VTT voices) with their turn counts, and of the project. */
  'speakers:list': () => SpeakersList;
  /** An analysis view's figures, or the codings behind one of its numbers (shared/ipc/analysis-request.ts); cancellable by its taskId. */
  'analysis:run': (request: AnalysisRun) => AnalysisReply;
  /**
   * Cancels a long task (agreement, a merge) by the id its progress events carry (or its
   * request named): the task's own request then fails with "… was cancelled.". False when
   * no task of that id is running (it has already finished).
   */
  'task:cancel': (taskId: string) => { cancelled: boolean };
  /** The audit trail, oldest first: fetched when the History view is shown, never sent with the snapshot. */
  'audit:list': () => AuditEntry[];
  /** The open project's backups (made before each destructive step), newest first. */
  'backups:list': () => BackupListing[];
  /** Puts the project back as it was in a backup, as one undoable step, after backing up the present. */
  'backups:restore': (id: string) => IndexReply;
  /**
   * Deletes the project's older copies (its backups and the previous save beside the file),
   * after saving it: offered after an anonymise, as those copies still hold the name.
   */
  'backups:forget': () => ForgetReply;
}

/** What 'backups:forget' deleted, or why it deleted nothing (or stopped part way). */
export type ForgetReply = { ok: true; backups: number; previousSave: boolean } | { ok: false; error: string };

/** One backup of the open project, as the History view lists it. */
export interface BackupListing {
  /** Names the backup in 'backups:restore'. */
  id: string;
  at: string;
  /** The step it was made before. */
  reason: string;
  bytes: number;
}

/** A suggestion with the passage's words, for a view that holds no document text. */
export type SuggestionWithText = Suggestion & { text: string };

export interface SpeakersList {
  /** Documents with speakers, in document order. */
  documents: { documentId: string; speakers: { speaker: string; turns: number }[] }[];
  /** Every speaker of the project (names compared in any case), with their turns and documents. */
  project: { speaker: string; turns: number; documents: number }[];
}

/** An auto-code's preview: the request, and the id to cancel it by ('task:cancel'). */
export const autocodePreviewRequestSchema = autocodeRequestSchema.extend({ taskId: z.string().min(1).max(100).optional() });
export type AutocodePreviewRequest = z.infer<typeof autocodePreviewRequestSchema>;

export const searchRequestSchema = z.object({
  /** Names the search for 'task:cancel' (it runs in the host's task worker); the host makes one up when left out. */
  taskId: z.string().min(1).max(100).optional(),
  query: searchQuerySchema,
  where: searchScopeSchema.optional(),
  /** The first hit to return (pages of a long result). */
  offset: z.number().int().nonnegative().optional(),
  limit: z.number().int().min(1).max(10_000).optional(),
});
export type SearchRequest = z.infer<typeof searchRequestSchema>;

export interface SearchResponse {
  /** Hits from `offset`, in document order then by start, each with the text before and after it on its line. */
  hits: { documentId: string; start: number; end: number; before: string; match: string; after: string }[];
  /** Every hit in scope. */
  total: number;
  /** Hits per document id. */
  perDocument: Record<string, number>;
  offset: number;
}

export const suggestRequestSchema = z.object({
  codeId: z.string().min(1),
  unit: z.enum(['sentence', 'paragraph']),
  limit: z.number().int().min(1).max(1000).optional(),
});
export type SuggestRequest = z.infer<typeof suggestRequestSchema>;

export interface QdpxImportRequest {
  file: FileRef;
  /** How to read text positions; 'auto' decides by the file's origin and checks against quoted text. */
  positions: 'auto' | 'codepoints' | 'utf16';
}

export interface QdpxImported {
  report: ExchangeReport;
  /** Where the new project was saved. */
  path: string;
  /** The new project, now open in place of the previous one. */
  snapshot: Snapshot;
}

/** Who codes in this window after a name was given: the project is not changed by it. */
export interface CoderNamed {
  coder: Coder;
  coderUnnamed: boolean;
}

export type AgreementRequestPayload = z.infer<typeof agreementRequestSchema>;

export interface MergeRequest {
  /** Names the merge for 'task:cancel' (any unique string); the host makes one up when left out. */
  taskId?: string;
  /** The other coder's copy (.gloss). */
  other: FileRef;
  /** The file that was handed out, for a three-way merge. */
  base?: FileRef;
  /** A side per conflict id (from the preview). */
  resolutions?: Record<string, Side>;
}

export interface MergePreview {
  report: MergeReport;
  conflicts: MergeConflict[];
}

export type Channel = keyof Channels;
export type ChannelArg<C extends Channel> = Parameters<Channels[C]> extends [infer A] ? A : undefined;
export type ChannelResult<C extends Channel> = ReturnType<Channels[C]>;

const none = z.undefined();
const importFileSchema = z.object({ name: z.string().min(1).max(1000), base64: z.string() });
const chosenFileSchema = z.object({ name: z.string().min(1).max(1000), path: z.string().min(1).max(4096) });
const fileRefSchema: z.ZodType<FileRef> = z.union([importFileSchema, chosenFileSchema]);
const sideSchema = z.enum(['ours', 'theirs']);
/** The id a caller gives a long task, to cancel it with 'task:cancel'. */
const taskIdSchema = z.string().min(1).max(100);
const mergeRequestSchema = z.object({
  taskId: taskIdSchema.optional(),
  other: fileRefSchema,
  base: fileRefSchema.optional(),
  resolutions: z.record(z.string(), sideSchema).optional(),
});
export const agreementRequestSchema = z.object({
  /** Names the computation for 'task:cancel'; the host makes one up when left out. */
  taskId: taskIdSchema.optional(),
  coderIds: z.array(z.string().min(1)).min(2).optional(),
  unit: z.enum(['char', 'segment', 'document']),
  minOverlap: z.number().gt(0).max(1).optional(),
  codeIds: z.array(z.string().min(1)).optional(),
});

/** Payload validation for every channel. */
export const payloadSchemas: { [C in Channel]: z.ZodType<ChannelArg<C>> } = {
  'project:snapshot': none,
  'ops:run': opRequestSchema,
  'ops:previewAnonymise': anonymiseRequestSchema,
  'history:undo': none,
  'history:redo': none,
  'documents:text': z.string().min(1),
  'documents:import': z.array(fileRefSchema).min(1).max(10_000),
  'documents:importCopies': z.array(fileRefSchema).min(1).max(10_000),
  'files:choose': z.enum(FILE_PURPOSES as [FilePurpose, ...FilePurpose[]]),
  'export:content': exportRequestSchema,
  'export:save': exportRequestSchema,
  'settings:export': none,
  'settings:setExport': z.object({ csvRaw: z.boolean() }),
  'project:saveNow': none,
  'project:newDialog': none,
  'project:openDialog': none,
  'project:openRecent': z.string().min(1),
  'exchange:importQdpx': z.object({ file: fileRefSchema, positions: z.enum(['auto', 'codepoints', 'utf16']) }),
  'exchange:previewCodebook': fileRefSchema,
  'exchange:importCodebook': fileRefSchema,
  'team:setCoderName': z.string().trim().min(1, 'a coder name cannot be empty').max(200),
  'team:agreement': agreementRequestSchema,
  'team:previewMerge': mergeRequestSchema,
  'team:applyMerge': mergeRequestSchema,
  'search:run': searchRequestSchema,
  'ops:previewAutocode': autocodePreviewRequestSchema,
  'suggest:forCode': suggestRequestSchema,
  'suggest:recall': suggestRequestSchema,
  'speakers:list': none,
  'analysis:run': analysisRunSchema,
  'task:cancel': taskIdSchema,
  'audit:list': none,
  'backups:list': none,
  'backups:restore': z.string().min(1).max(1000),
  'backups:forget': none,
};

export const CHANNELS = Object.keys(payloadSchemas) as Channel[];

/** Events pushed from the host to the renderer. */
export interface HostEvents {
  'save-state': SaveState;
  /**
   * A different project was opened by something other than the renderer's own request (the
   * desktop menu, the OS, a second launch): fetch a new snapshot. A reply that opens a
   * project carries its snapshot instead, so the two never race.
   */
  reload: null;
  /** A command from the desktop menu, for the renderer to carry out (see shared/app/commands.ts). */
  menu: MenuCommand;
  /** Long work under way (an import of many files); null when it has finished. */
  progress: Progress | null;
}
export type HostEvent = keyof HostEvents;

export interface Progress {
  /** What is being done, for the status line, e.g. "Importing documents". */
  task: string;
  done: number;
  /** 0 when the amount of work is not known: the status line then shows a busy bar without a count. */
  total: number;
  /** The item being worked on, e.g. a file name. */
  current?: string;
  /** Set when the task can be cancelled: 'task:cancel' with this id stops it (the status line's Cancel). */
  taskId?: string;
}

/** What the renderer sees: one async function per channel, plus event subscription. */
export type GlossBridge = {
  [C in Channel]: ChannelArg<C> extends undefined
    ? () => Promise<ChannelResult<C>>
    : (arg: ChannelArg<C>) => Promise<ChannelResult<C>>;
} & {
  on<E extends HostEvent>(event: E, listener: (payload: HostEvents[E]) => void): () => void;
};
