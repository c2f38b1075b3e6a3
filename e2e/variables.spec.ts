/**
 * Cases & Variables: values edited in the table with the keyboard (and refused when they
 * do not fit), a block pasted from a spreadsheet, a CSV imported after its preview (one
 * undo step), a case and a set made, and the documents pane filtered by them. axe finds
 * nothing in the view, light or dark.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { documentSchema, type ProjectFile } from '../shared/model/schema';
import { emptyProjectFile } from '../shared/model/state';
import { expect, PROJECT_NAME, test } from './fixtures';

function project(): ProjectFile {
  const now = '2026-03-01T10:00:00.000Z';
  const file = emptyProjectFile(PROJECT_NAME, now);
  for (const [i, name] of ['Interview 1', 'Interview 2', 'Interview 3'].entries()) {
    file.documents.push(documentSchema.parse({ id: `doc-${i + 1}`, name, text: `Text of ${name}.`, createdAt: now, source: null, attributes: {} }));
  }
  file.variables.push({ id: 'var-age', name: 'Age', type: 'number', description: '' }, { id: 'var-region', name: 'Region', type: 'text', description: '', choices: ['North', 'South'] });
  file.documents[0]!.attributes = { 'var-age': 41 };
  return file;
}

async function axeClean(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.passes.length).toBeGreaterThan(10);
  expect(results.violations.map((v) => `${what}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const cell = (page: Page, row: string, column: number) => page.getByRole('row', { name: new RegExp(`^${row}`) }).getByRole('gridcell').nth(column);

test.use({ projectContent: project() });

test('values are edited with the keyboard, a block is pasted, a CSV is imported after a preview, and the documents are filtered by them', async ({ page, app }, testInfo) => {
  test.setTimeout(120_000);
  await page.getByRole('button', { name: 'Cases & Variables', exact: true }).click();
  const grid = page.getByRole('grid', { name: 'Values of documents' });
  await expect(grid).toBeVisible();
  await expect(cell(page, 'Interview 1', 0)).toHaveText('41');

  // Keyboard: the first cell, Enter, a new number, Enter saves and goes down.
  await cell(page, 'Interview 1', 0).click();
  await page.keyboard.press('Enter');
  const editor = grid.getByRole('textbox', { name: 'Age of Interview 1' });
  await expect(editor).toHaveValue('41');
  await editor.fill('42');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'Interview 1', 0)).toHaveText('42');
  await expect(cell(page, 'Interview 2', 0)).toBeFocused();

  // Typing starts editing; a value that does not fit is refused, named, and Escape leaves it as it was.
  await page.keyboard.type('old');
  await page.keyboard.press('Enter');
  await expect(grid.locator('..').getByRole('alert')).toContainText('Interview 2, Age: "old" is not a number');
  await page.keyboard.press('Escape');
  await expect(cell(page, 'Interview 2', 0)).toHaveText('');
  await expect(cell(page, 'Interview 2', 0)).toBeFocused();

  // F2, type, Tab saves and moves right; a choice is matched whatever its case.
  await page.keyboard.press('F2');
  await page.keyboard.type('35');
  await page.keyboard.press('Tab');
  await expect(cell(page, 'Interview 2', 0)).toHaveText('35');
  await expect(cell(page, 'Interview 2', 1)).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.type('south');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'Interview 2', 1)).toHaveText('South');

  // A block pasted from a spreadsheet at Interview 2 / Age fills two rows and two columns, as one step.
  await cell(page, 'Interview 2', 0).click();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '36\tNorth\r\n29\tSouth\r\n');
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByText('Pasted 4 cells.')).toBeVisible();
  await expect(cell(page, 'Interview 3', 0)).toHaveText('29');
  await expect(cell(page, 'Interview 3', 1)).toHaveText('South');
  await expect(cell(page, 'Interview 2', 1)).toHaveText('North');
  await page.keyboard.press('Control+z');
  await expect(cell(page, 'Interview 3', 0)).toHaveText('');
  await expect(cell(page, 'Interview 2', 1)).toHaveText('South');
  await page.keyboard.press('Control+y');
  await expect(cell(page, 'Interview 3', 0)).toHaveText('29');

  // Delete clears a value.
  await cell(page, 'Interview 3', 1).click();
  await page.keyboard.press('Delete');
  await expect(cell(page, 'Interview 3', 1)).toHaveText('');

  // Clicking elsewhere while editing saves the cell.
  await cell(page, 'Interview 3', 0).click();
  await page.keyboard.type('33');
  await cell(page, 'Interview 1', 0).click();
  await expect(cell(page, 'Interview 3', 0)).toHaveText('33');
  await expect(cell(page, 'Interview 1', 0)).toBeFocused();

  // A new yes/no variable.
  await page.getByRole('button', { name: 'New variable…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New variable' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Consent');
  await dialog.getByRole('combobox', { name: 'Kind of values' }).selectOption({ label: 'Yes/no' });
  await dialog.getByRole('button', { name: 'Create variable' }).click();
  await expect(grid.getByRole('columnheader', { name: /Consent/ })).toBeVisible();

  // A CSV: previewed cell by cell, a row naming no document listed, imported as one step.
  await page.getByRole('button', { name: 'Import values from CSV…' }).click();
  const importing = page.getByRole('dialog', { name: 'Import values from a CSV' });
  await importing.getByLabel('CSV file').setInputFiles({ name: 'values.csv', mimeType: 'text/csv', buffer: Buffer.from('document,Age,Consent,Site\nInterview 1,42,yes,Leeds\nInterview 3,30,no,York\nGhost,1,no,X\n') });
  const preview = importing.getByRole('region', { name: 'What the import will change' });
  await expect(preview).toContainText('New text variables: Site.');
  await expect(preview).toContainText('row 4 (Ghost)');
  await expect(preview.getByRole('row')).toHaveCount(6);
  await expect(preview.getByRole('row', { name: 'Interview 3 Age 33 30' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('csv-preview.png') });
  await axeClean(page, 'CSV preview');
  await importing.getByRole('button', { name: 'Import 5 values' }).click();
  await expect(importing).toBeHidden();
  await expect(cell(page, 'Interview 3', 0)).toHaveText('30');
  await expect(cell(page, 'Interview 3', 2)).toHaveText('no');
  await expect(cell(page, 'Interview 1', 3)).toHaveText('Leeds');

  // A case with two documents, and a set with one.
  await page.getByRole('textbox', { name: 'New case name' }).fill('Officer A');
  await page.getByRole('button', { name: 'Create case' }).click();
  const officer = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Officer A' }) });
  for (const name of ['Interview 1', 'Interview 3']) {
    await officer.getByRole('combobox', { name: 'Add to Officer A' }).selectOption({ label: name });
    await officer.getByRole('button', { name: 'Add' }).click();
  }
  await expect(officer.getByRole('list', { name: 'Members of Officer A' }).getByRole('listitem')).toHaveCount(2);
  await page.getByRole('textbox', { name: 'New set name' }).fill('Pilot');
  await page.getByRole('button', { name: 'Create set' }).click();
  const pilot = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Pilot' }) });
  await pilot.getByRole('combobox', { name: 'Add to Pilot' }).selectOption({ label: 'Interview 2' });
  await pilot.getByRole('button', { name: 'Add' }).click();
  await expect(pilot.getByRole('list', { name: 'Members of Pilot' })).toContainText('Interview 2');

  // The documents pane filters by the set, then by a value; the table follows it.
  const documents = page.getByRole('list', { name: /^Documents/ });
  await expect(documents.getByRole('listitem')).toHaveCount(3);
  const filter = page.getByRole('group', { name: 'Filter documents' });
  await filter.getByRole('combobox', { name: 'Set' }).selectOption({ label: 'Pilot' });
  await expect(documents.getByRole('listitem')).toHaveCount(1);
  await expect(documents).toContainText('Interview 2');
  await expect(grid.getByRole('row')).toHaveCount(2);
  await filter.getByRole('combobox', { name: 'Set' }).selectOption({ label: 'All documents' });
  await filter.getByRole('combobox', { name: 'Variable' }).selectOption({ label: 'Consent' });
  await filter.getByRole('combobox', { name: 'Value' }).selectOption({ label: 'yes' });
  await expect(documents.getByRole('listitem')).toHaveCount(1);
  await expect(documents).toContainText('Interview 1');
  await expect(filter.getByText(/1 of 3 documents/)).toBeVisible();

  await page.screenshot({ path: testInfo.outputPath('variables-light.png') });
  await axeClean(page, 'variables light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('variables-dark.png') });
  await axeClean(page, 'variables dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // The file holds the values, the case and the set.
  const saved = await app.readProject();
  const byName = (name: string) => saved.documents.find((d) => d.name === name)!;
  const site = saved.variables.find((v) => v.name === 'Site')!;
  expect(byName('Interview 1').attributes).toMatchObject({ 'var-age': 42, [site.id]: 'Leeds' });
  expect(byName('Interview 3').attributes).toMatchObject({ 'var-age': 30, [site.id]: 'York' });
  expect(saved.cases.map((c) => ({ name: c.name, documentIds: c.documentIds }))).toEqual([{ name: 'Officer A', documentIds: ['doc-1', 'doc-3'] }]);
  expect(saved.sets.map((s) => ({ name: s.name, kind: s.kind, memberIds: s.memberIds }))).toEqual([{ name: 'Pilot', kind: 'documents', memberIds: ['doc-2'] }]);
});
