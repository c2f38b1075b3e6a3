/**
 * POST /api/invoke/<channel>: one channel call, over the same handlers as Electron's IPC.
 * The body is {"arg": payload}; the answer {"ok": true, "result"} or {"ok": false, "error"}.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_DOCUMENT_BYTES } from '../../shared/import/limits';
import { sizeInWords } from '../../shared/import/sizes';
import { HandlerError, invokeChannel, isChannel, type Handlers } from '../service/handlers';
import { sendJson } from './responses';

/**
 * The largest request body: 342 MB. Files arrive base64-encoded inside the JSON, 4 bytes
 * for every 3, so this carries the largest document Gloss imports (MAX_DOCUMENT_BYTES) in
 * one request, with 1 MB to spare for the JSON around it. The body is decoded as one string,
 * so it must stay under the longest string Node can make (512 MB); invoke.test.ts checks both.
 */
export const MAX_BODY_BYTES = Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4 + 1024 * 1024;

class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function tooLarge(limit: number): RequestError {
  return new RequestError(
    413,
    `The files sent are too large for the browser host: it takes up to ${sizeInWords(limit)} in one request ` +
      `(files travel base64-encoded, a third larger than on disk, so about ${sizeInWords(Math.floor((limit * 3) / 4))} of files). ` +
      'Send fewer files at a time, or use the gloss command for larger ones.',
  );
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
