/** A batch import where one file is binary: it is refused by name, the good one still imports. */
import { expect, test } from './fixtures';
import { importThroughChooser, readerText } from './helpers';

// The start of a PNG file: a signature, then a chunk full of NUL bytes.
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(0), 0x49, 0x48, 0x44, 0x52, ...new Array(64).fill(0)]);

test('a binary file is refused with a message naming it while the good file in the batch imports', async ({ page, app }) => {
  await importThroughChooser(page, [
    { name: 'photo.txt', content: PNG },
    { name: 'Caseworker notes.md', content: '# Notes\n\nThe family waited three months for a support worker.' },
  ]);

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('photo.txt');
  await expect(alert).toContainText('not imported');
  const documents = page.getByRole('list', { name: 'Documents' });
  await expect(documents.getByRole('listitem')).toHaveCount(1);
  await expect(documents.getByRole('button', { name: 'Caseworker notes', exact: true })).toBeVisible();
  await expect(readerText(page)).toContainText('The family waited three months');

  // The message can be dismissed.
  await page.getByRole('button', { name: /^Dismiss: photo\.txt/ }).click();
  await expect(alert).not.toContainText('photo.txt');

  const file = await app.readProject();
  expect(file.documents.map((d) => d.name)).toEqual(['Caseworker notes']);
});

test('files dropped on the window are imported', async ({ page }) => {
  // A drop as the browser delivers it from the desktop: a DataTransfer holding Files.
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['Officer: We waited weeks for the records.'], 'Dropped interview.txt', { type: 'text/plain' }));
    return transfer;
  });
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await expect(page.getByText(/^Drop files to import them/)).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByText(/^Drop files to import them/)).toBeHidden();
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: 'Dropped interview', exact: true })).toBeVisible();
  await expect(readerText(page)).toContainText('We waited weeks for the records.');
});
