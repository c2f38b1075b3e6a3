/**
 * The one way the renderer reaches its host. In Electron the preload exposes `window.gloss`;
 * in a plain browser (the browser host, the end-to-end tests) the bridge speaks HTTP.
 */
import type { GlossBridge } from './channels';
import { createHttpBridge, forgetTokenInAddress } from './http-bridge';

let bridge: GlossBridge | null = null;

/** The bridge for this window, created on first use. */
export function getBridge(): GlossBridge {
  if (!bridge) {
    const preload = (window as { gloss?: GlossBridge }).gloss;
    if (preload) bridge = preload;
    else {
      forgetTokenInAddress(window.location, window.history);
      bridge = createHttpBridge();
    }
  }
  return bridge;
}

/** Replaces the bridge (unit tests use a fake host). */
export function setBridge(next: GlossBridge): void {
  bridge = next;
}
