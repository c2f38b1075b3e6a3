/**
 * The offset ↔ DOM mapping (renderer/src/reader/text-range.ts) in a real browser: selections
 * across paragraphs and over emoji (surrogate pairs) become exactly the right offsets, and
 * stored offsets draw exactly the right ranges. Also: coding with the keyboard alone.
 */
import { expect, test } from './fixtures';
import { allHighlightedTexts, codeSelectionAs, importThroughChooser, readerText, selectWithMouse } from './helpers';

const TEXT = ['Officer: I felt 😀 relieved, honestly.', '', 'Then the 👩‍👩‍👧 family came in 🎉 and we talked.', 'Last line.'].join('\n');

test('a selection across paragraphs and emoji is stored with exact UTF-16 offsets and drawn back exactly', async ({ page, app }) => {
  await importThroughChooser(page, [{ name: 'emoji.txt', content: TEXT }]);
  await expect(readerText(page)).toContainText('relieved');

  // From "😀" (a surrogate pair) in the first paragraph to "🎉" in the third.
  await selectWithMouse(page, '😀', '🎉');
  await codeSelectionAs(page, 'feelings');
  const start = TEXT.indexOf('😀');
  const end = TEXT.indexOf('🎉') + '🎉'.length;

  // The highlight covers exactly that text (a DOM range's text has no line breaks between paragraphs).
  await expect.poll(() => allHighlightedTexts(page)).toEqual([TEXT.slice(start, end).replace(/\n/g, '')]);

  // A passage inside the family emoji (a ZWJ sequence of surrogate pairs), up to a word.
  await selectWithMouse(page, 'family', 'came');
  await codeSelectionAs(page, 'family');

  const file = await app.readProject();
  const byCode = (name: string) => file.codings.find((c) => c.codeId === file.codes.find((k) => k.name === name)!.id)!;
  expect(byCode('feelings')).toMatchObject({ start, end, quote: TEXT.slice(start, end) });
  const family = TEXT.indexOf('family came');
  expect(byCode('family')).toMatchObject({ start: family, end: family + 'family came'.length, quote: 'family came' });

  // Reloaded from the stored offsets, both are drawn exactly where they were.
  await page.reload();
  await expect.poll(() => allHighlightedTexts(page)).toEqual([TEXT.slice(start, end).replace(/\n/g, ''), 'family came'].sort());
});

test('a passage can be selected and coded with the keyboard alone', async ({ page, app }) => {
  await importThroughChooser(page, [{ name: 'keys.txt', content: 'Training was never offered to us.\nSecond line.' }]);
  await expect(readerText(page)).toContainText('Training was never offered');

  // Focus the text with Tab (no mouse), then Shift+Ctrl+Right selects word by word from the top.
  await page.locator('body').focus();
  for (let i = 0; i < 30 && !(await readerText(page).evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(readerText(page)).toBeFocused();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+Control+ArrowRight');
  const codeName = page.getByRole('combobox', { name: 'Code name' });
  await expect(codeName).toBeVisible();

  // Typing goes straight into the popover; Enter creates and applies the code.
  await page.keyboard.type('training gaps');
  await page.keyboard.press('Enter');
  await expect(codeName).toBeHidden();
  await expect.poll(() => allHighlightedTexts(page)).toEqual(['Training was never offered']);
  await expect(readerText(page)).toBeFocused();

  const file = await app.readProject();
  expect(file.codings.map((c) => c.quote)).toEqual(['Training was never offered']);

  // Shift+F10 in coded text opens the right-click menu, keyboard first: remove the code
  // (the last item, so that Enter alone never removes).
  await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Coded passage' });
  await expect(menu.getByRole('menuitem', { name: 'Add memo…' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Remove training gaps' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => allHighlightedTexts(page)).toEqual([]);
});
