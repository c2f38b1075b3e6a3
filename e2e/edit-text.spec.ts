/**
 * Editing a coded document's text: the codings follow their words (kept, moved, edited
 * with a typo fix), a coding whose words were deleted is marked for review, listed under
 * Needs review and fixed in the reader; the edit is one undoable step.
 */
import { expect, test } from './fixtures';
import { allHighlightedTexts, codeSelectionAs, importThroughChooser, readerText, selectWithMouse } from './helpers';

const BEFORE = [
  'Interviewer: How was the training?',
  'Officer: Nobody ever trained us on the sytem.',
  'Interviewer: And the records?',
  'Officer: We learned by trial and error.',
  'Officer: The council took weeks to answer data requests.',
].join('\n');

const AFTER = [
  'Date: 3 May, station B.',
  'Interviewer: How was the training?',
  'Officer: Nobody ever trained us on the system.',
  'Interviewer: And the records?',
  'Officer: The council took weeks to answer data requests.',
].join('\n');

test('after an edit the codings follow their words, and one whose words were deleted is reviewed', async ({ page, app }) => {
  await importThroughChooser(page, [{ name: 'Officer.txt', content: BEFORE }]);
  await expect(readerText(page)).toContainText('trial and error');
  await selectWithMouse(page, 'Nobody', 'sytem');
  await codeSelectionAs(page, 'training gaps');
  await selectWithMouse(page, 'took', 'answer');
  await codeSelectionAs(page, 'delays');
  await selectWithMouse(page, 'We learned', 'error');
  await codeSelectionAs(page, 'learning');

  // Edit the text: a line added on top, a typo fixed inside a coding, a coded sentence deleted.
  await page.getByRole('button', { name: 'Document actions' }).click();
  await page.getByRole('menuitem', { name: 'Edit text…' }).click();
  const editor = page.getByRole('dialog', { name: 'Edit the text of “Officer”' });
  await expect(editor.getByLabel('Document text')).toHaveValue(BEFORE);
  await editor.getByLabel('Document text').fill(AFTER);
  await editor.getByRole('button', { name: 'Save text' }).click();

  const report = page.getByRole('dialog', { name: 'Saved the text of “Officer”' });
  await expect(report.getByRole('list', { name: 'What happened to the codings' }).getByRole('listitem')).toHaveText([
    '1 coding kept its words',
    '1 coding on edited text, kept with the change',
    '1 coding needs review: its words could not be found for sure',
  ]);
  await expect(readerText(page)).toContainText('Date: 3 May');
  await expect.poll(() => allHighlightedTexts(page)).toEqual(expect.arrayContaining(['Nobody ever trained us on the system', 'took weeks to answer']));
  await expect(page.getByRole('button', { name: '1 coding needs review' })).toBeVisible();

  // Review it: listed under Needs review, fixed in the reader by selecting the right words.
  await report.getByRole('button', { name: 'Review them' }).click();
  const list = page.getByRole('list', { name: 'Codings to review' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Coded on: “We learned by trial and error”');
  await list.getByRole('button', { name: 'Fix in text…' }).click();
  const bar = page.getByRole('region', { name: 'Coding to review' });
  await expect(bar).toContainText('This coding of learning needs review');
  await expect(bar.getByRole('button', { name: 'Move it to the selection' })).toBeDisabled();
  await selectWithMouse(page, 'Nobody ever', 'trained us');
  await expect(page.getByRole('combobox', { name: 'Code name' })).toBeHidden(); // reviewing, not coding
  await bar.getByRole('button', { name: 'Move it to the selection' }).click();
  await expect(bar).toBeHidden();
  await expect(page.getByRole('button', { name: /needs? review/ })).toBeHidden();

  const file = await app.readProject();
  const byCode = (name: string) => file.codings.find((c) => c.codeId === file.codes.find((k) => k.name === name)!.id)!;
  const at = (s: string) => ({ start: AFTER.indexOf(s), end: AFTER.indexOf(s) + s.length, quote: s, needsReview: false });
  expect(file.documents[0]!.text).toBe(AFTER);
  expect(byCode('training gaps')).toMatchObject(at('Nobody ever trained us on the system'));
  expect(byCode('delays')).toMatchObject(at('took weeks to answer'));
  expect(byCode('learning')).toMatchObject(at('Nobody ever trained us'));

  // Undo the review, then the edit: the old text and its codings come back.
  await readerText(page).focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('button', { name: '1 coding needs review' })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(readerText(page)).toContainText('trial and error');
  await expect.poll(() => allHighlightedTexts(page)).toEqual(['Nobody ever trained us on the sytem', 'We learned by trial and error', 'took weeks to answer']);
});
