/**
 * The e2e fixture: every test gets a fresh project file in a temp folder, a temp Gloss
 * data folder, and a page showing the app. In the 'chromium' project the browser host is
 * started in-process and Chromium opens its URL; in the 'electron' project the Electron
 * app is launched on the same file. Specs only use `page` and `app`, so they run unchanged
 * in both.
 */
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { chromium } from 'playwright-core';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXPORT_LABELS } from '../shared/ipc/export-kinds';
import type { ExportKind } from '../shared/ipc/contract';
import type { ProjectFile } from '../shared/model/schema';
import { emptyProjectFile } from '../shared/model/state';
import { serializeProject } from '../shared/model/serialize';
import { startHost, type RunningHost } from '../electron/host/server';
import { ensureSampleCopy } from '../electron/service/sample';
import { CHROMIUM_LAUNCH } from './chromium';

export type AppKind = 'browser' | 'electron';

/** The per-project option that picks how the app is run. */
export interface AppKindOption {
  appKind: AppKind;
}

export interface TestOptions {
  /** What the project starts as: an empty project, or a copy of the shipped sample. */
  projectSource: 'empty' | 'sample';
  /** Window size (the README screenshot wants 1400×850). */
  windowSize: { width: number; height: number };
  /** Open the project read-only (browser host only). */
  readOnly: boolean;
  /** A project file to start from instead of `projectSource` (a test that needs several coders' codings). */
  projectContent: ProjectFile | null;
  /** The coder name the app is started with; null starts it without one, as on first run (it then asks). */
  coderName: string | null;
}

export const CODER_NAME = 'Ana Researcher';
export const PROJECT_NAME = 'Field study';

export interface GlossApp {
  kind: AppKind;
  page: Page;
  /** The folder holding the project file (tests may make it unwritable). */
  dir: string;
  projectFile: string;
  dataDir: string;
  /** The URL the browser host printed, with its token (browser host only; null in Electron). */
  url: string | null;
  /** Waits until the status line says "Saved", then reads the project file from disk. */
  readProject(): Promise<ProjectFile>;
  /** The content of an export, as the user would get it (a download in the browser). */
  exportText(kind: ExportKind): Promise<string>;
}

/** Launches Chromium once per worker, and only if a test asks for it (the electron project never does). */
interface LazyBrowser {
  get(): Promise<Browser>;
}


async function makeProject(dir: string, dataDir: string, source: TestOptions['projectSource'], content: ProjectFile | null): Promise<string> {
  if (source === 'sample' && !content) return ensureSampleCopy(dataDir);
  const file = path.join(dir, 'field-study.gloss');
  await fs.writeFile(file, serializeProject(content ?? emptyProjectFile(PROJECT_NAME, new Date().toISOString())));
  return file;
}

export const test = base.extend<AppKindOption & TestOptions & { app: GlossApp }, { lazyBrowser: LazyBrowser }>({
  appKind: ['browser', { option: true }],
  projectSource: ['empty', { option: true }],
  windowSize: [{ width: 1280, height: 800 }, { option: true }],
  readOnly: [false, { option: true }],
  projectContent: [null, { option: true }],
  coderName: [CODER_NAME, { option: true }],

  lazyBrowser: [
    async ({}, use) => {
      const held: { browser: Promise<Browser> | null } = { browser: null };
      await use({ get: () => (held.browser ??= chromium.launch(CHROMIUM_LAUNCH)) });
      if (held.browser) await (await held.browser).close();
    },
    { scope: 'worker' },
  ],

  app: async ({ appKind, projectSource, windowSize, readOnly, projectContent, coderName, lazyBrowser }, use, testInfo) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-e2e-'));
    const dataDir = path.join(dir, 'data');
    await fs.mkdir(dataDir);
    const projectFile = await makeProject(dir, dataDir, projectSource, projectContent);

    let page: Page;
    let stop: () => Promise<void>;
    let host: RunningHost | null = null;
    if (appKind === 'electron') {
      if (readOnly) throw new Error('read-only projects are only set up for the browser host');
      const { launchElectronApp } = await import('./electron-app');
      const electron = await launchElectronApp(projectFile, dataDir, coderName === null ? {} : { coderName });
      page = electron.page;
      await page.setViewportSize(windowSize);
      stop = () => electron.close();
    } else {
      host = await startHost({ projectFile, dataDir, ...(coderName === null ? {} : { coderName }), saveDelayMs: 100, readOnly, log: () => {} });
      const browser = await lazyBrowser.get();
      const context = await browser.newContext({ viewport: windowSize, acceptDownloads: true });
      page = await context.newPage();
      await page.goto(host.url);
      const running = host;
      stop = async () => {
        await context.close();
        await running.close();
      };
    }
    // A big project (mid-size-project.spec.ts) takes a few seconds to open on a busy machine.
    await expect(page.getByRole('status')).toContainText(/Saved|Unsaved|Saving|Read-only/, { timeout: 20_000 });

    const app: GlossApp = {
      kind: appKind,
      page,
      dir,
      projectFile,
      dataDir,
      url: host?.url ?? null,
      async readProject() {
        await expect(page.getByRole('status')).toContainText('Saved');
        await expect(page.getByRole('status')).not.toContainText('Not saved');
        // The status line can still say "Saved" from before the last change (its save-state
        // event may not have arrived yet): ask the host to write whatever is pending.
        if (host) await host.service.flush();
        else await page.evaluate(() => (window as unknown as { gloss: { 'project:saveNow'(): Promise<unknown> } }).gloss['project:saveNow']());
        return JSON.parse(await fs.readFile(projectFile, 'utf8')) as ProjectFile;
      },
      async exportText(kind) {
        if (appKind === 'electron') {
          // Electron saves exports through a native dialog; read the same content from the bridge.
          return page.evaluate(async (k) => {
            const bridge = (window as unknown as { gloss: { 'export:content'(k: string): Promise<{ content: string }> } }).gloss;
            return (await bridge['export:content'](k)).content;
          }, kind);
        }
        await page.getByRole('button', { name: 'Export', exact: true }).click();
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: `${EXPORT_LABELS[kind]}…` }).click()]);
        const file = await download.path();
        return fs.readFile(file, 'utf8');
      },
    };

    try {
      await use(app);
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) {
        const shot = await page.screenshot().catch(() => null);
        if (shot) await testInfo.attach('screenshot on failure', { body: shot, contentType: 'image/png' });
      }
      await fs.chmod(dir, 0o755).catch(() => {});
      await stop().catch(() => {});
      await fs.rm(dir, { recursive: true, force: true });
    }
  },

  // Specs use `page` as usual; it is the app's page, whichever way the app runs.
  page: async ({ app }, use) => {
    await use(app.page);
  },
});

export { expect };
