/**
 * The Gloss window, locked down as the Electron security checklist asks: isolated,
 * sandboxed renderer with a bundled preload, served from Gloss's own privileged scheme
 * (app://gloss, never file://), no navigation, no new windows, no remote content, no
 * network at all (spell-check dictionaries included), no permissions; web links go to the
 * system browser after URL parsing.
 */
import { app, BrowserWindow, nativeTheme, protocol, screen, session, shell, type Rectangle, type Session, type WebContents } from 'electron';
import { rendererResponse } from './renderer-files';
import { APP_ORIGIN, APP_PAGE_URL, APP_SCHEME, safeExternalUrl } from './url-trust';
import type { WindowBounds } from './preferences';

export interface WindowFiles {
  /** dist/renderer: served at app://gloss/, index.html being the page. */
  rendererDir: string;
  /** dist/electron/preload.cjs */
  preload: string;
  /** Window icon for Linux (other platforms take it from the app bundle), if shipped. */
  icon?: string;
}

/**
 * Declares app:// a standard scheme (relative URLs and ES modules resolve as on the web,
 * and app://gloss is an origin of its own) and a secure one (the page stays a secure
 * context, which the clipboard needs), that fetch() may load from the page's own origin.
 * Electron allows this only before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

const servedSessions = new WeakSet<Session>();

/** Serves dist/renderer at app://gloss/ in a session (once per session; renderer-files.ts checks every path). */
function serveRenderer(ses: Session, rendererDir: string): void {
  if (servedSessions.has(ses)) return;
  servedSessions.add(ses);
  ses.protocol.handle(APP_SCHEME, (request) => rendererResponse(request.url, request.method, rendererDir));
}

/**
 * True where Gloss spell-checks with the operating system's checker: macOS, where Electron
 * uses it and downloads nothing. Elsewhere Chromium's Hunspell checker would fetch its
 * dictionaries from Google's CDN on first use, which an offline, private app must not do,
 * and Gloss ships none (a researcher reads and codes transcripts rather than writes prose
 * in it), so spell-checking is off there.
 */
export function usesOsSpellchecker(platform: NodeJS.Platform): boolean {
  return platform === 'darwin';
}

/**
 * Where Chromium would ask for a dictionary were spell-checking ever turned on again: our
 * own scheme, which has none (renderer-files.ts answers 404), instead of Google's CDN. A
 * request there never reaches the network.
 */
export const NO_DICTIONARIES_URL = `${APP_ORIGIN}/no-spellcheck-dictionaries/`;

const DEFAULT_SIZE = { width: 1280, height: 820 };

/** Opens a link in the system browser if it is a plain web or mail link; ignores anything else. */
export function openExternalLink(raw: string): void {
  const url = safeExternalUrl(raw);
  if (url) void shell.openExternal(url);
  else console.warn(`Gloss: refused to open ${raw.slice(0, 200)}`);
}

/** Denies navigation, new windows and <webview>s for one webContents. */
function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    // Our page never navigates; a clicked link means "open this in the browser".
    event.preventDefault();
    openExternalLink(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalLink(url);
    return { action: 'deny' };
  });
}

const hardenedSessions = new WeakSet<Session>();

/** Refuses permissions and every request that would leave the machine, for a session. */
function lockDownSession(ses: Session): void {
  if (hardenedSessions.has(ses)) return;
  hardenedSessions.add(ses);
  // Writing plain text to the clipboard (a "Copy excerpt" button) is the one thing the
  // page may ask for; camera, location, notifications and the rest are refused.
  const allowed = new Set<string>(['clipboard-sanitized-write']);
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(allowed.has(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => allowed.has(permission));
  ses.setDevicePermissionHandler(() => false);
  if (!usesOsSpellchecker(process.platform)) {
    // Before any page loads, so no dictionary download ever starts (usesOsSpellchecker says why).
    ses.setSpellCheckerEnabled(false);
    ses.setSpellCheckerDictionaryDownloadURL(NO_DICTIONARIES_URL);
  }
  // Gloss is offline by design: no remote content is ever loaded. (Dictionary downloads
  // may not pass through webRequest at all, which is why spell-checking is handled above.)
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] }, (details, callback) => {
    console.warn(`Gloss: blocked a network request to ${details.url.slice(0, 200)}`);
    callback({ cancel: true });
  });
}

/** Applies the lock-down to every webContents the app ever creates (devtools included). */
export function lockDownApp(): void {
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  app.whenReady().then(() => lockDownSession(session.defaultSession), () => {});
}

function visibleOnSomeDisplay(bounds: Rectangle): boolean {
  return screen.getAllDisplays().some(({ workArea: a }) => {
    const overlapX = Math.min(bounds.x + bounds.width, a.x + a.width) - Math.max(bounds.x, a.x);
    const overlapY = Math.min(bounds.y + bounds.height, a.y + a.height) - Math.max(bounds.y, a.y);
    // Enough of the title bar on screen to grab it.
    return overlapX >= 100 && overlapY >= 50;
  });
}

/** Size and place from the last session, dropping a position that is now off every screen. */
function initialBounds(saved: WindowBounds | null): Partial<Rectangle> {
  if (!saved) return DEFAULT_SIZE;
  const width = Math.max(640, Math.round(saved.width));
  const height = Math.max(480, Math.round(saved.height));
  if (saved.x === undefined || saved.y === undefined) return { width, height };
  const placed = { x: Math.round(saved.x), y: Math.round(saved.y), width, height };
  return visibleOnSomeDisplay(placed) ? placed : { width, height };
}

/** Current bounds to remember (the un-maximised size, so restoring works). */
export function boundsToRemember(win: BrowserWindow): WindowBounds {
  const { x, y, width, height } = win.getNormalBounds();
  return { x, y, width, height, maximized: win.isMaximized() };
}

/** Creates the main window and loads our page into it. */
export function createMainWindow(files: WindowFiles, saved: WindowBounds | null): BrowserWindow {
  const win = new BrowserWindow({
    ...initialBounds(saved),
    minWidth: 640,
    minHeight: 480,
    title: 'Gloss',
    show: false,
    // Matches the page's first paint in either theme, so the window does not flash.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1e1e1e' : '#ffffff',
    ...(files.icon && process.platform === 'linux' ? { icon: files.icon } : {}),
    webPreferences: {
      preload: files.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: usesOsSpellchecker(process.platform),
    },
  });
  lockDownSession(win.webContents.session);
  serveRenderer(win.webContents.session, files.rendererDir);
  // The main process owns the title ("<project> — Gloss"); the page's <title> must not
  // replace it.
  win.on('page-title-updated', (event) => event.preventDefault());
  if (saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  // Show the window even if the page fails, rather than leave an invisible app running.
  win.webContents.once('did-fail-load', () => win.show());
  let crashes = 0;
  win.webContents.on('render-process-gone', (_event, details) => {
    console.error(`Gloss: the window's page stopped (${details.reason}).`);
    // The project lives in the main process, so a reload loses nothing; but a page that
    // keeps crashing is left alone rather than reloaded forever.
    if (details.reason !== 'clean-exit' && !win.isDestroyed() && ++crashes <= 3) win.webContents.reload();
  });
  void win.loadURL(APP_PAGE_URL);
  return win;
}
