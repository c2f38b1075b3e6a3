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

export const exportKindSchema = z.enum(['excerpts-csv', 'codebook-csv', 'codebook-qdc']);
export type ExportKind = z.infer<typeof exportKindSchema>;

export interface ExportContent {
  fileName: string;
  mimeType: string;
  content: string;
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
  'export:content': (kind: ExportKind) => ExportContent;
  /** Electron: asks where to save with a native dialog; returns the path or null if cancelled. */
  'export:save': (kind: ExportKind) => { path: string | null };
  'project:saveNow': () => SaveState;
  /** Electron only: native New / Open dialogs; the browser host answers with an error. */
  'project:newDialog': () => Snapshot | null;
  'project:openDialog': () => Snapshot | null;
  'project:openRecent': (path: string) => Snapshot | null;
}

export type Channel = keyof Channels;
export type ChannelArg<C extends Channel> = Parameters<Channels[C]> extends [infer A] ? A : undefined;
export type ChannelResult<C extends Channel> = ReturnType<Channels[C]>;

const none = z.undefined();
const importFileSchema = z.object({ name: z.string().min(1).max(1000), base64: z.string() });

/** Payload validation for every channel. */
export const payloadSchemas: { [C in Channel]: z.ZodType<ChannelArg<C>> } = {
  'project:snapshot': none,
  'ops:run': opRequestSchema,
  'ops:previewAnonymise': anonymiseRequestSchema,
  'history:undo': none,
  'history:redo': none,
  'documents:import': z.array(importFileSchema).min(1).max(10_000),
  'documents:importCopies': z.array(importFileSchema).min(1).max(10_000),
  'export:content': exportKindSchema,
  'export:save': exportKindSchema,
  'project:saveNow': none,
  'project:newDialog': none,
  'project:openDialog': none,
  'project:openRecent': z.string().min(1),
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
  | 'anonymise';

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
