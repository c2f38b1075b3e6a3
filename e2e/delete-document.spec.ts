/** Deleting a document asks first, saying what goes with it; Undo brings it back with its codings. */
import { expect, test } from './fixtures';
import { codeSelectionAs, importThroughChooser, readerText, selectWithMouse } from './helpers';

test('a document is deleted after the confirmation, and Undo brings it back', async ({ page, app }) => {
  await importThroughChooser(page, [{ name: 'Officer.txt', content: 'Nobody trained us on the new system.' }]);
  await expect(readerText(page)).toContainText('Nobody trained us');
  await selectWithMouse(page, 'Nobody', 'us');
  await codeSelectionAs(page, 'training');

  const documents = page.getByRole('list', { name: 'Documents' });
  await page.getByRole('button', { name: 'More actions for Officer' }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: 'Delete…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete “Officer”?' });
  await expect(confirm).toContainText('The document and its coding will be removed from the project. You can undo this.');
  // Cancel keeps it.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(documents.getByRole('button', { name: 'Officer', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'More actions for Officer' }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: 'Delete…' }).click();
  await confirm.getByRole('button', { name: 'Delete document' }).click();
  await expect(documents).toHaveCount(0);
  expect((await app.readProject()).documents).toEqual([]);

  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(documents.getByRole('button', { name: 'Officer', exact: true })).toBeVisible();
  const restored = await app.readProject();
  expect(restored.codings.map((c) => c.quote)).toEqual(['Nobody trained us']);
});
