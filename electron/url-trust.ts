/**
 * Which URLs Gloss trusts, as pure functions of strings (so they are unit-tested without
 * Electron): its own page, for IPC; and web links, for the system browser.
 */

/**
 * The Electron app serves its renderer on its own privileged scheme (window.ts), not from
 * file://: a page there is a secure context of one fixed origin, which other local files
 * do not share, and every file it loads passes one handler that serves dist/renderer only.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'gloss';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the Gloss window loads. */
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

/**
 * True if `url` is our own renderer page: app://gloss/index.html (any query or hash).
 * Anything else (a file: URL, another page of the scheme, a data: URL, a web page) is
 * refused IPC.
 */
export function isAppPageUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.pathname === '/index.html' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

const EXTERNAL_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

/**
 * The normalised URL if `raw` may be handed to the system browser or mail client, else
 * null. Only http(s) and mailto: never file:, javascript:, custom app protocols or UNC
 * paths, which openExternal would otherwise happily launch.
 */
export function safeExternalUrl(raw: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return null;
  }
  if (!EXTERNAL_PROTOCOLS.has(parsed.protocol)) return null;
  if (parsed.protocol !== 'mailto:' && !parsed.hostname) return null;
  if (parsed.username || parsed.password) return null;
  return parsed.href;
}
