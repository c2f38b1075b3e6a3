/**
 * The Search view's document-set and variable-value filters, on the sample project: a set
 * and a variable's values made through Cases & Variables, then "training" (5 hits in
 * Interview 1, 4 in Interview 2, 2 in Interview 3) searched in each, the counts exactly
 * those of the documents the filter keeps; changing a filter searches again, filters
 * combine, and Clear filters gives the whole project back.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({ projectSource: 'sample' });
test.slow();

const I1 = 'Interview 1 - Detective sergeant';
const I2 = 'Interview 2 - Safeguarding manager';
const I3 = 'Interview 3 - Victim support caseworker';

const cell = (page: Page, row: string, column: number) => page.getByRole('row', { name: new RegExp(`^${row}`) }).getByRole('gridcell').nth(column);

function summary(view: Locator, text: string) {
  return expect(view.locator('.search-summary')).toHaveText(text);
}

function documentCounts(view: Locator) {
  return view.getByRole('list', { name: 'Search results' }).locator('.search-doc');
}

test('search inside a document set and inside values of a variable: the counts are those of the documents kept', async ({ page }) => {
  await expect(page.getByRole('button', { name: /Interview 1/ }).first()).toBeVisible();

  // A set of two interviews, and a variable with a value per interview, made as a researcher would.
  await page.getByRole('button', { name: 'Cases & Variables', exact: true }).click();
  await page.getByRole('textbox', { name: 'New set name' }).fill('Police and support');
  await page.getByRole('button', { name: 'Create set' }).click();
  const set = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Police and support' }) });
  for (const name of [I1, I3]) {
    await set.getByRole('combobox', { name: 'Add to Police and support' }).selectOption({ label: name });
    await set.getByRole('button', { name: 'Add' }).click();
  }
  await expect(set.getByRole('list', { name: 'Members of Police and support' }).getByRole('listitem')).toHaveCount(2);

  await page.getByRole('button', { name: 'New variable…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New variable' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Sector');
  await dialog.getByRole('button', { name: 'Create variable' }).click();
  const grid = page.getByRole('grid', { name: 'Values of documents' });
  await expect(grid.getByRole('columnheader', { name: /Sector/ })).toBeVisible();
  for (const [row, value] of [
    ['Interview 1', 'Police'],
    ['Interview 2', 'Social care'],
    ['Interview 3', 'Social care'],
  ] as const) {
    await cell(page, row, 0).click();
    await page.keyboard.press('Enter');
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
    await expect(cell(page, row, 0)).toHaveText(value);
  }

  // The whole project first.
  await page.keyboard.press('Control+Shift+F');
  const view = page.getByRole('region', { name: 'Search', exact: true });
  const input = view.getByRole('searchbox', { name: 'Search the project' });
  await input.fill('training');
  await input.press('Enter');
  await summary(view, '11 hits in 3 documents');

  // The set: Interviews 1 and 3 only (5 + 2); the filter searches again by itself.
  await view.getByText('Where to search').click();
  await view.getByRole('listbox', { name: 'Document sets' }).selectOption({ label: 'Police and support' });
  await expect(view.getByText('Where to search (1 filter)')).toBeVisible();
  await summary(view, '7 hits in 2 documents');
  await expect(documentCounts(view)).toHaveText([`${I1}5 hits`, `${I3}2 hits`]);

  // Back to every document, then a variable's value: Social care is Interviews 2 and 3 (4 + 2).
  await view.getByRole('listbox', { name: 'Document sets' }).selectOption([]);
  await summary(view, '11 hits in 3 documents');
  await view.getByRole('combobox', { name: 'Variable' }).selectOption({ label: 'Sector' });
  // A variable without values chosen does not narrow yet.
  await summary(view, '11 hits in 3 documents');
  const values = view.getByRole('listbox', { name: 'Values' });
  await expect(values.getByRole('option')).toHaveText(['Police', 'Social care']);
  await values.selectOption({ label: 'Social care' });
  await summary(view, '6 hits in 2 documents');
  await expect(documentCounts(view)).toHaveText([`${I2}4 hits`, `${I3}2 hits`]);
  await values.selectOption({ label: 'Police' });
  await summary(view, '5 hits in 1 document');
  await expect(documentCounts(view)).toHaveText([`${I1}5 hits`]);
  await values.selectOption([{ label: 'Police' }, { label: 'Social care' }]);
  await summary(view, '11 hits in 3 documents');

  // Both filters: the set (1 and 3) and Social care (2 and 3) keep Interview 3 alone.
  await values.selectOption({ label: 'Social care' });
  await view.getByRole('listbox', { name: 'Document sets' }).selectOption({ label: 'Police and support' });
  await expect(view.getByText('Where to search (2 filters)')).toBeVisible();
  await summary(view, '2 hits in 1 document');
  await expect(documentCounts(view)).toHaveText([`${I3}2 hits`]);

  // Police (Interview 1) inside the set: Interview 1 alone.
  await values.selectOption({ label: 'Police' });
  await summary(view, '5 hits in 1 document');
  await expect(documentCounts(view)).toHaveText([`${I1}5 hits`]);

  // Clear filters: the whole project again.
  await view.getByRole('button', { name: 'Clear filters' }).click();
  await expect(view.getByText('Where to search: the whole project')).toBeVisible();
  await summary(view, '11 hits in 3 documents');
});
