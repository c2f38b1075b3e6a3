/**
 * Codebook work in the codes pane: search, drag to reorder and to nest, Move up / Move
 * down from the menu, merge two codes (the confirm says the counts; one Undo takes it
 * back), and split a code by moving ticked excerpts to a new code.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { codeRow } from './helpers';
import { codebookProject } from './codebook-project';

test.use({ projectContent: codebookProject() });
// axe runs over the page take seconds each on a busy machine.
test.setTimeout(90_000);

const tree = (page: Page) => page.getByRole('list', { name: 'Code tree' }).getByRole('listitem');

async function codeAction(page: Page, code: string, action: string): Promise<void> {
  await page.getByRole('button', { name: `More actions for ${code}` }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: action }).click();
}

test('search the codes, reorder and nest them by dragging and from the menu', async ({ page, app }) => {
  await expect(tree(page)).toHaveText([/Barriers/, /Delays/, /Confidence/, /Trust/]);

  // Search: a match is shown with its ancestors; Escape clears.
  const search = page.getByRole('searchbox', { name: 'Search codes' });
  await search.fill('del');
  await expect(tree(page)).toHaveText([/Barriers/, /Delays/]);
  await expect(page.locator('.code-search-count')).toHaveText('1 code');
  await page.screenshot({ path: test.info().outputPath('codes-search.png') });
  await search.fill('zzz');
  await expect(page.getByText('No code’s name holds “zzz”.')).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('.codes-pane').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await search.press('Escape');
  await expect(tree(page)).toHaveCount(4);

  // Drag onto the upper edge of a row: before it, among the same siblings.
  const barriers = codeRow(page, 'Barriers');
  const box = (await barriers.boundingBox())!;
  await codeRow(page, 'Trust').dragTo(barriers, { targetPosition: { x: box.width / 2, y: 2 } });
  await expect(tree(page)).toHaveText([/Trust/, /Barriers/, /Delays/, /Confidence/]);

  // Move down from the menu (the keyboard way).
  await codeAction(page, 'Trust', 'Move down');
  await expect(tree(page)).toHaveText([/Barriers/, /Delays/, /Trust/, /Confidence/]);
  await codeAction(page, 'Confidence', 'Move up');
  await expect(tree(page)).toHaveText([/Barriers/, /Delays/, /Confidence/, /Trust/]);

  // Drag onto the middle of a row: under it.
  await codeRow(page, 'Confidence').dragTo(codeRow(page, 'Barriers'));
  await expect(codeRow(page, 'Confidence')).toHaveAttribute('aria-level', '2');
  const saved = await app.readProject();
  expect(saved.codes.find((c) => c.name === 'Confidence')?.parentId).toBe('k-barriers');
  // Put last among Barriers' sub-codes; Trust stays after Barriers at the top level.
  await expect(tree(page)).toHaveText([/Barriers/, /Delays/, /Confidence/, /Trust/]);
  const top = saved.codes.filter((c) => c.parentId === null).sort((a, b) => a.order! - b.order!);
  expect(top.map((c) => c.name)).toEqual(['Barriers', 'Trust']);
});

test('merge two codes after a confirm that counts, undo it in one step, and split a code from the Excerpts view', async ({ page, app }) => {
  await expect(codeRow(page, 'Trust').locator('.count')).toHaveText('2');

  await codeAction(page, 'Trust', 'Merge into…');
  const dialog = page.getByRole('dialog', { name: 'Merge “Trust” into another code' });
  await dialog.getByLabel('Merge into').selectOption({ label: 'Confidence' });
  await expect(dialog).toContainText('1 coding moves from “Trust” to “Confidence”; 1 coding is already coded “Confidence” on the same passage by the same coder and is kept once. Then “Trust” is removed.');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: test.info().outputPath('merge-dialog-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  const axe = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await dialog.getByRole('button', { name: 'Merge codes' }).click();
  await expect(codeRow(page, 'Trust')).toHaveCount(0);
  await expect(codeRow(page, 'Confidence').locator('.count')).toHaveText('2');
  let saved = await app.readProject();
  expect(saved.codings.filter((c) => c.codeId === 'k-conf').map((c) => c.quote).sort()).toEqual(['Nobody trusted the forms', 'never had training']);

  await page.getByRole('button', { name: 'Undo Merge “Trust” into “Confidence”' }).click();
  await expect(codeRow(page, 'Trust').locator('.count')).toHaveText('2');
  await expect(codeRow(page, 'Confidence').locator('.count')).toHaveText('1');
  saved = await app.readProject();
  expect(saved.codings).toHaveLength(4);

  // Split: tick one of Trust's excerpts and move it to a new code.
  await codeRow(page, 'Trust').getByRole('button', { name: 'Trust', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Coded passages' }).getByRole('listitem')).toHaveCount(2);
  await page.getByRole('list', { name: 'Coded passages' }).getByRole('listitem').filter({ hasText: 'never had training' }).getByRole('checkbox', { name: 'Select' }).check();
  const bar = page.getByRole('form', { name: 'Move the selected excerpts' });
  await expect(bar).toContainText('1 excerpt selected');
  await page.screenshot({ path: test.info().outputPath('split-bar.png') });
  await bar.getByLabel('New code’s name').fill('Training gaps');
  await bar.getByRole('button', { name: 'Move excerpts' }).click();
  await expect(codeRow(page, 'Training gaps').locator('.count')).toHaveText('1');
  await expect(codeRow(page, 'Trust').locator('.count')).toHaveText('1');
  saved = await app.readProject();
  const gaps = saved.codes.find((c) => c.name === 'Training gaps')!;
  expect(saved.codings.find((c) => c.id === 'g2')?.codeId).toBe(gaps.id);
});
