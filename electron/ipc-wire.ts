/**
 * The wire format between the main process and the preload, shared by both (so it imports
 * nothing: the preload bundle must stay free of Node and of zod).
 */

/** The one channel host events travel on; the preload fans them out by name. */
export const EVENT_CHANNEL = 'gloss:event';

export interface EventMessage {
  event: string;
  payload: unknown;
}

/**
 * What an invoke handler resolves to. Errors travel as data because Electron rewrites a
 * rejected handler's message ("Error invoking remote method 'x': Error: …"); the preload
 * turns `ok: false` back into an Error carrying only the user-facing message.
 */
export type IpcReply = { ok: true; value: unknown } | { ok: false; error: string };
