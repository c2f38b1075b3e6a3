/**
 * Find in document (Ctrl+F): match count, next and previous with Enter and Shift+Enter,
 * match case and whole words, matches drawn through their own highlight, and coding the
 * current match from the find bar.
 */
import { expect, test } from './fixtures';
import { allHighlightedTexts, codeSelectionAs, importThroughChooser, readerText } from './helpers';
import type { Page } from '@playwright/test';

const TEXT = [
  'Interviewer: Did Sam get any training?',
  'Officer: Sam said the training was cancelled. Sam’s team never had training.',
  'Officer: Samuel, his manager, asked for TRAINING twice.',
].join('\n');

const findHighlights = (page: Page, name: string) =>
  page.evaluate((n) => [...(CSS.highlights.get(n) ?? [])].map((r) => (r as Range).toString()), name);

/** Offsets of the current match, read from its highlight's place in the text. */
const currentMatchStart = (page: Page) =>
  page.evaluate(() => {
    const range = [...(CSS.highlights.get('gloss-find-current') ?? [])][0] as Range | undefined;
    if (!range) return -1;
    const before = document.createRange();
    before.setStart(document.querySelector('article.reader-text [data-seg]')!, 0);
    before.setEnd(range.startContainer, range.startOffset);
    // Segments are lines: count the line breaks the DOM range leaves out.
    const lines = [...document.querySelectorAll('article.reader-text [data-seg]')].filter((p) => before.intersectsNode(p)).length - 1;
    return before.toString().length + lines;
  });

test('Ctrl+F finds with counts, steps with Enter and Shift+Enter, respects case and whole words, and codes a match', async ({ page, app }) => {
  await importThroughChooser(page, [{ name: 'Training.txt', content: TEXT }]);
  await expect(readerText(page)).toContainText('Samuel');
  await readerText(page).click();

  await page.keyboard.press('Control+f');
  const bar = page.getByRole('search', { name: 'Find in document' });
  const input = bar.getByRole('searchbox', { name: 'Find in document' });
  const count = bar.locator('.find-count');
  await expect(input).toBeFocused();
  await page.keyboard.type('training');
  await expect(count).toHaveText('1 of 4');
  // The query is typed letter by letter; poll until the highlights follow the last letter.
  await expect.poll(() => findHighlights(page, 'gloss-find')).toEqual(['training', 'training', 'training', 'TRAINING']);
  const starts = [...TEXT.matchAll(/training/gi)].map((m) => m.index);
  await expect.poll(() => currentMatchStart(page)).toBe(starts[0]);

  await input.press('Enter');
  await expect(count).toHaveText('2 of 4');
  await expect.poll(() => currentMatchStart(page)).toBe(starts[1]);
  await input.press('Shift+Enter');
  await input.press('Shift+Enter');
  await expect(count).toHaveText('4 of 4'); // wraps round
  await expect.poll(() => findHighlights(page, 'gloss-find-current')).toEqual(['TRAINING']);
  await bar.getByRole('button', { name: 'Previous match' }).click();
  await expect(count).toHaveText('3 of 4');
  await bar.getByRole('button', { name: 'Next match' }).click();
  await expect(count).toHaveText('4 of 4');

  // Match case: the capitals no longer match.
  await bar.getByRole('button', { name: 'Match case' }).click();
  await expect(bar.getByRole('button', { name: 'Match case' })).toHaveAttribute('aria-pressed', 'true');
  await expect(count).toHaveText(/\d of 3/);

  // Whole words: "Sam" is found in "Sam’s" but not in "Samuel".
  await input.fill('Sam');
  await expect(count).toHaveText(/of 4$/);
  await bar.getByRole('button', { name: 'Whole words' }).click();
  await expect(count).toHaveText(/of 3$/);
  await expect.poll(() => findHighlights(page, 'gloss-find')).toEqual(['Sam', 'Sam', 'Sam']);
  await input.fill('nothing like this');
  await expect(count).toHaveText('No matches');

  // Code this match: the popover opens on the current match and codes exactly it.
  await input.fill('cancelled');
  await expect(count).toHaveText('1 of 1');
  await bar.getByRole('button', { name: 'Code this match' }).click();
  await codeSelectionAs(page, 'cancelled training');
  await expect.poll(() => allHighlightedTexts(page)).toEqual(['cancelled']);
  const file = await app.readProject();
  expect(file.codings.map((c) => [c.start, c.end, c.quote])).toEqual([[TEXT.indexOf('cancelled'), TEXT.indexOf('cancelled') + 9, 'cancelled']]);
  await expect(input).toBeFocused();

  // Escape closes the bar and clears its highlights.
  await input.press('Escape');
  await expect(bar).toBeHidden();
  await expect.poll(() => findHighlights(page, 'gloss-find')).toEqual([]);
});
