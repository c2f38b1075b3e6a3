/**
 * File ▸ Merge project…: another coder's copy merged into the open project through the
 * review dialog: the report, a conflict resolved by the user, both coders' codings after
 * the merge, and Undo taking the whole merge back. A file that is not a Gloss project is
 * refused, naming it, and nothing changes.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { codeSchema, codingSchema, documentSchema, type ProjectFile } from '../shared/model/schema';
import { emptyProjectFile } from '../shared/model/state';
import { serializeProject } from '../shared/model/serialize';
import { expect, PROJECT_NAME, test } from './fixtures';
import { chooseFileIn, codeHighlights, codeRow, readerText } from './helpers';

const TEXT = 'Officer: Nobody trained us on the new system. We do not trust the council with our data.';
const NOW = '2024-05-01T10:00:00.000Z';
const ANA = { id: 'coder-ana', name: 'Ana', color: '#c2410c' };
const BEN = { id: 'coder-ben', name: 'Ben', color: '#1d4ed8' };

/** The file the lead handed out: one document, the code "trust", no codings yet. */
function handedOut(): ProjectFile {
  const file = emptyProjectFile(PROJECT_NAME, NOW);
  file.documents.push(documentSchema.parse({ id: 'doc-1', name: 'Interview', text: TEXT, createdAt: NOW, source: null, attributes: {} }));
  file.codes.push(codeSchema.parse({ id: 'code-trust', name: 'trust', color: '#16a34a', parentId: null, codable: true, description: '', createdAt: NOW }));
  return file;
}

/** A coder's copy: the code renamed, and one coding of the quote by that coder. */
function copyBy(coder: typeof ANA, codeName: string, codingId: string, quote: string): ProjectFile {
  const file = handedOut();
  file.coders.push(coder);
  file.codes[0]!.name = codeName;
  const start = TEXT.indexOf(quote);
  const end = start + quote.length;
  file.codings.push(
    codingSchema.parse({
      id: codingId,
      documentId: 'doc-1',
      codeId: 'code-trust',
      coderId: coder.id,
      start,
      end,
      quote,
      prefix: TEXT.slice(Math.max(0, start - 32), start),
      suffix: TEXT.slice(end, end + 32),
      createdAt: NOW,
    }),
  );
  return file;
}

const OURS = copyBy(ANA, 'institutional trust', 'k-ana', 'do not trust the council');
const THEIRS = copyBy(BEN, 'trust in police', 'k-ben', 'trust the council with our data');

async function highlightedTexts(page: Page): Promise<string[]> {
  return Object.values(await codeHighlights(page)).flat().sort();
}

async function openMergeDialog(page: Page) {
  await page.getByRole('button', { name: 'Team', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Merge another copy of this project…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge another copy of this project' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.use({ projectContent: OURS });

test('merges another coder’s copy after the user resolves a conflict; Undo takes the whole merge back', async ({ page, app }, testInfo) => {
  await expect(readerText(page)).toContainText('Nobody trained us');
  await expect.poll(() => highlightedTexts(page)).toEqual(['do not trust the council']);

  const choose = await openMergeDialog(page);
  await chooseFileIn(choose, 'The other coder’s copy (.gloss)', { name: 'ben.gloss', content: serializeProject(THEIRS) });
  await chooseFileIn(choose, 'The file that was handed out (optional)', { name: 'handed-out.gloss', content: serializeProject(handedOut()) });
  await choose.getByRole('button', { name: 'Preview' }).click();

  const review = page.getByRole('dialog', { name: 'Merge ben.gloss' });
  await expect(review).toBeVisible();
  await expect(review.getByRole('region', { name: 'What the merge would do' })).toContainText('From ben.gloss: 1 coder, 1 coding added.');
  const conflict = review.getByRole('group', { name: /renamed/ });
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText('institutional trust');
  await expect(conflict).toContainText('trust in police');
  await expect(conflict).toContainText('Handed out as: trust');
  // Nothing is merged before every conflict has a choice.
  const merge = review.getByRole('button', { name: 'Merge', exact: true });
  await expect(merge).toBeDisabled();
  // The choice is made from the keyboard: radios in one group.
  await conflict.getByRole('radio', { name: /Keep this project’s/ }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await expect(conflict.getByRole('radio', { name: /Take the other copy’s/ })).toBeChecked();
  await expect(merge).toBeEnabled();
  await page.screenshot({ path: testInfo.outputPath('merge-review.png') });
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await merge.click();
  await expect(review).toBeHidden();

  // Both coders' codings, the other copy's name for the code, and a summary.
  await expect(page.locator('.messages')).toContainText('Merged ben.gloss');
  await expect.poll(() => highlightedTexts(page)).toEqual(['do not trust the council', 'trust the council with our data']);
  await expect(codeRow(page, 'trust in police').locator('.count')).toHaveText('2');
  await expect(page.getByRole('group', { name: 'Coders shown' })).toContainText('Ben');
  await page.screenshot({ path: testInfo.outputPath('merged.png') });
  const merged = await app.readProject();
  expect(merged.codings.map((c) => c.coderId).sort()).toEqual([ANA.id, BEN.id]);
  expect(merged.codes.map((c) => c.name)).toEqual(['trust in police']);

  // One Undo takes the whole merge back.
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect.poll(() => highlightedTexts(page)).toEqual(['do not trust the council']);
  await expect(codeRow(page, 'institutional trust').locator('.count')).toHaveText('1');
  const undone = await app.readProject();
  expect(undone.codings.map((c) => c.id)).toEqual(['k-ana']);
});

test('a file that is not a Gloss project is refused, naming it, and nothing changes', async ({ page, app }, testInfo) => {
  const before = await app.readProject();
  const choose = await openMergeDialog(page);
  // Preview needs a file first.
  await choose.getByRole('button', { name: 'Preview' }).click();
  await expect(choose.getByRole('alert')).toContainText('Choose the other coder’s copy');
  await chooseFileIn(choose, 'The other coder’s copy (.gloss)', { name: 'notes.gloss', content: 'these are my notes, not a project' });
  await choose.getByRole('button', { name: 'Preview' }).click();
  await expect(choose.getByRole('alert')).toContainText('notes.gloss');
  await expect(choose.getByRole('alert')).toContainText('Nothing was changed.');
  // The user can pick another file and try again.
  await expect(choose.getByRole('button', { name: 'Preview' })).toBeEnabled();
  await page.screenshot({ path: testInfo.outputPath('merge-refused.png') });
  await choose.getByRole('button', { name: 'Cancel' }).click();
  await expect(choose).toBeHidden();
  expect(await app.readProject()).toEqual(before);
});
