/**
 * A regular expression in the reader's find bar (handed over from the Search view, or
 * turned on there) runs off the window's thread under a time limit: a pattern that
 * backtracks without end, such as `(a+)+$` on a long run of a's, is stopped with a message
 * saying so while the page goes on answering, and an ordinary pattern still finds, counts
 * and steps through its matches; a pattern that does not compile says where.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { importThroughChooser, readerText } from './helpers';

const LINE = `${'a'.repeat(60)}b`;
const TEXT = `${LINE}\nTraining was cut. training again, and Training.\n`;

/** Counts the find bar's matches drawn in the text. */
const drawnMatches = (page: Page) => page.evaluate(() => [...(CSS.highlights.get('gloss-find') ?? [])].map((r) => (r as Range).toString()));

test('a runaway pattern edited in the find bar is stopped with a message, and the page keeps answering', async ({ page }, testInfo) => {
  // The pattern is stopped at the find bar's time limit (seconds), then more finds follow.
  test.setTimeout(90_000);
  await importThroughChooser(page, [{ name: 'Long line.txt', content: TEXT }]);
  await expect(page.getByRole('heading', { name: 'Long line' })).toBeVisible();

  // From the Search view: a regular expression, Enter on its first hit.
  await page.keyboard.press('Control+Shift+F');
  const view = page.getByRole('region', { name: 'Search', exact: true });
  await view.getByRole('button', { name: 'Regular expression' }).click();
  const input = view.getByRole('searchbox', { name: 'Search the project' });
  await input.fill('a{10}');
  await input.press('Enter');
  await expect(view.getByRole('heading', { name: '6 hits in 1 document' })).toBeVisible();
  await view.getByRole('list', { name: 'Search results' }).locator('.search-hit').first().click();

  const bar = page.getByRole('search', { name: 'Find in document' });
  const find = bar.getByRole('searchbox', { name: 'Find in document' });
  await expect(find).toHaveValue('a{10}');
  await expect(bar.getByRole('button', { name: 'Regular expression' })).toHaveAttribute('aria-pressed', 'true');
  await expect(bar.locator('.find-count')).toHaveText('1 of 6');

  // Edited into a pattern that backtracks without end on the 60 a's before the b.
  await find.fill('(a+)+$');
  // The page answers while the pattern runs (a frozen page would not evaluate this).
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
  await expect(bar.getByRole('alert')).toContainText('stopped after', { timeout: 30_000 });
  await expect(bar.getByRole('alert')).toContainText('(a+)+');
  await page.screenshot({ path: testInfo.outputPath('find-bar-stopped.png') });
  await expect(bar.locator('.find-count')).toHaveText('');
  await expect.poll(() => drawnMatches(page)).toEqual([]);

  // A pattern that does not compile says where.
  await find.fill('train(ing');
  await expect(bar.getByRole('alert')).toContainText('at character 6');

  // An ordinary pattern finds again: counts, steps, case.
  await find.fill('train\\w+');
  await expect(bar.getByRole('alert')).toHaveCount(0);
  await expect(bar.locator('.find-count')).toHaveText(/^\d of 3$/);
  await expect.poll(() => drawnMatches(page)).toEqual(['Training', 'training', 'Training']);
  await find.press('Enter');
  await expect(bar.locator('.find-count')).toHaveText(/^\d of 3$/);
  await bar.getByRole('button', { name: 'Match case' }).click();
  await expect(bar.locator('.find-count')).toHaveText('1 of 1');
  await expect.poll(() => drawnMatches(page)).toEqual(['training']);

  // Back to plain text: the same words are a literal again.
  await bar.getByRole('button', { name: 'Regular expression' }).click();
  await expect(bar.getByRole('button', { name: 'Regular expression' })).toHaveAttribute('aria-pressed', 'false');
  await expect(bar.locator('.find-count')).toHaveText('No matches');
  await expect(readerText(page)).toContainText('Training was cut.');
});

test('the find bar turns a regular expression on by itself, and Enter steps through its matches', async ({ page }) => {
  await importThroughChooser(page, [{ name: 'Long line.txt', content: TEXT }]);
  await expect(readerText(page)).toContainText('Training was cut.');
  await readerText(page).click();
  await page.keyboard.press('Control+f');
  const bar = page.getByRole('search', { name: 'Find in document' });
  const find = bar.getByRole('searchbox', { name: 'Find in document' });
  await expect(find).toBeFocused();
  await page.keyboard.type('[Tt]raining\\b');
  await expect(bar.locator('.find-count')).toHaveText('No matches');
  await bar.getByRole('button', { name: 'Regular expression' }).click();
  await expect(bar.getByRole('button', { name: 'Regular expression' })).toHaveAttribute('aria-pressed', 'true');
  await expect(bar.locator('.find-count')).toHaveText('1 of 3');
  await find.press('Enter');
  await expect(bar.locator('.find-count')).toHaveText('2 of 3');
  await find.press('Shift+Enter');
  await find.press('Shift+Enter');
  await expect(bar.locator('.find-count')).toHaveText('3 of 3');
  await expect.poll(() => page.evaluate(() => [...(CSS.highlights.get('gloss-find-current') ?? [])].map((r) => (r as Range).toString()))).toEqual(['Training']);
});
