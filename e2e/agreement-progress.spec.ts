/**
 * Agreement on a project big enough to take a while: it is computed in the host's task
 * worker, the status line shows how far it has got with a Cancel button, and Stop (in the
 * view) or Cancel (in the status line) end it with a plain note instead of an error; the
 * page keeps answering meanwhile.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { syntheticProject } from '../scripts/bench/synthetic-project';

test.use({ projectContent: syntheticProject({ documents: 100, characters: 400_000, codings: 16_000, codes: 80, memos: 0, seed: 5 }) });
// Stop and Cancel must reach a computation that is still running: on a quiet machine these
// 16,000 codings are computed before a click lands, so the host's task worker waits 40 ms
// after each of its steps (about 3 s per computation) while this file's tests run. The host
// runs in this process and reads the variable for every task it starts.
test.beforeEach(() => {
  process.env.GLOSS_TEST_TASK_STEP_DELAY_MS = '40';
});
test.afterEach(() => {
  delete process.env.GLOSS_TEST_TASK_STEP_DELAY_MS;
});
// The first agreement on a busy machine (two cores shared by the whole suite) takes seconds.
test.slow();

const STOPPED = 'Computing was stopped before it finished. Press Compute to start again.';

/** Starts recording, in the page, whether the status line ever shows agreement's progress bar. */
function watchProgress(page: Page): Promise<void> {
  return page.evaluate(() => {
    const seen = window as unknown as { progressSeen: boolean };
    seen.progressSeen = false;
    const look = () => {
      if (document.querySelector('.status-line progress[aria-label="Computing agreement"]')) seen.progressSeen = true;
    };
    new MutationObserver(look).observe(document.body, { childList: true, subtree: true });
  });
}

test('agreement shows its progress in the status line, and Stop or Cancel end it with a note, not an error', async ({ page }) => {
  const view = page.getByRole('region', { name: 'Agreement' });
  const compute = view.getByRole('button', { name: 'Compute', exact: true });
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Agreement', exact: true }).click();
  // The view computes when it opens; the table comes back in the end.
  await expect(view.getByRole('table', { name: 'Agreement by code' })).toBeVisible({ timeout: 60_000 });

  // Computed again, with its progress in the status line meanwhile.
  await watchProgress(page);
  await compute.click();
  await expect(view.getByRole('button', { name: 'Computing…' })).toBeDisabled();
  await expect(view.getByRole('table', { name: 'Agreement by code' })).toBeVisible({ timeout: 60_000 });
  await expect(compute).toBeEnabled();
  expect(await page.evaluate(() => (window as unknown as { progressSeen: boolean }).progressSeen)).toBe(true);
  await expect(page.locator('.status-line progress')).toHaveCount(0);

  // Stop in the view, at once.
  await compute.click();
  await view.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(view.getByText(STOPPED)).toBeVisible({ timeout: 30_000 });
  await expect(compute).toBeEnabled();
  await expect(view.getByRole('table', { name: 'Agreement by code' })).toHaveCount(0);
  await expect(page.getByRole('alert')).not.toContainText(/cancel|could not/i);

  // Cancel in the status line, once the progress bar is there.
  await compute.click();
  const cancel = page.getByRole('button', { name: 'Cancel computing agreement' });
  await expect(cancel).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.status-line progress[aria-label="Computing agreement"]')).toBeVisible();
  await cancel.click();
  await expect(view.getByText(STOPPED)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.status-line progress')).toHaveCount(0);
  await expect(page.getByRole('alert')).not.toContainText(/cancel|could not/i);

  // And the next Compute computes.
  await compute.click();
  await expect(view.getByRole('table', { name: 'Agreement by code' })).toBeVisible({ timeout: 60_000 });
});
