/**
 * An analysis view on a project big enough to take a while: the host counts in its task
 * worker, the view shows how far it has got with Stop, Stop ends the count with a plain
 * note (no error), and Count again brings the figures. The page keeps answering meanwhile.
 */
import { expect, test } from './fixtures';
import { syntheticProject } from '../scripts/bench/synthetic-project';

test.use({ projectContent: syntheticProject({ documents: 80, characters: 300_000, codings: 8_000, codes: 40, memos: 0, seed: 9 }) });
// Stop must reach a count that is still running: on a quiet machine these 8,000 codings are
// counted before a click lands, so the host's task worker waits 40 ms after each document
// it counts (about 3 s per view) while this file's tests run. The host runs in this
// process and reads the variable for every task it starts.
test.beforeEach(() => {
  process.env.GLOSS_TEST_TASK_STEP_DELAY_MS = '40';
});
test.afterEach(() => {
  delete process.env.GLOSS_TEST_TASK_STEP_DELAY_MS;
});
test.slow();

const STOPPED = 'Counting was stopped before it finished.';

test('co-occurrence shows its progress with Stop; Stop says it stopped, and Count again brings the figures', async ({ page }) => {
  const panel = page.getByRole('tabpanel', { name: 'Co-occurrence' });
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Analysis' }).click();
  await page.getByRole('tab', { name: 'Co-occurrence' }).click();

  // Counting, with its progress in the view once the worker reports, and Stop.
  const stop = panel.getByRole('button', { name: 'Stop', exact: true });
  await expect(stop).toBeVisible({ timeout: 30_000 });
  await expect(panel.locator('progress[aria-label="Counting co-occurrence"]')).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByText(/Counting co-occurrence: \d+ of 80 documents/)).toBeVisible();
  // The page answers while the host counts: another tab opens at once.
  await stop.click();
  await expect(panel.getByText(STOPPED)).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByRole('table')).toHaveCount(0);
  await expect(page.getByRole('alert')).not.toContainText(/cancel|could not/i);
  await expect(page.locator('.status-line progress')).toHaveCount(0);

  // Count again: the figures come.
  await panel.getByRole('button', { name: 'Count again' }).click();
  const table = panel.getByRole('table', { name: /Code co-occurrence/ });
  await expect(table).toBeVisible({ timeout: 60_000 });
  await expect(table.locator('tbody tr[data-index]').first()).toBeVisible();
  await expect(panel.getByText(STOPPED)).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('cooccurrence-after.png') });
});

test('a newer request replaces the one under way: the matrix counts what was asked last', async ({ page }) => {
  const panel = page.getByRole('tabpanel', { name: 'Matrix' });
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Analysis' }).click();
  await page.getByRole('tab', { name: 'Matrix' }).click();
  await expect(panel.getByRole('button', { name: 'Stop', exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(panel.locator('progress[aria-label="Counting the matrix"]')).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: test.info().outputPath('matrix-counting.png') });
  // Asked again with sub-codes while the first count runs: the first is cancelled, with no note or error.
  await panel.getByRole('checkbox', { name: 'Include sub-codes' }).check();
  const table = panel.getByRole('table', { name: /Codes × documents/ });
  await expect(table).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByText(STOPPED)).toHaveCount(0);
  await expect(page.getByRole('alert')).not.toContainText(/cancel|could not/i);
});
