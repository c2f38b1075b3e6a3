/**
 * The History view and backups: changes are listed with who made them, filtered and
 * exported as CSV; deleting a code makes a backup, which restores the code (keeping a
 * backup of the present first). The trail is fetched on demand, not sent at open.
 */
import { promises as fs } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { codeRow } from './helpers';
import { codebookProject } from './codebook-project';

test.use({ projectContent: codebookProject() });
// axe runs over the page take seconds each on a busy machine.
test.setTimeout(90_000);

async function codeAction(page: Page, code: string, action: string): Promise<void> {
  await page.getByRole('button', { name: `More actions for ${code}` }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: action }).click();
}

const entries = (page: Page) => page.getByRole('list', { name: 'Changes, newest first' }).getByRole('listitem');

test('the History view lists changes with their coder, filters them and exports them', async ({ page }) => {
  await codeAction(page, 'Delays', 'Rename…');
  const rename = page.getByRole('textbox', { name: 'New name for Delays' });
  await rename.fill('Waiting');
  await rename.press('Enter');
  await expect(codeRow(page, 'Waiting')).toHaveCount(1);
  await codeAction(page, 'Trust', 'Move up');

  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'History' }).click();
  await expect(entries(page)).toHaveCount(2);
  await expect(entries(page).first()).toContainText('Ana Researcher');
  await expect(entries(page).first()).toContainText('Reorder code “Trust”');
  await expect(entries(page).nth(1)).toContainText('Rename code “Delays” to “Waiting”');
  await expect(entries(page).nth(1)).toContainText('Barriers > Waiting');

  await page.getByRole('combobox', { name: 'Filter by code', exact: true }).selectOption({ label: '\u00a0\u00a0Waiting' });
  await expect(entries(page)).toHaveCount(1);
  await expect(page.locator('.history-count')).toHaveText('1 change');

  const axe = await new AxeBuilder({ page }).include('.history-view').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await fs.readFile((await (await download).path())!, 'utf8');
  const lines = csv.replace('\ufeff', '').trim().split('\r\n');
  expect(lines[0]).toBe('time,coder,operation,summary,made by,codes,documents,entry id');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(/^\d{4}-\d\d-\d\dT[^,]+,Ana Researcher,renameCode,Rename code “Delays” to “Waiting”,,Barriers > Waiting,,[0-9a-f]{16}$/);
});

test('deleting a code makes a backup that restores it, after backing up the present', async ({ page, app }) => {
  await codeAction(page, 'Trust', 'Delete…');
  await page.getByRole('dialog', { name: 'Delete code “Trust”?' }).getByRole('button', { name: 'Delete code' }).click();
  await expect(codeRow(page, 'Trust')).toHaveCount(0);
  expect((await app.readProject()).codings).toHaveLength(2);

  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'History' }).click();
  await expect(entries(page).first()).toContainText('Delete code “Trust”');
  const backups = page.getByRole('list', { name: 'Backups, newest first' }).getByRole('listitem');
  await expect(backups).toHaveCount(1);
  await expect(backups.first()).toContainText("before Delete code 'Trust'");

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: test.info().outputPath('history-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: test.info().outputPath('history-light.png') });
  const axe = await new AxeBuilder({ page }).include('.history-view').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await backups.first().getByRole('button', { name: "Restore the backup made before Delete code 'Trust'" }).click();
  await page.getByRole('dialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore backup' }).click();
  await expect(backups).toHaveCount(2);
  await expect(backups.first()).toContainText('before Restore the backup from');
  await expect(entries(page).first()).toContainText('Restore the backup from');
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Reader' }).click();
  await expect(codeRow(page, 'Trust').locator('.count')).toHaveText('2');
  const saved = await app.readProject();
  expect(saved.codings).toHaveLength(4);
  expect(saved.audit?.map((e) => e.op)).toEqual(['deleteCode', 'restore']);
  // The backups are in the data folder, whole projects.
  const folders = await fs.readdir(`${app.dataDir}/backups`);
  expect(folders).toHaveLength(1);
});
