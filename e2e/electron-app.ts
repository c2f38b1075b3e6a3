/**
 * Launches the built Electron app on a project for the 'electron' Playwright project.
 * The caller builds first (`npm run build`): this runs dist/electron/main.cjs as `electron .`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { APP_PAGE_URL } from '../electron/url-trust';
import { electronAvailability } from './electron-available';

/** The Electron app behind each page, for helpers that drive native dialogs (see chooseFiles in helpers.ts). */
const apps = new WeakMap<Page, ElectronApplication>();

/** The Electron app showing `page`, or undefined when the page is in the browser host. */
export function electronAppOf(page: Page): ElectronApplication | undefined {
  return apps.get(page);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface LaunchedElectronApp {
  app: ElectronApplication;
  /** The Gloss window. */
  page: Page;
  /** Quits the app (which saves and unlocks the project first). */
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The coder's name in this app's settings (GLOSS_CODER), so specs can expect it. */
  coderName?: string;
}

/**
 * Starts Gloss on `projectFile` with its settings and data in `dataDir` (GLOSS_DATA_DIR),
 * so a test never touches the real profile, and resolves once the window has loaded its
 * page (app://gloss/index.html).
 */
export async function launchElectronApp(projectFile: string, dataDir: string, options: LaunchOptions = {}): Promise<LaunchedElectronApp> {
  const available = electronAvailability();
  if (!available.ok) throw new Error(available.reason);
  for (const built of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
    if (!existsSync(path.join(root, built))) throw new Error(`${built} is missing: run \`npm run build\` before the Electron tests.`);
  }

  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  // Set by some tools; it would make the binary act as plain Node and never open a window.
  delete env.ELECTRON_RUN_AS_NODE;
  env.GLOSS_DATA_DIR = dataDir;
  if (options.coderName) env.GLOSS_CODER = options.coderName;

  // No executablePath: Playwright then resolves the binary through the 'electron' package
  // (found on disk above, so nothing is downloaded) and preloads its loader, which holds
  // the app's 'ready' until Playwright is attached. On Linux it adds --no-sandbox itself.
  const app = await electron.launch({ args: ['.', projectFile], cwd: root, env, timeout: 60_000 });
  try {
    const page = await app.firstWindow();
    // The window may come before its page: wait for the app's own page on its own scheme.
    await page.waitForURL(APP_PAGE_URL);
    await page.waitForLoadState('domcontentloaded');
    apps.set(page, app);
    return {
      app,
      page,
      close: () => app.close(),
    };
  } catch (e) {
    await app.close().catch(() => {});
    throw e;
  }
}
