/**
 * The channel handlers shared by the Electron main process (over IPC) and the browser host
 * (over HTTP). Each host supplies a HostContext; payloads are validated here, once, against
 * the contract's schemas before any handler runs.
 */
import type { Coder } from '../../shared/model/schema';
import {
  payloadSchemas,
  type Channel,
  type ChannelArg,
  type ChannelResult,
  type ExportKind,
  type Snapshot,
} from '../../shared/ipc/contract';
import type { ProjectService } from './project-service';
import { HandlerError } from './handler-error';

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
    saveExport(fileName: string, content: string): Promise<string | null>;
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

function emptySnapshot(ctx: HostContext): Snapshot {
  return {
    file: null,
    path: null,
    readOnly: false,
    save: { status: 'saved', at: null },
    history: { undo: null, redo: null },
    coder: ctx.coder(),
    host: ctx.kind,
    recent: ctx.recent(),
  };
}

/** Decodes base64 without Node's Buffer leaking into the contract. */
function fromBase64(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

export function createHandlers(ctx: HostContext): Handlers {
  return {
    'project:snapshot': async () => ctx.session()?.snapshot(ctx.kind, ctx.recent()) ?? emptySnapshot(ctx),
    'ops:run': async (request) => need(ctx).run(request),
    'ops:previewAnonymise': async (request) => {
      const preview = need(ctx).previewAnonymise(request);
      if (!preview.ok) throw new HandlerError(preview.error);
      return preview.value;
    },
    'history:undo': async () => need(ctx).undo(),
    'history:redo': async () => need(ctx).redo(),
    'documents:import': async (files) =>
      need(ctx).importFiles(files.map((f) => ({ name: f.name, bytes: fromBase64(f.base64) }))),
    'documents:importCopies': async (files) =>
      need(ctx).importFiles(files.map((f) => ({ name: f.name, bytes: fromBase64(f.base64) })), undefined, { allowDuplicates: true }),
    'export:content': async (kind: ExportKind) => need(ctx).exportContent(kind),
    'export:save': async (kind: ExportKind) => {
      const content = need(ctx).exportContent(kind);
      return { path: await needDialogs(ctx).saveExport(content.fileName, content.content) };
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
