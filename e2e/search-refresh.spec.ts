/**
 * The Search view's results follow the project: coding a hit (from the view, or in the
 * reader) drops it from an "uncoded text only" search, editing a document's text adds its
 * new hits, deleting a document takes its hits away; the view searches again by itself, on
 * the sample project, and the counts are the ones a new search gives.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { codeSelectionAs } from './helpers';

test.use({ projectSource: 'sample' });
// Several searches, an auto-code, an edit and a delete on a busy two-core machine.
test.slow();

/** The number in the results' heading ("7 hits in 3 documents"). */
async function hitCount(view: Locator): Promise<number> {
  const heading = view.getByRole('heading', { name: /^\d+ hits? in \d+ documents?$/ });
  await expect(heading).toBeVisible();
  return Number((await heading.textContent())!.split(' ')[0]);
}

/** Waits for the heading to say `hits` hits (the view searches again a moment after a change). */
async function expectHits(view: Locator, hits: number) {
  await expect(view.locator('.search-summary')).toHaveText(new RegExp(`^${hits} hits? in \\d+ documents?$`));
}

function summary(view: Locator, hits: number, documents: number) {
  return view.getByRole('heading', { name: `${hits} ${hits === 1 ? 'hit' : 'hits'} in ${documents} ${documents === 1 ? 'document' : 'documents'}`, exact: true });
}

function docRow(view: Locator, name: string) {
  return view.getByRole('list', { name: 'Search results' }).getByRole('button', { name: new RegExp(`^${name}\\s*\\d+ hits?$`) });
}

async function backToSearch(page: Page) {
  await page.keyboard.press('Control+Shift+F');
  const view = page.getByRole('region', { name: 'Search', exact: true });
  await expect(view).toBeVisible();
  return view;
}

test('results refresh after a hit is coded, a text is edited and a document deleted', async ({ page }) => {
  await expect(page.getByRole('button', { name: /Interview 1/ }).first()).toBeVisible();
  const view = await backToSearch(page);
  await view.getByText('Where to search').click();
  await view.getByRole('checkbox', { name: 'Uncoded text only' }).check();
  await expect(view.getByText('Where to search (1 filter)')).toBeVisible();
  const input = view.getByRole('searchbox', { name: 'Search the project' });
  await input.fill('training');
  await input.press('Enter');
  const uncoded = await hitCount(view);
  // The sample codes some of its 11 "training"s already.
  expect(uncoded).toBeLessThan(11);
  expect(uncoded).toBeGreaterThan(3);

  // Code one hit from the view (Space selects it, auto-code the selected): it leaves the results.
  const hits = view.getByRole('list', { name: 'Search results' }).locator('.search-hit');
  const firstWords = await hits.first().textContent();
  await hits.first().focus();
  await page.keyboard.press('Space');
  await view.getByRole('radio', { name: 'Selected (1 hit)' }).check();
  const form = view.getByRole('form', { name: 'Auto-code the hits' });
  await form.getByRole('combobox', { name: 'Code with' }).selectOption({ label: 'New code…' });
  await form.getByRole('textbox', { name: 'New code’s name' }).fill('Refresh check');
  await form.getByRole('button', { name: 'Preview auto-code' }).click();
  await form.getByRole('region', { name: 'What auto-coding the selected hits will do' }).getByRole('button', { name: 'Code 1 passage' }).click();
  await expect(form.locator('.autocode-message')).toContainText('with “Refresh check”');
  await expectHits(view, uncoded - 1);
  await expect(hits.first()).not.toHaveText(firstWords!);
  // The coded hit's selection went with it.
  await expect(view.getByRole('radio', { name: 'Selected (0 hits)' })).toBeDisabled();

  // Code one in the reader (Enter on a hit, "Code this match" in the find bar), then come back.
  await hits.first().focus();
  await page.keyboard.press('Enter');
  const bar = page.getByRole('search', { name: 'Find in document' });
  await expect(bar.getByRole('searchbox', { name: 'Find in document' })).toHaveValue('training');
  const docName = (await page.locator('.reader-header h2').textContent())!.trim();
  await bar.getByRole('button', { name: 'Code this match' }).click();
  await codeSelectionAs(page, 'Refresh check');
  await backToSearch(page);
  await expectHits(view, uncoded - 2);

  // Edit that document's text: two more "training"s at its end, found on coming back.
  const before = await hitCount(view);
  const docCountBefore = Number(((await docRow(view, docName).textContent()) ?? '').match(/(\d+) hits?$/)![1]);
  await docRow(view, docName).click();
  await page.getByRole('button', { name: 'Document actions' }).click();
  await page.getByRole('menuitem', { name: 'Edit text…' }).click();
  const editor = page.getByRole('dialog', { name: `Edit the text of “${docName}”` });
  const text = editor.getByLabel('Document text');
  await text.fill(`${await text.inputValue()}\nParticipant: More training, and better training.\n`);
  await editor.getByRole('button', { name: 'Save text' }).click();
  await page.getByRole('dialog', { name: `Saved the text of “${docName}”` }).getByRole('button', { name: 'Close' }).click();
  await backToSearch(page);
  await expect(summary(view, before + 2, 3)).toBeVisible();
  await expect(docRow(view, docName)).toContainText(`${docCountBefore + 2} hits`);
  // The new hits are listed with their words, at their offsets: the last of the document's rows.
  await expect(view.getByRole('list', { name: 'Search results' }).getByText('More training, and better', { exact: false }).first()).toBeVisible();

  // Delete that document: its hits go.
  await page.keyboard.press('Control+1');
  await page.getByRole('button', { name: `More actions for ${docName}` }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: 'Delete…' }).click();
  await page.getByRole('dialog', { name: `Delete “${docName}”?` }).getByRole('button', { name: 'Delete document' }).click();
  await backToSearch(page);
  await expect(summary(view, before + 2 - (docCountBefore + 2), 2)).toBeVisible();
  await expect(docRow(view, docName)).toHaveCount(0);

  // And the refreshed numbers are what a new search says.
  const refreshed = await hitCount(view);
  await input.press('Enter');
  await expect(summary(view, refreshed, 2)).toBeVisible();
});
