/**
 * Coding from the Search view, on the sample project: auto-code the hits of a search at
 * each scope (match, sentence, paragraph, speaker turn) after a preview, all hits or the
 * selected ones (Space or the checkbox), as one step that Ctrl+Z takes back; a speaker's
 * turns; and "more like this" suggestions accepted (A) and dismissed (D).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type GlossApp } from './fixtures';
import type { Coding } from '../shared/model/schema';

test.use({ projectSource: 'sample' });
// Many saves and previews on a busy two-core machine.
test.slow();

const SAMPLE_CODINGS = 12;

async function openSearch(page: Page, text: string) {
  await expect(page.getByRole('button', { name: /Interview 1/ }).first()).toBeVisible();
  await page.keyboard.press('Control+Shift+F');
  const view = page.getByRole('region', { name: 'Search', exact: true });
  const input = view.getByRole('searchbox', { name: 'Search the project' });
  await input.fill(text);
  await input.press('Enter');
  await expect(view.getByRole('heading', { name: /hits? in \d+ documents?/ })).toBeVisible();
  return view;
}

/** axe over the Search view as it is now: no violations at all. */
async function expectNoAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).include('.search-view').analyze();
  expect(axe.passes.length).toBeGreaterThan(5);
  expect(axe.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The codings made by auto-code (or a suggestion), as quotes, once the project is saved. */
async function madeCodings(app: GlossApp, codeName: string): Promise<Coding[]> {
  const file = await app.readProject();
  const code = file.codes.find((c) => c.name === codeName);
  return code ? file.codings.filter((c) => c.codeId === code.id) : [];
}

test('auto-code the hits at each scope, after a preview, as one step Ctrl+Z takes back', async ({ page, app }) => {
  const view = await openSearch(page, 'training');
  const form = view.getByRole('form', { name: 'Auto-code the hits' });
  const code = form.getByRole('combobox', { name: 'Code with' });

  // The match itself, with a new code.
  await code.selectOption({ label: 'New code…' });
  await form.getByRole('textbox', { name: 'New code’s name' }).fill('Training word');
  await form.getByRole('radio', { name: 'The match' }).check();
  await form.getByRole('button', { name: 'Preview auto-code' }).click();
  const preview = form.getByRole('region', { name: 'What auto-coding the hits will do' });
  await expect(preview).toContainText('11 codings with “Training word” in 3 documents, from 11 hits.');
  await expectNoAxeViolations(page);
  await preview.getByRole('button', { name: 'Code 11 passages' }).click();
  await expect(form.locator('.autocode-message')).toContainText('Auto-code “training” with “Training word” (11 codings). Undo (Ctrl+Z)');
  const matches = await madeCodings(app, 'Training word');
  expect(matches.map((c) => c.quote)).toEqual(Array(11).fill('training'));
  expect(matches.every((c) => c.origin?.kind === 'autocode')).toBe(true);

  // Once more: nothing new, and it says why.
  await code.selectOption({ label: 'Training word' });
  await form.getByRole('button', { name: 'Preview auto-code' }).click();
  await expect(preview).toContainText('11 hits lie in passages you have already coded with it');
  await expect(preview.getByRole('button', { name: 'Nothing to code' })).toBeDisabled();
  await preview.getByRole('button', { name: 'Cancel' }).click();

  // Ctrl+Z takes the whole auto-code back, the new code with it.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await app.readProject()).codings.length).toBe(SAMPLE_CODINGS);
  expect((await app.readProject()).codes.some((c) => c.name === 'Training word')).toBe(false);

  // Sentences, for three selected hits: two by Space, one by the mouse.
  const hits = view.getByRole('list', { name: 'Search results' }).locator('.search-hit');
  await hits.nth(0).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await view.getByRole('checkbox', { name: 'Select hit 4 in Interview 1 - Detective sergeant' }).click();
  await view.getByRole('radio', { name: 'Selected (3 hits)' }).check();
  await code.selectOption({ label: 'New code…' });
  await form.getByRole('textbox', { name: 'New code’s name' }).fill('Training sentences');
  await form.getByRole('radio', { name: 'Its sentence' }).check();
  await form.getByRole('button', { name: 'Preview auto-code' }).click();
  const selectedPreview = form.getByRole('region', { name: 'What auto-coding the selected hits will do' });
  await expect(selectedPreview).toContainText('from 3 hits');
  await selectedPreview.getByRole('button', { name: /^Code \d passages?$/ }).click();
  await expect(form.locator('.autocode-message')).toContainText('with “Training sentences”');
  const sentences = await madeCodings(app, 'Training sentences');
  expect(sentences.length).toBeGreaterThanOrEqual(2);
  for (const c of sentences) {
    expect(c.quote).toMatch(/training/i);
    expect(c.quote).toMatch(/[.?!]$/);
    expect(c.quote).not.toMatch(/^(Participant|Interviewer):/);
  }

  // Paragraphs and speaker turns, for all hits.
  await view.getByRole('radio', { name: /^All 11 hits$/ }).check();
  for (const [scope, name] of [
    ['Its paragraph', 'Training paragraphs'],
    ['Its speaker turn', 'Training turns'],
  ] as const) {
    await code.selectOption({ label: 'New code…' });
    await form.getByRole('textbox', { name: 'New code’s name' }).fill(name);
    await form.getByRole('radio', { name: scope }).check();
    await form.getByRole('button', { name: 'Preview auto-code' }).click();
    await expect(preview).toContainText(`with “${name}” in 3 documents, from 11 hits.`);
    await preview.getByRole('button', { name: /^Code \d+ passages?$/ }).click();
    await expect(form.locator('.autocode-message')).toContainText(`with “${name}”`);
    const made = await madeCodings(app, name);
    expect(made.length).toBeGreaterThan(0);
    expect(made.length).toBeLessThanOrEqual(11);
    for (const c of made) {
      expect(c.quote).toMatch(/training/i);
      expect(c.quote).not.toContain('\n');
      if (scope === 'Its speaker turn') expect(c.quote).not.toMatch(/^(Participant|Interviewer):/);
    }
  }
});

test('code all turns of a speaker that hold the search, as one step', async ({ page, app }) => {
  const view = await openSearch(page, 'training');
  await view.getByRole('button', { name: 'Speakers', exact: true }).click();
  await expect(view.getByRole('radio', { name: /Participant/ })).toBeVisible();
  await expect(view.getByText(/turns, 3 documents/).first()).toBeVisible();
  await view.getByRole('radio', { name: /Participant/ }).check();
  await view.getByRole('checkbox', { name: 'Only turns holding “training”' }).check();
  const form = view.getByRole('form', { name: 'Code all turns of Participant' });
  await form.getByRole('combobox', { name: 'Code with' }).selectOption({ label: 'New code…' });
  await form.getByRole('textbox', { name: 'New code’s name' }).fill('Participant on training');
  await form.getByRole('button', { name: 'Preview auto-code' }).click();
  const preview = form.getByRole('region', { name: 'What auto-coding the turns of Participant will do' });
  await expect(preview).toContainText('with “Participant on training” in 3 documents');
  await expectNoAxeViolations(page);
  await preview.getByRole('button', { name: /^Code \d+ passages?$/ }).click();
  await expect(form.locator('.autocode-message')).toContainText('with “Participant on training”');
  const made = await madeCodings(app, 'Participant on training');
  expect(made.length).toBeGreaterThan(0);
  for (const c of made) {
    expect(c.quote).toMatch(/training/i);
    expect(c.quote).not.toMatch(/^Participant/);
    expect(c.origin).toMatchObject({ kind: 'autocode', scope: 'speaker', speaker: 'Participant' });
  }

  // Every turn of the Interviewer, by the mouse, without the search.
  await view.getByRole('radio', { name: /Interviewer/ }).check();
  await view.getByRole('checkbox', { name: 'Only turns holding “training”' }).uncheck();
  const all = view.getByRole('form', { name: 'Code all turns of Interviewer' });
  await all.getByRole('combobox', { name: 'Code with' }).selectOption({ label: 'New code…' });
  await all.getByRole('textbox', { name: 'New code’s name' }).fill('Questions');
  await all.getByRole('button', { name: 'Preview auto-code' }).click();
  await all.getByRole('button', { name: /^Code \d+ passages$/ }).click();
  await expect(all.locator('.autocode-message')).toContainText('Auto-code turns of Interviewer with “Questions”');
  expect((await madeCodings(app, 'Questions')).length).toBeGreaterThan(5);
});

test('more like this: recall shown, A accepts a suggestion (codes it), D dismisses one (not suggested again)', async ({ page, app }) => {
  const view = await openSearch(page, 'training');
  await view.getByRole('button', { name: 'More like this', exact: true }).click();
  await view.getByRole('combobox', { name: 'More like' }).selectOption({ label: 'Training gaps' });
  const list = view.getByRole('list', { name: 'Suggestions for Training gaps' });
  await expect(list.getByRole('listitem').first()).toBeVisible();
  await expect(view.getByText(/^Recall in the top 20: the suggestions would have found \d+ of 3 hand-coded passages/)).toBeVisible();
  await expect(list.locator('mark').first()).toBeVisible();
  await expect(list.getByRole('listitem').first()).toContainText(/score \d+\.\d\d · shares /);
  const count = await list.getByRole('listitem').count();
  await expectNoAxeViolations(page);

  const first = list.locator('.suggestion-main').first();
  const firstText = (await first.locator('.suggestion-text').textContent())!;
  await first.focus();
  await page.keyboard.press('a');
  await expect(view.locator('.suggest-message')).toHaveText('Coded with “Training gaps”.');
  await expect.poll(async () => (await madeCodings(app, 'Training gaps')).length).toBe(4);
  const accepted = (await madeCodings(app, 'Training gaps')).find((c) => c.origin?.kind === 'suggestion');
  expect(accepted?.quote).toBe(firstText);

  // Focus moved to the next one: D dismisses it.
  const secondText = (await list.locator('.suggestion-main').first().locator('.suggestion-text').textContent())!;
  await expect(list.locator('.suggestion-main').first()).toBeFocused();
  await page.keyboard.press('d');
  await expect(view.locator('.suggest-message')).toHaveText('Dismissed: it will not be suggested again for this code.');
  await expect(list.getByRole('listitem')).toHaveCount(count - 2);
  const file = await app.readProject();
  expect(file.codes.find((c) => c.name === 'Training gaps')?.dismissed?.map((d) => d.quote)).toEqual([secondText]);

  // Asked again, neither comes back; Dismiss by the mouse too.
  await view.getByRole('combobox', { name: 'Passages' }).selectOption('paragraph');
  await view.getByRole('combobox', { name: 'Passages' }).selectOption('sentence');
  await expect(list.getByRole('listitem').first()).toBeVisible();
  await expect(list.getByText(firstText, { exact: true })).toHaveCount(0);
  await expect(list.getByText(secondText, { exact: true })).toHaveCount(0);
  await list.getByRole('button', { name: 'Dismiss suggestion 1', exact: true }).click();
  await expect(view.locator('.suggest-message')).toHaveText('Dismissed: it will not be suggested again for this code.');
});
