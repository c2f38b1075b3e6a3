/**
 * End-to-end tests of the whole app. The 'chromium' project runs every spec in Chromium
 * against the browser host (started in-process per test, see e2e/fixtures.ts); the
 * 'electron' project runs the same specs in the Electron app where its binary exists, and
 * is left out, with the reason printed, where it does not.
 */
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { electronAvailability } from './e2e/electron-available';
import type { AppKindOption } from './e2e/fixtures';

type Project = NonNullable<PlaywrightTestConfig<AppKindOption>['projects']>[number];

const projects: Project[] = [{ name: 'chromium', use: { appKind: 'browser' } }];

const electron = electronAvailability();
if (electron.ok) {
  projects.push({ name: 'electron', use: { appKind: 'electron' } });
} else if (!process.env.TEST_WORKER_INDEX) {
  // Workers load this file too; say it once, from the main process.
  console.log(`Playwright: the electron project is left out: ${electron.reason}`);
}

export default defineConfig<AppKindOption>({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  // Two cores: two workers, each with its own host and browser context per test.
  workers: 2,
  fullyParallel: true,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  outputDir: '.tmp/test-results',
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? '.tmp/playwright.json' }]],
  use: {
    actionTimeout: 5_000,
    navigationTimeout: 15_000,
  },
  projects,
});
