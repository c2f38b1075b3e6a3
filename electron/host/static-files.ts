/** Serves the built renderer (vite's output folder) and nothing outside it. */
import { promises as fs } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { PAGE_SECURITY_HEADERS, sendText } from './responses';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const inside = (root: string, file: string) => file === root || file.startsWith(root + path.sep);

/**
 * The file for a URL path, or null when it does not exist or would lie outside `root`
 * (through "..", an encoded slash, or a symlink).
 */
export async function resolveStaticFile(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^[/\\]+/, '');
  const absoluteRoot = path.resolve(root);
  const candidate = path.resolve(absoluteRoot, relative);
  if (!inside(absoluteRoot, candidate)) return null;
  try {
    const [realRoot, realFile] = await Promise.all([fs.realpath(absoluteRoot), fs.realpath(candidate)]);
    if (!inside(realRoot, realFile)) return null;
    const stat = await fs.stat(realFile);
    return stat.isFile() ? realFile : null;
  } catch {
    return null;
  }
}

/** Sends the file for `urlPath` from `root`, or a 404. */
export async function serveStatic(res: ServerResponse, root: string, urlPath: string, headOnly: boolean): Promise<void> {
  const file = await resolveStaticFile(root, urlPath);
  if (!file) {
    sendText(res, 404, 'Not found');
    return;
  }
  const body = await fs.readFile(file);
  const isPage = contentTypeFor(file).startsWith('text/html');
  res.writeHead(200, {
    // The renderer's policy on all its files: a worker script, say, takes its policy from its own response.
    ...PAGE_SECURITY_HEADERS,
    'Content-Type': contentTypeFor(file),
    'Content-Length': String(body.length),
    // The page is fetched with the token in its URL and names the current bundle: never
    // stored. Assets are revalidated (the token cookie comes along), never served stale.
    'Cache-Control': isPage ? 'no-store' : 'no-cache',
  });
  res.end(headOnly ? undefined : body);
}
