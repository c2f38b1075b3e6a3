/**
 * Long lists render only the rows around the view (renderer/src/common/VirtualList.tsx)
 * yet stay whole to the keyboard and to assistive technology: Arrow keys, Page Up/Down,
 * Home and End reach every row, rendered or not; each row says where it stands in the
 * list; focus stays on its row when the list is scrolled away from it.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { syntheticProject } from '../scripts/bench/synthetic-project';

const DOCUMENTS = 300;
const CODINGS = 3_000;
function project() {
  const file = syntheticProject({ documents: DOCUMENTS, characters: 300_000, codings: CODINGS, codes: 40, memos: 0, seed: 15 });
  // A variable with a value on every tenth document (by name), for the values table.
  file.variables.push({ id: 'var-site', name: 'Site', type: 'text', description: '' });
  for (const doc of file.documents) if (Number(doc.name.slice(-4)) % 10 === 1) doc.attributes['var-site'] = `Site of ${doc.name}`;
  return file;
}
test.use({ projectContent: project() });

const name = (n: number) => `Interview ${String(n).padStart(4, '0')}`;

/** The focused element's row: its position in the list, as announced. */
async function focusedRow(page: Page): Promise<{ text: string; position: string | null; size: string | null }> {
  return page.evaluate(() => {
    const focused = document.activeElement as HTMLElement | null;
    const row = focused?.closest('li');
    return { text: focused?.textContent ?? '', position: row?.getAttribute('aria-posinset') ?? null, size: row?.getAttribute('aria-setsize') ?? null };
  });
}

async function expectFocusOn(page: Page, list: Locator, n: number) {
  const row = list.locator(`:scope > li[aria-posinset="${n}"]`);
  await expect(row.locator('.row-main')).toBeFocused();
  await expect(row.locator('.row-main')).toBeInViewport();
}

test('the documents list renders a screenful of its 300 rows, and the keyboard reaches every one', async ({ page }) => {
  const list = page.getByRole('list', { name: 'Documents' });
  await expect(list.getByRole('button', { name: name(1), exact: true })).toBeVisible();
  const rendered = await list.locator(':scope > li').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(80);

  await list.getByRole('button', { name: name(1), exact: true }).focus();
  await page.keyboard.press('End');
  await expectFocusOn(page, list, DOCUMENTS);
  expect(await focusedRow(page)).toEqual({ text: name(DOCUMENTS), position: String(DOCUMENTS), size: String(DOCUMENTS) });
  // The first row is no longer rendered: the list really is virtual.
  await expect(list.getByRole('button', { name: name(1), exact: true })).toHaveCount(0);

  await page.keyboard.press('Home');
  await expectFocusOn(page, list, 1);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expectFocusOn(page, list, 3);
  await page.keyboard.press('ArrowUp');
  await expectFocusOn(page, list, 2);
  await page.keyboard.press('PageDown');
  const afterPage = Number((await focusedRow(page)).position);
  expect(afterPage).toBeGreaterThan(5);
  await expectFocusOn(page, list, afterPage);
  await page.keyboard.press('PageUp');
  await expectFocusOn(page, list, 2);

  // Scrolled far away with the wheel, the focused row stays rendered and focused...
  await list.hover();
  for (let i = 0; i < 8; i++) await page.mouse.wheel(0, 2_000);
  await expect(list.locator(':scope > li[aria-posinset="2"] .row-main')).not.toBeInViewport();
  await expect(list.locator(':scope > li[aria-posinset="2"] .row-main')).toBeFocused();
  // ...and the next key goes on from it, scrolling it back into view.
  await page.keyboard.press('ArrowDown');
  await expectFocusOn(page, list, 3);

  // Enter opens the focused document, as a click does.
  await page.keyboard.press('Enter');
  await expect(list.locator(':scope > li[aria-posinset="3"]')).toHaveClass(/current/);
});

test('a modifier or another key leaves focus where it is', async ({ page }) => {
  const list = page.getByRole('list', { name: 'Documents' });
  await list.getByRole('button', { name: name(1), exact: true }).focus();
  await page.keyboard.press('Shift+End');
  await page.keyboard.press('Control+ArrowDown');
  await expectFocusOn(page, list, 1);
});

test('Excerpts of every code: only some of the 3,000 cards are built, and End reaches the last', async ({ page }) => {
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Excerpts', exact: true }).click();
  await page.getByRole('group', { name: 'Codes to show' }).getByRole('button', { name: 'All', exact: true }).click();
  await expect(page.locator('.excerpt-heading')).toHaveText('3,000 excerpts');
  const list = page.getByRole('list', { name: 'Coded passages' });
  const cards = list.locator(':scope > li');
  await expect(cards.first()).toBeVisible();
  expect(await cards.count()).toBeLessThan(40);

  await cards.first().locator('.excerpt-button').focus();
  await page.keyboard.press('End');
  const last = list.locator(`:scope > li[aria-posinset="${CODINGS}"] .excerpt-button`);
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  expect((await focusedRow(page)).size).toBe(String(CODINGS));
  await page.keyboard.press('ArrowUp');
  await expect(list.locator(`:scope > li[aria-posinset="${CODINGS - 1}"] .excerpt-button`)).toBeFocused();

  // Enter opens the focused card's passage in the reader.
  const documentName = await list.locator(`:scope > li[aria-posinset="${CODINGS - 1}"] .excerpt-document`).textContent();
  expect(documentName).toMatch(/^Interview \d{4}$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Reader' }).getByRole('heading', { level: 2 })).toHaveText(documentName!);
});

test('the values table renders a screenful of its 300 rows; the keyboard reaches, edits and leaves the last', async ({ page }) => {
  await page.getByRole('button', { name: 'Cases & Variables', exact: true }).click();
  const grid = page.getByRole('grid', { name: 'Values of documents' });
  await expect(grid).toHaveAttribute('aria-rowcount', String(DOCUMENTS + 1));
  const bodyRows = grid.locator('tbody tr[role="row"]');
  await expect(bodyRows.first()).toBeVisible();
  expect(await bodyRows.count()).toBeLessThan(80);
  const siteOf = (n: number) => grid.getByRole('row', { name: new RegExp(`^${name(n)}`) }).getByRole('gridcell').first();
  await expect(siteOf(1)).toHaveText(`Site of ${name(1)}`);
  await expect(siteOf(2)).toHaveText('');

  // Ctrl+End: the last row is rendered, scrolled to, focused; it says where it stands.
  await siteOf(1).click();
  await page.keyboard.press('Control+End');
  const last = grid.locator(`tr[aria-rowindex="${DOCUMENTS + 1}"]`);
  await expect(last.getByRole('gridcell').first()).toBeFocused();
  await expect(last.getByRole('gridcell').first()).toBeInViewport();
  await expect(last.getByRole('rowheader')).toHaveText(name(DOCUMENTS));
  expect(await bodyRows.count()).toBeLessThan(80);

  // Typed there, saved with Enter; Page Up walks back ten rows at a time.
  await page.keyboard.type('Harbour');
  await page.keyboard.press('Enter');
  await expect(siteOf(DOCUMENTS)).toHaveText('Harbour');
  await page.keyboard.press('PageUp');
  await expect(grid.locator(`tr[aria-rowindex="${DOCUMENTS + 1 - 10}"]`).getByRole('gridcell').first()).toBeFocused();
  await page.keyboard.press('Control+Home');
  await expect(siteOf(1)).toBeFocused();
  await expect(siteOf(1)).toBeInViewport();
  await expect(siteOf(DOCUMENTS)).toHaveCount(0);
});
