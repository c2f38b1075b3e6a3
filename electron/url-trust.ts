/**
 * Which URLs Gloss trusts, as pure functions of strings (so they are unit-tested without
 * Electron): its own page, for IPC; and web links, for the system browser.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * True if `url` is our own renderer page: a file: URL of exactly `indexFile` (any query
 * or hash). Anything else (a navigated-away page, a data: URL, an iframe) is refused IPC.
 */
export function isAppPageUrl(url: string, indexFile: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return false;
  let file: string;
  try {
    file = fileURLToPath(parsed); // ignores query and hash; decodes %20 and friends
  } catch {
    return false;
  }
  const a = path.resolve(file);
  const b = path.resolve(indexFile);
  // Windows paths are case-insensitive; elsewhere case matters.
  return process.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;
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
