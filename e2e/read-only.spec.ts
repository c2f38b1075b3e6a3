/** A project opened read-only says so, and offers no way to change it. */
import { expect, test } from './fixtures';
import { codeRow, readerText, selectWithMouse } from './helpers';

test.use({ projectSource: 'sample', readOnly: true });

// Decided from the option, before the app fixture runs: that fixture refuses readOnly for Electron.
test.skip(
  ({ appKind }) => appKind === 'electron',
  'launchElectronApp (e2e/electron-app.ts) has no read-only mode: the desktop app opens a project read-only only when another Gloss holds its lock, ' +
    'which electron/main-process.test.ts covers ("opens a project named on the command line, read-only when another Gloss holds it")',
);

test('a read-only project says so and cannot be changed', async ({ page }) => {
  await expect(page.getByRole('status')).toContainText('Sample project · Read-only');
  await expect(page).toHaveTitle('Sample project — Read-only — Gloss');
  await expect(page.getByRole('button', { name: 'Import…' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'New code' })).toBeDisabled();
  await expect(page.getByLabel('Colour of Workload')).toBeDisabled();

  await expect(readerText(page)).toContainText('Nobody taught me');
  await selectWithMouse(page, 'Nobody taught', 'victim');
  await expect(page.getByText('This project is open read-only, so passages cannot be coded.')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Code name' })).toHaveCount(0);

  // Reading still works: the excerpts of a code.
  await codeRow(page, 'Training gaps').getByRole('button', { name: 'Training gaps', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Coded passages' }).getByRole('listitem')).toHaveCount(3);
});
