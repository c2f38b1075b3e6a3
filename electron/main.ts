/**
 * The Electron main process: one locked-down window, the IPC contract, the menu, and the
 * app's life cycle (single instance, projects named on the command line or by the OS,
 * saving before quit). Bundled by build/build-electron.mjs into dist/electron/main.cjs.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, type WebFrameMain } from 'electron';
import { aboutText } from './about';
import { createHandlers } from './service/handlers';
import { defaultDataDir, coderConfirmed, ensureCoder } from './service/settings';
import { ensureSampleCopy } from './service/sample';
import { projectFileFromArgv } from './command-line';
import { DesktopSession } from './desktop-session';
import { registerIpc, sendEvent } from './ipc';
import { menuTemplate } from './menu';
import { Preferences } from './preferences';
import { isAppPageUrl } from './url-trust';
import { boundsToRemember, createMainWindow, lockDownApp, registerAppScheme, type WindowFiles } from './window';

// Before anything reads a path: the data folder is "Gloss", shared with the CLI
// (settings.ts), or GLOSS_DATA_DIR, so tests never touch the real profile.
app.setName('Gloss');
const dataDir = defaultDataDir();
app.setPath('userData', dataDir);

/** The built pieces, relative to this file (dist/electron/main.cjs). */
const rendererDir = path.join(__dirname, '..', 'renderer');
const files: WindowFiles & { page: string; sample: string } = {
  rendererDir,
  page: path.join(rendererDir, 'index.html'),
  preload: path.join(__dirname, 'preload.cjs'),
  sample: path.join(__dirname, '..', 'sample'),
  ...(existsSync(path.join(__dirname, '..', 'icon.png')) ? { icon: path.join(__dirname, '..', 'icon.png') } : {}),
};

// Both before the app is ready, as Electron requires of scheme privileges.
registerAppScheme();
lockDownApp();

let mainWindow: BrowserWindow | null = null;
let session: DesktopSession | null = null;
let prefs: Preferences | null = null;
/** A project the OS or a second launch asked for before we were ready. */
let pendingFile: string | null = projectFileFromArgv(process.argv, process.cwd());
/** Set once the project is saved and closed, so the next quit / close goes through. */
let quitApproved = false;
let closeApproved = false;

function refreshMenu(): void {
  const current = session?.current ?? null;
  const template = menuTemplate(
    {
      recent: prefs?.recent ?? [],
      hasProject: !!current,
      readOnly: current?.readOnly ?? false,
      isPackaged: app.isPackaged,
      platform: process.platform,
    },
    {
      host: {
        'new-project': () => void session?.newProject(),
        'open-project': () => void session?.openWithDialog(),
        'save-as': () => void session?.saveAs(),
      },
      openRecent: (file) => void session?.open(file),
      clearRecent: () => void prefs?.clearRecent(),
      command: (command) => sendEvent(mainWindow?.webContents, 'menu', command),
      about: () => void showAbout(),
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function showAbout(): Promise<void> {
  const { message, detail } = aboutText({
    version: app.getVersion(),
    electron: process.versions.electron,
    chrome: process.versions.chrome,
    node: process.versions.node,
    dataDir,
  });
  const options = { type: 'info' as const, title: 'About Gloss', message, detail, buttons: ['OK'] };
  if (mainWindow) await dialog.showMessageBox(mainWindow, options);
  else await dialog.showMessageBox(options);
}

/** IPC is answered only for our page (app://gloss/index.html) in the main frame of our window. */
function isTrustedFrame(frame: WebFrameMain | null): boolean {
  if (!frame || !mainWindow || mainWindow.isDestroyed()) return false;
  const main = mainWindow.webContents.mainFrame;
  return frame.processId === main.processId && frame.routingId === main.routingId && isAppPageUrl(frame.url);
}

function openWindow(): BrowserWindow | null {
  if (!existsSync(files.page) || !existsSync(files.preload)) {
    dialog.showErrorBox(
      'Gloss cannot start',
      `Its interface is not built: ${existsSync(files.page) ? files.preload : files.page} is missing.\n` +
        'Run "npm run build" first ("npm start" does both).',
    );
    quitApproved = true;
    app.quit();
    return null;
  }
  const win = createMainWindow(files, prefs?.window ?? null);
  mainWindow = win;
  closeApproved = false;
  win.on('close', (event) => {
    void prefs?.saveWindow(boundsToRemember(win));
    if (closeApproved || quitApproved || !session) return;
    // Save and release the project first; then close for real.
    event.preventDefault();
    void session.closeForExit().then((ok) => {
      if (!ok) return;
      closeApproved = true;
      win.close();
    });
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  session?.refreshWindow();
  return win;
}

/** Opens what the user asked for at launch: a project file, else their copy of the sample. */
async function openInitialProject(file: string | null): Promise<void> {
  if (!session) return;
  if (file) {
    await session.open(file);
    return;
  }
  try {
    await session.open(await ensureSampleCopy(dataDir, files.sample));
  } catch (e) {
    // First run still works without the sample: the renderer offers New and Open.
    console.error('Gloss: could not prepare the sample project:', e);
  }
}

/** Opens a project the OS or a second launch handed us, in the existing window. */
function openFromOutside(file: string): void {
  if (!session) {
    pendingFile = file;
    return;
  }
  if (!mainWindow) openWindow();
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
  void session.open(file);
}

async function start(): Promise<void> {
  await app.whenReady();
  // GLOSS_CODER names the coder for this profile (the e2e tests set it, with GLOSS_DATA_DIR).
  const named = process.env.GLOSS_CODER?.trim() || undefined;
  const coder = await ensureCoder(dataDir, named);
  const coderUnnamed = !named && !(await coderConfirmed(dataDir));
  prefs = await Preferences.load(dataDir, () => refreshMenu());
  session = new DesktopSession({
    coder,
    coderUnnamed,
    dataDir,
    prefs,
    window: () => mainWindow,
    onProjectChanged: () => refreshMenu(),
  });

  // Requests wait for the project given at launch, so the renderer's first snapshot
  // already shows it instead of flashing an empty state.
  let initialDone: () => void = () => {};
  const initialOpen = new Promise<void>((resolve) => (initialDone = resolve));
  registerIpc(createHandlers(session.hostContext()), { isTrustedFrame, ready: () => initialOpen });
  refreshMenu();
  if (!openWindow()) return;

  // From here on openFromOutside opens directly; a file named before now is pendingFile.
  const file = pendingFile;
  pendingFile = null;
  await openInitialProject(file).finally(initialDone);
}

if (!app.requestSingleInstanceLock()) {
  // Another Gloss is running: it receives our command line (second-instance) and opens it.
  quitApproved = true;
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const file = projectFileFromArgv(argv, workingDirectory);
    if (file) openFromOutside(file);
    else if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    } else if (session) openWindow();
  });

  // macOS: a .gloss double-clicked in Finder or dropped on the Dock icon.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openFromOutside(file);
  });

  app.on('activate', () => {
    // macOS: clicking the Dock icon with no window open brings one back with the last project.
    if (mainWindow || !session || !prefs) return;
    openWindow();
    const last = prefs.recent[0];
    void (last ? session.open(last) : openInitialProject(null));
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitApproved) return;
    // Quit only after the project is saved and its lock released.
    event.preventDefault();
    if (quitting) return; // a second Quit while the first is still saving
    quitting = true;
    void (async () => {
      if (mainWindow && !mainWindow.isDestroyed()) void prefs?.saveWindow(boundsToRemember(mainWindow));
      const ok = !session || (await session.closeForExit());
      quitting = false;
      if (!ok) return;
      await prefs?.settled();
      quitApproved = true;
      app.quit();
    })();
  });

  start().catch((e: unknown) => {
    console.error('Gloss: start-up failed:', e);
    dialog.showErrorBox('Gloss could not start', e instanceof Error ? e.message : String(e));
    quitApproved = true;
    app.quit();
  });
}
