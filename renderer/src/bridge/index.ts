/**
 * The one way the renderer reaches its host. In Electron the preload exposes `window.gloss`;
 * in a plain browser (the browser host, the end-to-end tests) the bridge speaks HTTP.
 */
import type { GlossBridge } from './channels';
import { createHttpBridge, tokenFromLocation } from './http-bridge';

let bridge: GlossBridge | null = null;

function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // storage can be disabled; the token in the URL still works
  }
}

/** The bridge for this window, created on first use. */
export function getBridge(): GlossBridge {
  if (!bridge) {
    const preload = (window as { gloss?: GlossBridge }).gloss;
    bridge = preload ?? createHttpBridge(tokenFromLocation(window.location, sessionStore()));
  }
  return bridge;
}

/** Replaces the bridge (unit tests use a fake host). */
export function setBridge(next: GlossBridge): void {
  bridge = next;
}
