/**
 * The main process's side of the IPC contract: every channel is registered through one
 * helper that refuses duplicates and requests from any frame but our own page, then hands
 * the payload to invokeChannel, which validates it against the contract.
 */
import { ipcMain, type WebContents, type WebFrameMain } from 'electron';
import { CHANNELS, type Channel, type HostEvent, type HostEvents } from '../shared/ipc/contract';
import { HandlerError, invokeChannel, type Handlers } from './service/handlers';
import { EVENT_CHANNEL, type EventMessage, type IpcReply } from './ipc-wire';

export interface IpcOptions {
  /** True if `frame` is the main frame of our window showing our own page. */
  isTrustedFrame(frame: WebFrameMain | null): boolean;
  /** Awaited before each request, e.g. until the project given at launch is open. */
  ready?: () => Promise<void>;
}

function replyError(channel: string, e: unknown): IpcReply {
  if (e instanceof HandlerError) return { ok: false, error: e.message };
  // An internal error: full detail in the log, a plain message for the user.
  console.error(`Gloss: ${channel} failed:`, e);
  const message = e instanceof Error ? e.message : String(e);
  return { ok: false, error: `Something went wrong (${message}).` };
}

/** Channels with a handler in this process; a second registration is a bug. */
const registered = new Set<Channel>();

/** The one place a channel is registered: duplicate check, sender check, validation. */
function handleChannel(channel: Channel, handlers: Handlers, options: IpcOptions): void {
  if (registered.has(channel)) throw new Error(`IPC channel ${channel} is registered twice.`);
  registered.add(channel);
  ipcMain.handle(channel, async (event, ...args: unknown[]): Promise<IpcReply> => {
    if (!options.isTrustedFrame(event.senderFrame)) {
      console.error(`Gloss: refused ${channel} from ${event.senderFrame?.url ?? 'a destroyed frame'}.`);
      return { ok: false, error: 'Refused: the request did not come from the Gloss window.' };
    }
    if (args.length > 1) return { ok: false, error: `Invalid payload for ${channel}: one argument at most.` };
    try {
      await options.ready?.();
      return { ok: true, value: await invokeChannel(handlers, channel, args[0]) };
    } catch (e) {
      return replyError(channel, e);
    }
  });
}

/** Registers every channel of the contract; returns a function that removes them. */
export function registerIpc(handlers: Handlers, options: IpcOptions): () => void {
  for (const channel of CHANNELS) handleChannel(channel, handlers, options);
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
    registered.clear();
  };
}

/** Pushes a host event to the renderer (the preload's `on` picks it up by name). */
export function sendEvent<E extends HostEvent>(contents: WebContents | null | undefined, event: E, payload: HostEvents[E]): void {
  if (!contents || contents.isDestroyed()) return;
  const message: EventMessage = { event, payload };
  contents.send(EVENT_CHANNEL, message);
}
