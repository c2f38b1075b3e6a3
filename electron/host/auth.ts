/**
 * The browser host's one secret: a random token in the URL it prints. Every request must
 * carry it, as ?token=, an X-Gloss-Token header, or the cookie set on the first visit
 * (EventSource and <script src> cannot send headers, so the cookie carries it for them).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'gloss_token';
export const TOKEN_HEADER = 'x-gloss-token';

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

export interface TokenCheck {
  ok: boolean;
  /** The token arrived in the query string: the response should set the cookie. */
  fromQuery: boolean;
}

/** Whether the request carries the right token, in any of the accepted places. */
export function checkToken(req: IncomingMessage, url: URL, expected: string): TokenCheck {
  const query = url.searchParams.get('token');
  if (query !== null && tokensEqual(query, expected)) return { ok: true, fromQuery: true };
  const header = req.headers[TOKEN_HEADER];
  if (typeof header === 'string' && tokensEqual(header, expected)) return { ok: true, fromQuery: false };
  const cookie = parseCookies(req.headers.cookie).get(TOKEN_COOKIE);
  if (cookie !== undefined && tokensEqual(cookie, expected)) return { ok: true, fromQuery: false };
  return { ok: false, fromQuery: false };
}

/** The Set-Cookie value: HttpOnly so page scripts cannot read it, Strict so other sites cannot send it. */
export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
}
