/**
 * The memo manager: every memo in one list, found by words, kind, coder and date; one
 * edited beside the list, a journal entry written and found again. axe finds nothing in
 * the view, light or dark.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { codeSchema, codingSchema, documentSchema, type ProjectFile } from '../shared/model/schema';
import { emptyProjectFile } from '../shared/model/state';
import { expect, PROJECT_NAME, test } from './fixtures';

const TEXT = 'Officer: Nobody trained us on the new system at all.';

function project(): ProjectFile {
  const now = '2026-03-01T10:00:00.000Z';
  const file = emptyProjectFile(PROJECT_NAME, now);
  file.coders.push({ id: 'coder-ana', name: 'Ana Researcher', color: '#c2410c' }, { id: 'coder-ben', name: 'Ben', color: '#1d4ed8' });
  file.documents.push(documentSchema.parse({ id: 'doc-1', name: 'Interview 1', text: TEXT, createdAt: now, source: null, attributes: {} }));
  file.codes.push(codeSchema.parse({ id: 'code-training', name: 'training gaps', color: '#16a34a', parentId: null, codable: true, description: '', createdAt: now }));
  const start = TEXT.indexOf('Nobody');
  file.codings.push(codingSchema.parse({ id: 'coding-1', documentId: 'doc-1', codeId: 'code-training', start, end: start + 'Nobody trained us'.length, quote: 'Nobody trained us', prefix: 'Officer: ', suffix: ' on the new system at all.', coderId: 'coder-ben', createdAt: now }));
  const memo = (id: string, target: ProjectFile['memos'][number]['target'], title: string, text: string, coderId: string, at: string) => ({ id, target, title, text, coderId, createdAt: at, modifiedAt: at });
  file.memos.push(
    memo('memo-coding', { kind: 'coding', id: 'coding-1' }, 'No training', 'Ben: the officer blames management for the rollout.', 'coder-ben', '2026-03-02T09:00:00.000Z'),
    memo('memo-doc', { kind: 'document', id: 'doc-1' }, 'Context', 'Interview held at the station, night shift.', 'coder-ana', '2026-03-05T09:00:00.000Z'),
    memo('memo-code', { kind: 'code', id: 'code-training' }, 'Definition', 'Any mention of training that was missing or late.', 'coder-ana', '2026-03-10T09:00:00.000Z'),
  );
  return file;
}

async function axeClean(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.passes.length).toBeGreaterThan(10);
  expect(results.violations.map((v) => `${what}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.use({ projectContent: project() });

test('every memo is listed, found by words, kind, coder and date, edited beside the list; a journal entry is written and found', async ({ page, app }, testInfo) => {
  test.setTimeout(120_000);
  await page.getByRole('button', { name: 'Memos', exact: true }).click();
  const list = page.getByRole('list', { name: 'Memos found' });
  // Newest change first.
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(list.getByRole('listitem').first()).toContainText('Definition');
  await expect(list.getByRole('listitem').nth(2)).toContainText('Interview 1: “Nobody trained us”');

  const filters = page.getByRole('group', { name: 'Filter memos' });
  await filters.getByRole('searchbox', { name: 'Search memos' }).fill('NIGHT station');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Context');
  await expect(filters).toContainText('1 of 3 memos');
  await filters.getByRole('searchbox', { name: 'Search memos' }).fill('');

  await filters.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Codings' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await filters.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'All kinds' });
  await filters.getByRole('combobox', { name: 'Coder' }).selectOption({ label: 'Ana Researcher' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await filters.getByLabel('Changed from').fill('2026-03-06');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Definition');
  await filters.getByLabel('Changed from').fill('');
  await filters.getByRole('combobox', { name: 'Coder' }).selectOption({ label: 'All coders' });

  // The coding's memo, opened and changed beside the list.
  await list.getByRole('button', { name: /No training/ }).click();
  const editor = page.getByRole('form', { name: 'Memo “No training”' });
  await expect(editor).toContainText('About: Interview 1: “Nobody trained us”');
  await editor.getByRole('textbox', { name: 'Memo' }).fill('Ben: the officer blames management for the rushed rollout.');
  await editor.getByRole('button', { name: 'Save memo' }).click();
  await expect(editor.getByRole('button', { name: 'Save memo' })).toBeDisabled();
  await expect(list.getByRole('listitem').first()).toContainText('No training');

  // Words typed and not saved are kept when another memo is chosen.
  await editor.getByRole('textbox', { name: 'Title' }).fill('No training at all');
  await list.getByRole('button', { name: /Context/ }).click();
  await expect(page.getByRole('form', { name: 'Memo “Context”' })).toBeVisible();
  await list.getByRole('button', { name: /No training at all/ }).click();
  await expect(page.getByRole('form', { name: 'Memo “No training at all”' }).getByRole('textbox', { name: 'Title' })).toHaveValue('No training at all');

  // A journal entry, written and found by a word.
  await page.getByRole('button', { name: 'New memo…' }).click();
  const fresh = page.getByRole('form', { name: 'New memo' });
  await expect(fresh.getByRole('combobox', { name: 'About' })).toHaveValue('project');
  await fresh.getByRole('textbox', { name: 'Title' }).fill('Week 3');
  await fresh.getByRole('textbox', { name: 'Memo' }).fill('Saturation on training themes seems near.');
  await fresh.getByRole('button', { name: 'Add memo' }).click();
  await expect(page.getByRole('form', { name: 'Memo “Week 3”' })).toContainText('About: Project journal');
  await filters.getByRole('searchbox', { name: 'Search memos' }).fill('saturation');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Journal · Project journal');

  await page.screenshot({ path: testInfo.outputPath('memos-light.png') });
  await axeClean(page, 'memos light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('memos-dark.png') });
  await axeClean(page, 'memos dark');

  const saved = await app.readProject();
  expect(saved.memos.find((m) => m.id === 'memo-coding')).toMatchObject({ title: 'No training at all', text: 'Ben: the officer blames management for the rushed rollout.' });
  expect(saved.memos.filter((m) => m.target.kind === 'project').map((m) => [m.title, m.text])).toEqual([['Week 3', 'Saturation on training themes seems near.']]);
});
