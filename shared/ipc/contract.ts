/**
 * The one contract between the renderer and whatever hosts the project (the Electron main
 * process over IPC, or the browser host over HTTP). Every channel has a payload schema,
 * checked by the host before the handler runs, and a result type; the preload, the
 * HTTP client and the handlers are all typed from this map.
 */
import { z } from 'zod';
import type { Coder, ProjectFile } from '../model/schema';
import type { Change } from '../model/state';
import { anonymiseRequestSchema, opRequestSchema, type AnonymiseRequest, type OpRequest } from '../ops/requests';
import type { Planned } from '../ops/plan';
import type { AnonymisePreview } from '../ops/edit-text';
import type { CodebookPreview } from '../formats/codebook/types';
import type { ExchangeReport } from '../formats/report';
import type { AgreementResult } from '../agreement/types';
import type { MergeConflict, MergeReport, Side } from '../merge/types';

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

/** Everything the renderer needs to draw a project from scratch. */
export interface Snapshot {
  /** null when no project is open (first run in Electron, before New/Open). */
  file: ProjectFile | null;
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
}

export type OpResponse =
  | { ok: true; label: string; change: Change; created: Planned['created']; history: HistoryInfo; report?: Planned['report'] }
  | { ok: false; error: string };

export interface ImportFile {
  name: string;
  /** File content, base64-encoded (the same over IPC and HTTP). */
  base64: string;
}

export interface ImportResponse {
  /** The documents that were imported (one undoable step), or null if none were. */
  result: OpResponse | null;
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

export const exportKindSchema = z.enum([
  'excerpts-csv',
  'codebook-csv',
  'codebook-qdc',
  /** REFI-QDA project, positions in Unicode code points (the spec). */
  'project-qdpx',
  /** REFI-QDA project, positions in UTF-16 code units (what NVivo reads). */
  'project-qdpx-utf16',
  'xlsx',
  'html-report',
  /** One Markdown file per code; a .zip of them from the app, a folder from the CLI. */
  'markdown-zip',
  'web-annotations',
]);
export type ExportKind = z.infer<typeof exportKindSchema>;

/**
 * An export request: the kind alone (text cells made safe for spreadsheets, as before), or
 * the kind with options. `csvRaw` writes CSV cells byte-exact, without the ' that keeps a
 * spreadsheet from running a cell starting with =, +, -, @, TAB or CR.
 */
export const exportRequestSchema = z.union([exportKindSchema, z.object({ kind: exportKindSchema, csvRaw: z.boolean().optional() })]);
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
  'ops:run': (request: OpRequest) => OpResponse;
  /** What an anonymise request would replace and which codings it would touch; changes nothing. */
  'ops:previewAnonymise': (request: AnonymiseRequest) => AnonymisePreview;
  'history:undo': () => OpResponse;
  'history:redo': () => OpResponse;
  'documents:import': (files: ImportFile[]) => ImportResponse;
  /** Like 'documents:import', but imports files whose content is already in the project as copies. */
  'documents:importCopies': (files: ImportFile[]) => ImportResponse;
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
   * opened (a 'reload' event follows) and the report says what came over and what did not.
   * Null when the user cancelled the save dialog.
   */
  'exchange:importQdpx': (request: QdpxImportRequest) => { report: ExchangeReport; path: string } | null;
  /** What importing a codebook (.qdc or codebook .csv) into the open project would do; changes nothing. */
  'exchange:previewCodebook': (file: ImportFile) => CodebookPreview;
  /** Imports a codebook into the open project as one undoable step. */
  'exchange:importCodebook': (file: ImportFile) => { result: OpResponse; preview: CodebookPreview };
  /** Sets this person's coder name (saved in the app's settings); answers with a fresh snapshot. */
  'team:setCoderName': (name: string) => Snapshot;
  /** Inter-coder agreement on the open project; sends 'progress' events on big projects. */
  'team:agreement': (request: AgreementRequestPayload) => AgreementResult;
  /** What merging another copy of the project into the open one would do; changes nothing. */
  'team:previewMerge': (request: MergeRequest) => MergePreview;
  /** Merges another copy into the open project as one undoable step, with the user's choices for the conflicts. */
  'team:applyMerge': (request: MergeRequest) => { result: OpResponse; report: MergeReport };
}

export interface QdpxImportRequest {
  file: ImportFile;
  /** How to read text positions; 'auto' decides by the file's origin and checks against quoted text. */
  positions: 'auto' | 'codepoints' | 'utf16';
}

export type AgreementRequestPayload = z.infer<typeof agreementRequestSchema>;

export interface MergeRequest {
  /** The other coder's copy (.gloss). */
  other: ImportFile;
  /** The file that was handed out, for a three-way merge. */
  base?: ImportFile;
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
const sideSchema = z.enum(['ours', 'theirs']);
const mergeRequestSchema = z.object({
  other: importFileSchema,
  base: importFileSchema.optional(),
  resolutions: z.record(z.string(), sideSchema).optional(),
});
export const agreementRequestSchema = z.object({
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
  'documents:import': z.array(importFileSchema).min(1).max(10_000),
  'documents:importCopies': z.array(importFileSchema).min(1).max(10_000),
  'export:content': exportRequestSchema,
  'export:save': exportRequestSchema,
  'settings:export': none,
  'settings:setExport': z.object({ csvRaw: z.boolean() }),
  'project:saveNow': none,
  'project:newDialog': none,
  'project:openDialog': none,
  'project:openRecent': z.string().min(1),
  'exchange:importQdpx': z.object({ file: importFileSchema, positions: z.enum(['auto', 'codepoints', 'utf16']) }),
  'exchange:previewCodebook': importFileSchema,
  'exchange:importCodebook': importFileSchema,
  'team:setCoderName': z.string().trim().min(1, 'a coder name cannot be empty').max(200),
  'team:agreement': agreementRequestSchema,
  'team:previewMerge': mergeRequestSchema,
  'team:applyMerge': mergeRequestSchema,
};

export const CHANNELS = Object.keys(payloadSchemas) as Channel[];

/** Commands the host's menu sends to the renderer, which owns focus and selection. */
export type MenuCommand =
  | 'undo'
  | 'redo'
  | 'import'
  | 'export-excerpts-csv'
  | 'export-codebook-csv'
  | 'new-code'
  | 'show-excerpts'
  | 'show-reader'
  | 'find'
  | 'paste-document'
  | 'anonymise'
  | 'import-qdpx'
  | 'import-codebook'
  | 'merge-project'
  | 'show-agreement'
  | 'coder-name';

/** Events pushed from the host to the renderer. */
export interface HostEvents {
  'save-state': SaveState;
  /** A change made outside the renderer's own request (e.g. by the CLI-facing service). */
  changed: { change: Change; history: HistoryInfo };
  /** A different project was opened (or the open one was replaced): fetch a new snapshot. */
  reload: null;
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
}

/** What the renderer sees: one async function per channel, plus event subscription. */
export type GlossBridge = {
  [C in Channel]: ChannelArg<C> extends undefined
    ? () => Promise<ChannelResult<C>>
    : (arg: ChannelArg<C>) => Promise<ChannelResult<C>>;
} & {
  on<E extends HostEvent>(event: E, listener: (payload: HostEvents[E]) => void): () => void;
};
