/**
 * The browser host: the project service behind a small HTTP server on 127.0.0.1, serving
 * the built renderer, whose bridge then speaks HTTP instead of IPC. Every request needs
 * the random token printed in the URL (auth.ts says where it may travel); changes go
 * through the same channel handlers as Electron's IPC.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HostEvent, HostEvents } from '../../shared/ipc/contract';
import type { Coder, ProjectFile } from '../../shared/model/schema';
import { coderFor } from '../service/coder';
import { ProjectOpenError } from '../service/durable-file';
import { createHandlers, type HostContext } from '../service/handlers';
import { ProjectService, type ServiceOptions } from '../service/project-service';
import { SessionSwap, type EventSink } from '../service/session-swap';
import { fileExists, firstFreePath } from '../service/free-path';
import { safeStem } from '../../shared/text/safe-names';
import { coderConfirmed, defaultDataDir, loadExportSettings, renameCoder, saveExportSettings } from '../service/settings';
import { checkToken, fromBridge, newToken, tokenCookie, tokenCookieName } from './auth';
import { EventStream } from './event-stream';
import { handleInvoke } from './invoke';
import { sendJson, sendText } from './responses';
import { serveStatic } from './static-files';
import { warmLane, warmTaskWorker } from '../service/tasks/pool';
import { ANALYSIS_LANE } from '../service/analysis';
import { SEARCH_LANE } from '../service/search';

/** Where `npm run build:renderer` puts the renderer. */
export const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

export interface HostOptions {
  /** The project to serve; created (named after the file) when it does not exist. */
  projectFile: string;
  /** Port on 127.0.0.1; a free one is picked when left out or 0. */
  port?: number;
  /** The access token; a random one when left out. */
  token?: string;
  rendererDir?: string;
  /** Gloss's settings folder (for the coder); defaultDataDir() when left out. */
  dataDir?: string;
  coderName?: string;
  readOnly?: boolean;
  /** Where diagnostics go (stderr by default); stdout is kept for the one URL line. */
  log?: (line: string) => void;
  /** Passed to the service: edits within this many ms are written together. */
  saveDelayMs?: number;
  /** Largest accepted request body in bytes (MAX_BODY_BYTES, 342 MB, by default). */
  bodyLimit?: number;
}

export interface RunningHost {
  /** http://127.0.0.1:PORT/?token=TOKEN */
  url: string;
  token: string;
  port: number;
  service: ProjectService;
  /** Ends open event streams, stops the server, then saves and unlocks the project. */
  close(): Promise<void>;
}

const stderrLog = (line: string) => process.stderr.write(`${line}\n`);

/** The refusal for a request without the token: what to open instead, and why a cookie is needed. */
export const TOKEN_REFUSAL =
  'Forbidden: missing or wrong token. Open the address `npm run serve` printed (it ends in ?token=…). ' +
  'The page then keeps the token in a cookie, so the browser must accept cookies from this address.';

async function openProject(file: string, options: ServiceOptions): Promise<ProjectService> {
  if (options.readOnly && !(await fileExists(file))) {
    throw new ProjectOpenError(`${path.basename(file)} does not exist; leave out --read-only to create it.`, file, 'missing');
  }
  return ProjectService.openOrCreate(file, path.basename(file).replace(/\.gloss$/i, ''), options);
}

/**
 * Creates `file`'s project as a new file beside the open one, under the first free name,
 * and opens it holding its lock. A name taken meanwhile (by another writer) moves on to the next.
 */
async function createBeside(dir: string, suggestedName: string, file: ProjectFile, options: ServiceOptions): Promise<ProjectService> {
  for (let attempt = 0; ; attempt++) {
    const target = await freeProjectPath(dir, suggestedName);
    try {
      return await ProjectService.create(target, path.basename(target, '.gloss'), options, file);
    } catch (e) {
      const taken = e instanceof ProjectOpenError && (e.kind === 'locked' || (e.kind === 'unreadable' && (await fileExists(target))));
      if (!taken || attempt >= 20) throw e;
    }
  }
}

/** `dir/name.gloss`, or `dir/name 2.gloss` and so on when that exists; `name` made a safe file name here too, where the path is made. */
function freeProjectPath(dir: string, name: string): Promise<string> {
  const safe = safeStem(name, ' ');
  return firstFreePath((n) => path.join(dir, `${safe}${n === 1 ? '' : ` ${n}`}.gloss`));
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      reject(e.code === 'EADDRINUSE' ? new Error(`Port ${port} is already in use; choose another with --port, or leave it out for a free one.`) : e);
    };
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Opens (or creates) the project and starts serving it. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const log = options.log ?? stderrLog;
  const token = options.token ?? newToken();
  const rendererDir = path.resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR);
  const projectFile = path.resolve(options.projectFile);
  const events = new EventStream();
  const swap = new SessionSwap({
    onEvent: <E extends HostEvent>(event: E, payload: HostEvents[E]) => {
      events.send(event, payload);
      if (event === 'save-state' && (payload as HostEvents['save-state']).status === 'error') {
        log((payload as { message: string }).message);
      }
    },
    closeFailed: (file, e) => log(`closing ${file} failed: ${String(e)}`),
  });
  /** The project served; there always is one once the host has started. */
  const current = () => swap.current!;
  let coder: Coder;
  const dataDir = options.dataDir ?? defaultDataDir();
  let coderUnnamed = false;
  const serviceOptions = (readOnly: boolean | undefined, onEvent: EventSink): ServiceOptions => ({
    coder,
    coderUnnamed,
    readOnly,
    holder: 'host',
    onEvent,
    dataDir,
    ...(options.saveDelayMs !== undefined ? { saveDelayMs: options.saveDelayMs } : {}),
  });
  try {
    coder = await coderFor(projectFile, options.coderName, dataDir);
    coderUnnamed = !options.coderName?.trim() && !(await coderConfirmed(dataDir));
    await swap.replace((onEvent) => openProject(projectFile, serviceOptions(options.readOnly, onEvent)));
    warmTaskWorker();
    warmLane(SEARCH_LANE);
    warmLane(ANALYSIS_LANE);
  } catch (e) {
    events.close();
    throw e;
  }
  const context: HostContext = {
    kind: 'browser',
    session: current,
    coder: () => coder,
    recent: () => [],
    // A browser cannot pick where to save, so an imported project goes beside the open one
    // under a name no file has yet, and replaces it in this host. No 'reload' event: the
    // reply to the import carries the new project's snapshot.
    adoptProject: async (file, suggestedName) => {
      const dir = path.dirname(current().file);
      const opened = await swap.replace((onEvent) => createBeside(dir, suggestedName, file, serviceOptions(false, onEvent)));
      return opened!.file;
    },
    setCoderName: async (name, same) => {
      coder = await renameCoder(dataDir, name, same);
      coderUnnamed = false;
      current().setCoder(coder);
      return coder;
    },
    exportSettings: {
      load: () => loadExportSettings(dataDir),
      save: (settings) => saveExportSettings(dataDir, settings),
    },
  };
  const handlers = createHandlers(context);
  let origins = new Set<string>();
  let hosts = new Set<string>();
  let cookieName = '';

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Another name for 127.0.0.1 (DNS rebinding) is refused even before the token is checked.
    const host = req.headers.host ?? '';
    if (!hosts.has(host)) return sendText(res, 403, 'Forbidden: unexpected Host header');
    const url = new URL(req.url ?? '/', `http://${host}`);
    const auth = checkToken(req, url, token, cookieName);
    if (!auth) return sendText(res, 403, TOKEN_REFUSAL);
    if (auth === 'query') res.setHeader('Set-Cookie', tokenCookie(cookieName, token));
    const method = req.method ?? 'GET';
    const pathname = url.pathname;

    // The API is for our own page only. Another port of 127.0.0.1 is the same site (it
    // gets the cookie) but another origin: refused as well as other sites.
    const fetchSite = req.headers['sec-fetch-site'];
    if (pathname.startsWith('/api/') && (fetchSite === 'cross-site' || fetchSite === 'same-site')) {
      return sendJson(res, 403, { ok: false, error: 'Forbidden: cross-origin request.' });
    }
    if (pathname === '/api/events') {
      if (method !== 'GET') return sendText(res, 405, 'Method not allowed', { Allow: 'GET' });
      return events.connect(req, res);
    }
    if (pathname.startsWith('/api/invoke/')) {
      if (method !== 'POST') return sendJson(res, 405, { ok: false, error: 'Use POST.' });
      const origin = req.headers.origin;
      if (origin !== undefined && !origins.has(origin)) {
        return sendJson(res, 403, { ok: false, error: 'Forbidden: cross-origin request.' });
      }
      // A browser sends the cookie by itself; the bridge header shows the page sent it.
      if (auth === 'cookie' && !fromBridge(req)) {
        return sendJson(res, 403, { ok: false, error: 'Forbidden: an API call on the cookie alone must come from the Gloss page.' });
      }
      let channel: string;
      try {
        channel = decodeURIComponent(pathname.slice('/api/invoke/'.length));
      } catch {
        return sendJson(res, 404, { ok: false, error: 'Unknown channel.' });
      }
      return handleInvoke(req, res, channel, { handlers, log, ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}) });
    }
    if (pathname.startsWith('/api/')) return sendJson(res, 404, { ok: false, error: `No such endpoint: ${pathname}` });
    if (method !== 'GET' && method !== 'HEAD') return sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    return serveStatic(res, rendererDir, pathname, method === 'HEAD');
  }

  const server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      log(`${req.method} ${req.url?.split('?')[0]} failed: ${(e as Error)?.stack ?? String(e)}`);
      sendText(res, 500, 'Internal error; the terminal running Gloss has the details.');
    });
  });

  let port: number;
  try {
    port = await listen(server, options.port ?? 0);
  } catch (e) {
    events.close();
    await swap.close();
    throw e;
  }
  origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  cookieName = tokenCookieName(port);

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      events.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await swap.close();
    })());

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    // A getter: an imported project replaces the one served.
    get service() {
      return current();
    },
    close,
  };
}
