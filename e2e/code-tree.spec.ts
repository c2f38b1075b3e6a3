/**
 * The code tree: create, rename, recolour, describe, nest (by "Move to…" and by dragging),
 * and delete after a confirmation that says how many codings go with the code.
 */
import { expect, test } from './fixtures';
import { codeRow, codeSelectionAs, importThroughChooser, selectWithMouse } from './helpers';

async function newCode(page: import('@playwright/test').Page, name: string): Promise<void> {
  await page.getByRole('region', { name: 'Codes' }).getByRole('button', { name: 'New code' }).click();
  const field = page.getByRole('textbox', { name: 'New code name' });
  await field.fill(name);
  await field.press('Enter');
  await expect(codeRow(page, name)).toHaveCount(1);
}

async function codeAction(page: import('@playwright/test').Page, code: string, action: string): Promise<void> {
  await page.getByRole('button', { name: `More actions for ${code}` }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: action }).click();
}

test('create, rename, recolour, describe, nest and delete codes', async ({ page, app }) => {
  await expect(page.getByText('Select text in a document to create your first code.')).toBeVisible();
  await newCode(page, 'Barriers');
  await newCode(page, 'Data sharing');
  await newCode(page, 'Training');
  // Tree order is by name at each level.
  await expect(page.getByRole('list', { name: 'Code tree' }).getByRole('listitem')).toHaveText([/Barriers/, /Data sharing/, /Training/]);

  // Rename through the menu, in place.
  await codeAction(page, 'Data sharing', 'Rename…');
  const rename = page.getByRole('textbox', { name: 'New name for Data sharing' });
  await rename.fill('Data sharing delays');
  await rename.press('Enter');
  await expect(codeRow(page, 'Data sharing delays')).toHaveCount(1);
  await expect(codeRow(page, 'Data sharing')).toHaveCount(0);

  // Recolour with the swatch's colour picker.
  await page.getByLabel('Colour of Training').fill('#c0392b');
  await expect.poll(async () => (await app.readProject()).codes.find((c) => c.name === 'Training')?.color).toBe('#c0392b');

  // Describe.
  await codeAction(page, 'Barriers', 'Describe…');
  const describe = page.getByRole('dialog', { name: 'Describe “Barriers”' });
  await describe.getByLabel('Description').fill('Anything that slows an investigation down.');
  await describe.getByRole('button', { name: 'Save description' }).click();
  await expect(describe).toBeHidden();

  // Nest with "Move to…".
  await codeAction(page, 'Data sharing delays', 'Move to…');
  const move = page.getByRole('dialog', { name: 'Move “Data sharing delays”' });
  await move.getByLabel('New parent').selectOption({ label: 'Barriers' });
  await move.getByRole('button', { name: 'Move' }).click();
  await expect(move).toBeHidden();
  await expect(codeRow(page, 'Data sharing delays')).toHaveAttribute('aria-level', '2');

  // Nest by dragging one code onto another.
  await codeRow(page, 'Training').dragTo(codeRow(page, 'Barriers'));
  await expect(codeRow(page, 'Training')).toHaveAttribute('aria-level', '2');

  const codebook = (await app.exportText('codebook-csv')).slice(1).split('\r\n');
  expect(codebook[0]).toBe('code,code_path,parent,description,color,codings,documents');
  expect(codebook).toContain('Barriers,Barriers,,Anything that slows an investigation down.,#e69f00,0,0');
  expect(codebook.find((l) => l.startsWith('Training,'))).toMatch(/^Training,Barriers > Training,Barriers,,#c0392b,0,0$/);
  // The same hierarchy as a REFI-QDA codebook, downloaded from the toolbar.
  const qdc = await app.exportText('codebook-qdc');
  expect(qdc).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1\.0"/);
  // Training nested inside Barriers: no closing tag between the two opening ones.
  expect(qdc).toMatch(/<Code [^>]*name="Barriers"[^>]*>(?:(?!<\/Code>)[\s\S])*<Code [^>]*name="Training"[^>]*color="#c0392b"[^>]*\/>/);

  // Code a passage with a sub-code, so deleting the parent has a coding to remove.
  await importThroughChooser(page, [{ name: 'notes.txt', content: 'Nobody showed us the new system.' }]);
  await selectWithMouse(page, 'Nobody', 'system');
  await codeSelectionAs(page, 'Training');
  await expect(codeRow(page, 'Training').locator('.count')).toHaveText('1');

  // Delete asks first, and says what goes with the code; Cancel keeps everything.
  await codeAction(page, 'Barriers', 'Delete…');
  const confirm = page.getByRole('dialog', { name: 'Delete code “Barriers”?' });
  await expect(confirm).toContainText('1 coding will be removed, and its 2 sub-codes will be deleted too.');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('list', { name: 'Code tree' }).getByRole('listitem')).toHaveCount(3);

  await codeAction(page, 'Barriers', 'Delete…');
  await confirm.getByRole('button', { name: 'Delete code' }).click();
  await expect(page.getByRole('list', { name: 'Code tree' })).toHaveCount(0);
  await expect(page.getByText('Select text in a document to create your first code.')).toBeVisible();
  const file = await app.readProject();
  expect(file.codes).toEqual([]);
  expect(file.codings).toEqual([]);

  // And one undo brings the whole branch back with its coding.
  await page.getByRole('button', { name: 'Undo Delete code “Barriers”' }).click();
  await expect(codeRow(page, 'Training').locator('.count')).toHaveText('1');
  await expect(codeRow(page, 'Training')).toHaveAttribute('aria-level', '2');
});
