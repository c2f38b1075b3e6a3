/**
 * The browser host's one secret: a random token in the URL it prints. Every request must
 * carry it, as ?token= (the first page load), an X-Gloss-Token header (scripts and tools
 * outside the browser), or the HttpOnly cookie set on the first load. After that load the
 * page takes the token out of its address bar, and the cookie alone carries it: page
 * scripts never hold it, and it stays out of the history.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-gloss-token';
/**
 * Sent by the page's bridge on every API call it makes on the cookie alone. A page of
 * another origin cannot add a custom header without a CORS preflight, which the host never
 * approves, so the header marks a request as the page's own even where a browser leaves
 * out the Origin header.
 */
export const BRIDGE_HEADER = 'x-gloss-request';
export const BRIDGE_HEADER_VALUE = 'bridge';

/**
 * The cookie's name. Cookies are shared by every port of a host, so each host names its
 * own: two `npm run serve` in one browser must not overwrite each other's token.
 */
export function tokenCookieName(port: number): string {
  return `gloss_token_${port}`;
}

/** 24 random bytes: 192 bits, far beyond guessing even with unlimited local requests. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Constant-time comparison. Both sides are hashed first so that timingSafeEqual gets equal
 * lengths and the length of the token does not leak either.
 */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Cookie values by name from a Cookie header. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      // Not ours: a malformed cookie simply does not match.
    }
    if (name && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

/** Where the right token was found: the query sets the cookie; the cookie alone needs the bridge header on API calls. */
export type TokenSource = 'query' | 'header' | 'cookie';

/** Where the request carries the right token (the first match of query, header, cookie), or null when nowhere. */
export function checkToken(req: IncomingMessage, url: URL, expected: string, cookieName: string): TokenSource | null {
  const query = url.searchParams.get('token');
  if (query !== null && tokensEqual(query, expected)) return 'query';
  const header = req.headers[TOKEN_HEADER];
  if (typeof header === 'string' && tokensEqual(header, expected)) return 'header';
  const cookie = parseCookies(req.headers.cookie).get(cookieName);
  if (cookie !== undefined && tokensEqual(cookie, expected)) return 'cookie';
  return null;
}

/** True if the request carries the bridge header the page's own API calls send. */
export function fromBridge(req: IncomingMessage): boolean {
  return req.headers[BRIDGE_HEADER] === BRIDGE_HEADER_VALUE;
}

/**
 * The Set-Cookie value: HttpOnly so page scripts cannot read it, SameSite=Strict so no other
 * site can send it, and no expiry, so it goes when the browser closes (the token changes
 * with every start of the host anyway).
 */
export function tokenCookie(name: string, token: string): string {
  return `${name}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
}
