/**
 * The core loop of the issue, end to end: import a transcript, select a passage with the
 * mouse, code it "training gaps", see it highlighted and counted, find it in the Excerpts
 * view, export it, undo and redo, reload, and find it in the project file on disk.
 */
import { CODER_NAME, expect, test } from './fixtures';
import { allHighlightedTexts, codeHighlights, codeRow, importThroughChooser, readerText, selectWithMouse } from './helpers';

const TRANSCRIPT = [
  'Interviewer: How did your team learn the new case management system?',
  '',
  'Detective: Honestly, nobody ever trained us on the new system. We learned it by trial and error, and mistakes were made along the way.',
  '',
  'Interviewer: Did that affect how quickly you could share data with partners?',
  '',
  'Detective: Yes. Requests to the council took weeks, sometimes longer.',
].join('\n');

const PASSAGE = 'nobody ever trained us on the new system';
const EXCERPTS_HEADER = 'document,code,code_path,coder,start,end,text,memo,created_at';

test('import, code a passage with the mouse, find it, export it, undo/redo, reload, saved on disk', async ({ page, app }) => {
  // Import a .txt through the Import button's file chooser.
  await importThroughChooser(page, [{ name: 'Interview 1.txt', content: TRANSCRIPT }]);
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: 'Interview 1', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Interview 1' })).toBeVisible();
  await expect(readerText(page)).toContainText('nobody ever trained us');

  // Select the passage with the mouse, type a new code's name in the popover, press Enter.
  await selectWithMouse(page, 'nobody', 'system');
  const codeName = page.getByRole('combobox', { name: 'Code name' });
  await expect(codeName).toBeVisible();
  await page.keyboard.type('training gaps');
  await expect(codeName).toHaveValue('training gaps');
  await expect(page.getByRole('option', { name: 'Create “training gaps”' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(codeName).toBeHidden();

  // The highlight is registered with exactly the passage, and the code is in the tree with 1 coding.
  await expect.poll(() => allHighlightedTexts(page)).toEqual([PASSAGE]);
  const highlightNames = Object.keys(await codeHighlights(page));
  expect(highlightNames).toHaveLength(1);
  await expect(codeRow(page, 'training gaps')).toHaveCount(1);
  await expect(codeRow(page, 'training gaps').locator('.count')).toHaveText('1');
  await expect(page.getByRole('group', { name: 'Coding stripes' }).getByRole('img', { name: 'training gaps' })).toHaveCount(1);

  // The Excerpts view lists the passage for the chosen code, with document and coder.
  await page.getByRole('button', { name: 'Excerpts', exact: true }).click();
  await page.getByRole('checkbox', { name: 'training gaps' }).check();
  const excerpts = page.getByRole('list', { name: 'Coded passages' }).getByRole('listitem');
  await expect(excerpts).toHaveCount(1);
  await expect(excerpts.first().locator('mark')).toHaveText(PASSAGE);
  await expect(excerpts.first()).toContainText('Interview 1');
  await expect(excerpts.first()).toContainText(CODER_NAME);
  await expect(excerpts.first()).toContainText('Detective: Honestly,');

  // Clicking the excerpt jumps back to it in the reader.
  await excerpts.first().getByRole('button').click();
  await expect(page.getByRole('button', { name: 'Reader', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(readerText(page)).toBeVisible();
  await expect.poll(() => page.evaluate(() => [...(CSS.highlights.get('gloss-flash') ?? [])].map((r) => r.toString()))).toEqual([PASSAGE]);

  // The excerpts CSV has the exact header and the passage's row.
  const csv = await app.exportText('excerpts-csv');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).split('\r\n');
  expect(lines[0]).toBe(EXCERPTS_HEADER);
  const start = TRANSCRIPT.indexOf(PASSAGE);
  const end = start + PASSAGE.length;
  expect(lines[1]).toMatch(new RegExp(`^Interview 1,training gaps,training gaps,${CODER_NAME},${start},${end},${PASSAGE},,\\d{4}-\\d\\d-\\d\\dT`));
  expect(lines.filter(Boolean)).toHaveLength(2);

  // Ctrl+Z undoes the coding (and the code it created); Ctrl+Shift+Z brings both back.
  await readerText(page).focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => allHighlightedTexts(page)).toEqual([]);
  await expect(codeRow(page, 'training gaps')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Redo Apply code “training gaps”/ })).toBeEnabled();
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => allHighlightedTexts(page)).toEqual([PASSAGE]);
  await expect(codeRow(page, 'training gaps').locator('.count')).toHaveText('1');

  // After a reload everything is still there.
  await expect(page.getByRole('status')).toContainText('Saved');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Interview 1' })).toBeVisible();
  await expect.poll(() => allHighlightedTexts(page)).toEqual([PASSAGE]);
  await expect(codeRow(page, 'training gaps').locator('.count')).toHaveText('1');

  // And the project file on disk holds the coding with its offsets and quote.
  const file = await app.readProject();
  expect(file.documents.map((d) => d.name)).toEqual(['Interview 1']);
  expect(file.codes.map((c) => c.name)).toEqual(['training gaps']);
  expect(file.codings).toHaveLength(1);
  const coding = file.codings[0]!;
  expect({ start: coding.start, end: coding.end, quote: coding.quote }).toEqual({ start, end, quote: PASSAGE });
  expect(coding.codeId).toBe(file.codes[0]!.id);
  expect(file.coders.find((c) => c.id === coding.coderId)?.name).toBe(CODER_NAME);
});
