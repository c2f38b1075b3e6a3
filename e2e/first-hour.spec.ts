/**
 * The first hour (issue 13): the rough edges a new researcher meets, each reproduced as the
 * user meets it. Every test names its item of the issue.
 */
import { expect, test } from './fixtures';
import { codeSelectionAs, importThroughChooser, pointOf, readerText, selectWithMouse } from './helpers';

const INTERVIEW = [
  'Interviewer: How did your team learn the new case management system?',
  '',
  'Detective: Honestly, nobody ever trained us on the new system. We learned it by trial and error, and mistakes were made along the way.',
  '',
  'Interviewer: Did that affect how quickly you could share data with partners?',
  '',
  'Detective: Yes. Requests to the council took weeks, sometimes longer, because every request waited in a queue.',
].join('\n');

async function openInterview(page: import('@playwright/test').Page): Promise<void> {
  await importThroughChooser(page, [{ name: 'Interview 1.txt', content: INTERVIEW }]);
  await expect(readerText(page)).toContainText('nobody ever trained us');
}

test('item 9: the coded-passage menu opens on a safe action; Remove comes last, so Enter never deletes a coding', async ({ page, app }) => {
  await openInterview(page);
  await selectWithMouse(page, 'nobody', 'system');
  await codeSelectionAs(page, 'training gaps');

  const at = await pointOf(page, 'trained');
  await page.mouse.click(at.x, at.y, { button: 'right' });
  const menu = page.getByRole('menu', { name: 'Coded passage' });
  const items = menu.getByRole('menuitem');
  await expect(items.first()).toBeFocused();
  await expect(items.first()).toHaveText('Add memo…');
  await expect(items.last()).toHaveText('Remove training gaps');

  // A reflexive Enter opens the memo dialog rather than removing the coding.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Memo on “training gaps”' })).toBeVisible();
  await page.keyboard.press('Escape');
  const file = await app.readProject();
  expect(file.codings.map((c) => c.quote)).toEqual(['nobody ever trained us on the new system']);
});

test('item 14: the memo dialog starts in the memo; an empty title is derived from its first words', async ({ page, app }) => {
  await openInterview(page);
  await selectWithMouse(page, 'nobody', 'system');
  await codeSelectionAs(page, 'training gaps');
  const at = await pointOf(page, 'trained');
  await page.mouse.click(at.x, at.y, { button: 'right' });
  await page.getByRole('menuitem', { name: 'Add memo…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Memo on “training gaps”' });
  await expect(dialog.getByRole('textbox', { name: 'Memo' })).toBeFocused();
  await page.keyboard.type('No training at all.\nAsk the trainer.');
  await dialog.getByRole('button', { name: 'Save memo' }).click();
  await expect(dialog).toBeHidden();

  const file = await app.readProject();
  expect(file.memos.map((m) => ({ title: m.title, text: m.text }))).toEqual([{ title: 'No training at all.', text: 'No training at all.\nAsk the trainer.' }]);
});

test.describe('first run', () => {
  test.use({ coderName: null });

  test('item 13: the name question is not pre-filled with an account name such as "root"', async ({ page }) => {
    const dialog = page.getByRole('dialog', { name: 'What is your name?' });
    await expect(dialog).toBeVisible();
    // This machine's account is "root" with no full name: one Enter must not record it.
    const name = dialog.getByRole('textbox', { name: 'Your name' });
    await expect(name).toHaveValue('');
    await expect(name).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('alert')).toContainText('Type your name');
    await name.fill('Maya Okafor');
    await name.press('Enter');
    await expect(page.getByRole('button', { name: /^Coder: Maya Okafor/ })).toBeVisible();
  });
});

