/** Small helpers for the browser host's HTTP responses. */
import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY, NON_PAGE_CONTENT_SECURITY_POLICY } from '../content-policy';

/**
 * Headers on every response: no MIME sniffing; no referrer (the first URL holds the token);
 * no framing (X-Frame-Options for browsers older than CSP's frame-ancestors); nothing read
 * by other origins; no window of another origin keeps a handle on ours (COOP).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Content-Security-Policy': NON_PAGE_CONTENT_SECURITY_POLICY,
};

/** The security headers for the renderer's files: its full policy, sent as a header so that frame-ancestors holds. */
export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
};

export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const body = Buffer.from(text, 'utf8');
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}
