/**
 * The keyboard shortcuts come from one table (shared/app/shortcuts.ts) and work the same in
 * the browser host as in the desktop app, where the menu shows them: Ctrl+I imports,
 * Ctrl+Shift+N starts a new code, Ctrl+1/2/3 switch views, Ctrl+F finds from any view, Ctrl+E
 * exports the coded excerpts. A read-only project ignores the ones that would change it.
 */
import { promises as fs } from 'node:fs';
import { expect, test } from './fixtures';
import { chooseFiles, codeSelectionAs, readerText, selectWithMouse } from './helpers';

const TEXT = 'Interviewer: Any training?\n\nOfficer: None at all, we learned on the job.';

test('Ctrl+I, Ctrl+Shift+N, Ctrl+1/2/3, Ctrl+F and Ctrl+E do what the menu says', async ({ page, app }) => {
  // Ctrl+I: the import file chooser, as the Import button opens it.
  await chooseFiles(page, [{ name: 'Officer.txt', content: TEXT }], () => page.keyboard.press('Control+i'));
  await expect(readerText(page)).toContainText('None at all');

  // Ctrl+Shift+N: a new code's name is asked for, with the focus in the field.
  await page.keyboard.press('Control+Shift+N');
  const field = page.getByRole('textbox', { name: 'New code name' });
  await expect(field).toBeFocused();
  await field.fill('learning on the job');
  await field.press('Enter');
  await expect(page.getByRole('list', { name: 'Code tree' }).getByRole('button', { name: 'learning on the job', exact: true })).toBeVisible();

  await selectWithMouse(page, 'we learned', 'job');
  await codeSelectionAs(page, 'learning on the job');

  // Ctrl+2, Ctrl+3, Ctrl+1: the views, in the order of the view switch.
  const viewButton = (name: string) => page.getByRole('group', { name: 'View' }).getByRole('button', { name, exact: true });
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+2');
  await expect(viewButton('Excerpts')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('region', { name: 'Excerpts' })).toBeVisible();
  await page.keyboard.press('Control+3');
  await expect(viewButton('Agreement')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Control+1');
  await expect(viewButton('Reader')).toHaveAttribute('aria-pressed', 'true');
  await expect(readerText(page)).toBeVisible();

  // Ctrl+F from another view: back to the reader, with the find bar open.
  await page.keyboard.press('Control+2');
  await expect(viewButton('Excerpts')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Control+f');
  await expect(viewButton('Reader')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('searchbox', { name: 'Find in document' })).toBeFocused();
  await page.keyboard.press('Escape');

  // Ctrl+E: the coded excerpts as CSV (a download in the browser, the save dialog in the desktop app).
  if (app.kind === 'browser') {
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+e')]);
    expect(download.suggestedFilename()).toMatch(/excerpts\.csv$/);
    const csv = await fs.readFile((await download.path())!, 'utf8');
    expect(csv).toContain('we learned on the job');
  }
});

test.describe('in a read-only project', () => {
  test.use({ projectSource: 'sample', readOnly: true });
  test.skip(({ appKind }) => appKind === 'electron', 'read-only projects are set up for the browser host only (see read-only.spec.ts)');

  test('the shortcuts that would change the project do nothing, the others still work', async ({ page }) => {
    await expect(readerText(page)).toContainText('Nobody taught me');
    let chooserOpened = false;
    page.on('filechooser', () => (chooserOpened = true));
    await page.keyboard.press('Control+i');
    await page.keyboard.press('Control+Shift+N');
    await expect(page.getByRole('textbox', { name: 'New code name' })).toHaveCount(0);
    await page.keyboard.press('Control+2');
    await expect(page.getByRole('region', { name: 'Excerpts' })).toBeVisible();
    expect(chooserOpened).toBe(false);
  });
});
