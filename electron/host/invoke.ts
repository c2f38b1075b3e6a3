/**
 * POST /api/invoke/<channel>: one channel call, over the same handlers as Electron's IPC.
 * The body is {"arg": payload}; the answer {"ok": true, "result"} or {"ok": false, "error"}.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HandlerError, invokeChannel, isChannel, type Handlers } from '../service/handlers';
import { sendJson } from './responses';

/** Imports arrive base64-encoded inside the JSON, a third larger than the files themselves. */
export const MAX_BODY_BYTES = 200 * 1024 * 1024;

class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function tooLarge(limit: number): RequestError {
  const size = limit >= 1024 * 1024 ? `${Math.round(limit / 1024 / 1024)} MB` : `${limit} bytes`;
  return new RequestError(413, `The request is too large (the limit is ${size}).`);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(tooLarge(limit));
        // Discard the rest rather than cut the connection, so the client still gets the 413.
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseArg(body: Buffer): unknown {
  const text = body.toString('utf8').trim();
  if (text === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RequestError(400, 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RequestError(400, 'The request body must be a JSON object like {"arg": …}.');
  }
  return (value as { arg?: unknown }).arg;
}

export interface InvokeOptions {
  handlers: Handlers;
  bodyLimit?: number;
  /** Where internal errors are logged with their detail. */
  log: (message: string) => void;
}

/** Handles one invoke request for `channel` (already authenticated and origin-checked). */
export async function handleInvoke(req: IncomingMessage, res: ServerResponse, channel: string, options: InvokeOptions): Promise<void> {
  try {
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    // A cross-site form can only send urlencoded, multipart or text/plain bodies without a CORS preflight.
    if (type !== 'application/json') throw new RequestError(415, 'Send the request as Content-Type: application/json.');
    if (!isChannel(channel)) throw new RequestError(404, `Unknown channel ${channel}.`);
    const arg = parseArg(await readBody(req, options.bodyLimit ?? MAX_BODY_BYTES));
    const result = await invokeChannel(options.handlers, channel, arg);
    sendJson(res, 200, { ok: true, result });
  } catch (e) {
    if (e instanceof RequestError) {
      sendJson(res, e.status, { ok: false, error: e.message });
      if (e.status === 413) res.on('finish', () => req.destroy());
    } else if (e instanceof HandlerError) {
      sendJson(res, 400, { ok: false, error: e.message });
    } else {
      options.log(`${channel} failed: ${(e as Error)?.stack ?? String(e)}`);
      sendJson(res, 500, { ok: false, error: `Gloss could not complete ${channel}; the terminal running Gloss has the details.` });
    }
  }
}
