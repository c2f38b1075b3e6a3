/**
 * The Search view as a new user meets it, on the sample project, by the mouse: the preview
 * of auto-coding "training" at each scope says the numbers `gloss autocode … --dry-run
 * --json` gives for the same project (match 11 of 11; sentence 11; paragraph and speaker
 * turn 10, one hit sharing its passage with another), a second run says it has nothing to
 * do, every turn of a speaker is previewed with its count, a suggestion is accepted with
 * its button; screenshots of each step for a person to look at.
 */
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({ projectSource: 'sample' });
test.slow();

async function shot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}

async function preview(form: Locator, scope: string, lines: string[]) {
  await form.getByRole('radio', { name: scope }).check();
  await form.getByRole('button', { name: 'Preview auto-code' }).click();
  const region = form.getByRole('region', { name: 'What auto-coding the hits will do' });
  await expect(region.locator('p')).toHaveText(lines);
  return region;
}

test('auto-code previews say the numbers the command line gives, at each scope; speakers and a suggestion by the mouse', async ({ page, app }, testInfo) => {
  await expect(page.getByRole('button', { name: /Interview 1/ }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Search', exact: true }).first().click();
  const view = page.getByRole('region', { name: 'Search', exact: true });
  await view.getByRole('searchbox', { name: 'Search the project' }).fill('training');
  await view.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(view.locator('.search-summary')).toHaveText('11 hits in 3 documents');

  const form = view.getByRole('form', { name: 'Auto-code the hits' });
  await form.getByRole('combobox', { name: 'Code with' }).selectOption({ label: 'New code…' });
  await form.getByRole('textbox', { name: 'New code’s name' }).fill('Training talk');
  await preview(form, 'The match', ['11 codings with “Training talk” in 3 documents, from 11 hits.']);
  await preview(form, 'Its sentence', ['11 codings with “Training talk” in 3 documents, from 11 hits.']);
  await preview(form, 'Its speaker turn', ['10 codings with “Training talk” in 3 documents, from 11 hits.', '1 hit shares a coding with a neighbouring hit (they overlap or touch).']);
  const paragraphs = await preview(form, 'Its paragraph', ['10 codings with “Training talk” in 3 documents, from 11 hits.', '1 hit shares a coding with a neighbouring hit (they overlap or touch).']);
  await shot(page, testInfo, 'search-autocode-preview');
  await paragraphs.getByRole('button', { name: 'Code 10 passages' }).click();
  await expect(form.locator('.autocode-message')).toContainText('with “Training talk” (10 codings)');
  const file = await app.readProject();
  const code = file.codes.find((c) => c.name === 'Training talk')!;
  const made = file.codings.filter((c) => c.codeId === code.id);
  expect(made).toHaveLength(10);
  expect(made.every((c) => /training/i.test(c.quote) && !c.quote.endsWith('\n'))).toBe(true);

  // Once more with that code: every hit is inside a passage it already codes.
  await form.getByRole('combobox', { name: 'Code with' }).selectOption({ label: 'Training talk' });
  const again = await preview(form, 'Its paragraph', ['0 codings with “Training talk” in 0 documents, from 11 hits.', '11 hits lie in passages you have already coded with it: nothing new for them.']);
  await expect(again.getByRole('button', { name: 'Nothing to code' })).toBeDisabled();

  // Every turn of Participant: 27, as the command line counts them.
  await view.getByRole('button', { name: 'Speakers', exact: true }).click();
  await view.getByRole('radio', { name: /Participant/ }).check();
  const turns = view.getByRole('form', { name: 'Code all turns of Participant' });
  await turns.getByRole('combobox', { name: 'Code with' }).selectOption({ label: 'New code…' });
  await turns.getByRole('textbox', { name: 'New code’s name' }).fill('Participant says');
  await turns.getByRole('button', { name: 'Preview auto-code' }).click();
  await expect(turns.getByRole('region', { name: 'What auto-coding the turns of Participant will do' }).locator('p')).toHaveText(['27 codings with “Participant says” in 3 documents, from 27 turns.']);
  await shot(page, testInfo, 'search-speakers');

  // A suggestion accepted with its button.
  await view.getByRole('button', { name: 'More like this', exact: true }).click();
  await view.getByRole('combobox', { name: 'More like' }).selectOption({ label: 'Training gaps' });
  const list = view.getByRole('list', { name: 'Suggestions for Training gaps' });
  // The index is built on first asking (seconds on a busy machine).
  await expect(list.getByRole('listitem').first()).toBeVisible({ timeout: 30_000 });
  const firstText = (await list.locator('.suggestion-text').first().textContent())!;
  await shot(page, testInfo, 'search-suggestions');
  await list.getByRole('button', { name: 'Accept suggestion 1', exact: true }).click();
  await expect(view.locator('.suggest-message')).toHaveText('Coded with “Training gaps”.');
  await expect(list.getByText(firstText, { exact: true })).toHaveCount(0);
  await expect.poll(async () => (await app.readProject()).codings.some((c) => c.origin?.kind === 'suggestion' && c.quote === firstText)).toBe(true);
});
