/**
 * Anonymise: a name replaced by a placeholder as a whole word, in one document or all of
 * them, with a preview of occurrences, documents and codings before anything changes;
 * codings on the replaced text follow; one undoable step.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { allHighlightedTexts, codeSelectionAs, importThroughChooser, readerText, selectWithMouse } from './helpers';

const ONE = 'Sarah said the training was cancelled. Sarah’s team waited.\nAnnabel and sarah agreed.';
const TWO = 'Officer: I asked Sarah twice.';

test('anonymising a name previews what changes, replaces whole words only, moves codings along and undoes', async ({ page, app }) => {
  await importThroughChooser(page, [
    { name: 'Interview 1.txt', content: ONE },
    { name: 'Interview 2.txt', content: TWO },
  ]);
  await page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: 'Interview 1', exact: true }).click();
  await expect(readerText(page)).toContainText('Annabel');
  await selectWithMouse(page, 'Sarah said', 'cancelled');
  await codeSelectionAs(page, 'training');

  await page.getByRole('button', { name: 'More actions for Interview 1' }).click();
  await page.getByRole('menuitem', { name: 'Anonymise…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Anonymise a name' });
  const preview = dialog.getByLabel('Preview');
  await dialog.getByLabel('Name to replace').fill('Sarah');
  await dialog.getByLabel('Replace with').fill('[P1]');

  // This document, matching case: "Sarah" and "Sarah’s", not "sarah" nor "Annabel".
  await expect(dialog.getByRole('radio', { name: 'In “Interview 1”' })).toBeChecked();
  await expect(preview).toHaveText('2 occurrences in 1 document; 1 coding will have its text changed.');
  await dialog.getByRole('checkbox', { name: 'Match case' }).uncheck();
  await expect(preview).toHaveText('3 occurrences in 1 document; 1 coding will have its text changed.');
  await dialog.getByRole('radio', { name: 'In all 2 documents' }).check();
  await expect(preview).toContainText('4 occurrences in 2 documents');
  await expect(preview.getByRole('listitem')).toHaveText(['Interview 1: 3', 'Interview 2: 1']);

  // Nothing has changed yet.
  expect((await app.readProject()).documents.find((d) => d.name === 'Interview 2')!.text).toBe(TWO);

  await dialog.getByRole('button', { name: 'Replace 4 occurrences' }).click();
  const done = page.getByRole('dialog', { name: 'Names replaced' });
  await expect(done).toContainText('Replaced 4 occurrences of “Sarah” with “[P1]”.');
  await expect(done.getByRole('listitem')).toHaveText(['1 coding on edited text, kept with the change']);
  await done.getByRole('button', { name: 'Close' }).click();

  await expect(readerText(page)).toContainText('[P1] said the training was cancelled. [P1]’s team waited.Annabel and [P1] agreed.');
  await expect.poll(() => allHighlightedTexts(page)).toEqual(['[P1] said the training was cancelled']);
  const file = await app.readProject();
  expect(file.documents.map((d) => d.text).sort()).toEqual(['Officer: I asked [P1] twice.', '[P1] said the training was cancelled. [P1]’s team waited.\nAnnabel and [P1] agreed.']);
  expect(file.codings.map((c) => c.quote)).toEqual(['[P1] said the training was cancelled']);

  // One step to undo.
  await readerText(page).focus();
  await page.keyboard.press('Control+z');
  await expect(readerText(page)).toContainText('Sarah said the training');
  await expect.poll(() => allHighlightedTexts(page)).toEqual(['Sarah said the training was cancelled']);
});

test('after anonymising, the older copies that still hold the name can be deleted, and none of them is left on disk', async ({ page, app }) => {
  await importThroughChooser(page, [
    { name: 'Interview 1.txt', content: ONE },
    { name: 'Interview 2.txt', content: TWO },
  ]);
  // Deleting a document makes a backup holding the name.
  await page.getByRole('button', { name: 'More actions for Interview 2' }).click();
  await page.getByRole('menuitem', { name: /^Delete/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: /^Delete/ }).click();
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: 'Interview 2', exact: true })).toHaveCount(0);

  await page.getByRole('button', { name: 'More actions for Interview 1' }).click();
  await page.getByRole('menuitem', { name: 'Anonymise…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Anonymise a name' });
  await dialog.getByLabel('Name to replace').fill('Sarah');
  await dialog.getByLabel('Replace with').fill('[P1]');
  await dialog.getByRole('checkbox', { name: 'Match case' }).uncheck();
  await dialog.getByRole('button', { name: 'Replace 3 occurrences' }).click();
  const done = page.getByRole('dialog', { name: 'Names replaced' });
  const copies = done.getByRole('group', { name: 'Older copies' });
  await expect(copies).toContainText("Copies made before this still hold “Sarah”: 1 backup in Gloss's data folder and the previous save kept beside the project file.");
  const holding = async () => (await filesUnder(app.dir)).filter((f) => f.text.toLowerCase().includes('sarah')).map((f) => f.name);
  await expect.poll(holding).toContainEqual(expect.stringMatching(/^data\/backups\//));

  // Asked first; "Keep them" leaves them.
  await copies.getByRole('button', { name: 'Delete older copies…' }).click();
  await copies.getByRole('button', { name: 'Keep them' }).click();
  await copies.getByRole('button', { name: 'Delete older copies…' }).click();
  await copies.getByRole('button', { name: 'Delete older copies', exact: true }).click();
  await expect(copies).toHaveText(/^Deleted 1 backup( and the previous save)?\. The project itself is saved\.$/);
  expect(await holding()).toEqual([]);
  expect((await app.readProject()).documents.map((d) => d.text)).toEqual([ONE.replace(/sarah/gi, '[P1]')]);
});

/** Every file under `root`, its path relative to root (with /) and its text. */
async function filesUnder(root: string): Promise<{ name: string; text: string }[]> {
  const out: { name: string; text: string }[] = [];
  for (const entry of await fs.readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.push({ name: path.relative(root, file).split(path.sep).join('/'), text: await fs.readFile(file, 'utf8') });
  }
  return out;
}
