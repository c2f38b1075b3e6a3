/**
 * What the Electron app's own scheme answers: files of the built renderer (dist/renderer)
 * at app://gloss/…, with the renderer's CSP as a header, and nothing outside that folder.
 * Plain Node (fs and the Fetch API's Response), so it is tested without Electron; window.ts
 * hands it to protocol.handle.
 */
import { promises as fs } from 'node:fs';
import { PAGE_SECURITY_HEADERS } from './host/responses';
import { contentTypeFor, resolveStaticFile } from './host/static-files';
import { APP_HOST, APP_SCHEME } from './url-trust';

function refusal(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { ...PAGE_SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

/**
 * The response to a request for `rawUrl` on the app scheme: the file under `rendererDir`,
 * or 404 for another host, a missing file, or a path that would lead outside the folder
 * (through "..", an encoded slash or backslash, or a symlink).
 */
export async function rendererResponse(rawUrl: string, method: string, rendererDir: string): Promise<Response> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return refusal(400, 'Bad request');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refusal(404, 'Not found');
  if (method !== 'GET' && method !== 'HEAD') return refusal(405, 'Method not allowed', { Allow: 'GET, HEAD' });
  // The path as sent, still percent-encoded: resolveStaticFile decodes it once and checks the result.
  const file = await resolveStaticFile(rendererDir, url.pathname);
  if (!file) return refusal(404, 'Not found');
  const body = await fs.readFile(file);
  return new Response(method === 'HEAD' ? null : body, {
    status: 200,
    headers: {
      ...PAGE_SECURITY_HEADERS,
      'Content-Type': contentTypeFor(file),
      'Content-Length': String(body.length),
      'Cache-Control': 'no-cache',
    },
  });
}
