/**
 * The Analysis view on a small project whose figures are worked out by hand below: code
 * frequencies sort and open their excerpts and export as CSV; a co-occurrence cell opens its
 * passages side by side; a matrix cell opens its excerpts; a framework summary is written,
 * saved in the project and still there after a reload; axe finds nothing in any tab, in
 * the light and the dark theme.
 */
import AxeBuilder from '@axe-core/playwright';
import { promises as fs } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { Coding, ProjectFile } from '../shared/model/schema';

const NOW = '2026-01-01T00:00:00.000Z';
const DOC1 = 'Officer: we had no training at all, so requests waited for weeks and weeks.';
const DOC2 = 'Partners asked for data and nobody answered the letters they sent.';
const texts: Record<string, string> = { d1: DOC1, d2: DOC2 };

function coding(id: string, documentId: string, codeId: string, start: number, end: number): Coding {
  const t = texts[documentId]!;
  return { id, documentId, codeId, coderId: 'ana', start, end, quote: t.slice(start, end), prefix: t.slice(Math.max(0, start - 32), start), suffix: t.slice(end, end + 32), createdAt: NOW, needsReview: false };
}
const code = (id: string, name: string, color: string, parentId: string | null = null) => ({ id, name, color, description: '', parentId, codable: true, createdAt: NOW });
const doc = (id: string, name: string) => ({ id, name, text: texts[id]!, createdAt: NOW, source: null, attributes: {}, structure: [] });

/**
 * By hand. Barriers 0–20 in Interview 1; its sub-code Data sharing 10–30 in Interview 1
 * and 5–15 in Interview 2; Trust 15–25 in Interview 1 and 0–10 in Interview 2.
 * - Frequencies: Barriers 1 coding, 1 document, 20 characters; with Data sharing 3, 2, and
 *   30 + 10 = 40 characters (0–30 once in Interview 1). Data sharing 2, 2, 30. Trust 2, 2, 20.
 * - Co-occurrence (sharing text): Barriers–Data sharing 1 (c = 1 / (1 + 2 − 1) = 0.50),
 *   Barriers–Trust 1 (0.50), Data sharing–Trust 2, one per interview (c = 2 / (2 + 2 − 2) = 1.00).
 * - Matrix codings × documents: Barriers 1 | 0, Data sharing 1 | 1, Trust 1 | 1.
 */
const PROJECT: ProjectFile = {
  format: 'gloss-project',
  version: 1,
  project: { name: 'Theme study', description: '', createdAt: NOW, modifiedAt: NOW },
  coders: [{ id: 'ana', name: 'Ana Researcher', color: '#1f77b4' }],
  documents: [doc('d1', 'Interview 1'), doc('d2', 'Interview 2')],
  codes: [code('c-barriers', 'Barriers', '#d62728'), code('c-data', 'Data sharing', '#9467bd', 'c-barriers'), code('c-trust', 'Trust', '#2ca02c')],
  codings: [coding('k1', 'd1', 'c-barriers', 0, 20), coding('k2', 'd1', 'c-data', 10, 30), coding('k3', 'd1', 'c-trust', 15, 25), coding('k4', 'd2', 'c-trust', 0, 10), coding('k5', 'd2', 'c-data', 5, 15)],
  memos: [],
  cases: [{ id: 'case-a', name: 'Person A', description: '', documentIds: ['d1', 'd2'], values: {} }],
  variables: [],
  sets: [],
  summaries: [],
};

async function axeClean(page: Page, what: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).include('.analysis-view').analyze();
    expect(results.passes.length).toBeGreaterThan(10);
    expect(results.violations.map((v) => `${what} (${scheme}): ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function openAnalysis(page: Page, tab: string) {
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Analysis' }).click();
  await page.getByRole('tab', { name: tab }).click();
}

const rowCells = (page: Page, table: string, code: string) => page.getByRole('table', { name: table }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: code, exact: true }) }).getByRole('cell');

test.use({ projectContent: PROJECT });

test('frequencies: hand-computed figures, sorting, a number opens its excerpts, CSV export', async ({ page }) => {
  test.setTimeout(120_000);
  await openAnalysis(page, 'Frequencies');
  const table = page.getByRole('table', { name: 'Code frequencies' });
  await expect(rowCells(page, 'Code frequencies', 'Barriers')).toHaveText(['1', '1', '20', '3', '2', '40']);
  await expect(rowCells(page, 'Code frequencies', 'Barriers > Data sharing')).toHaveText(['2', '2', '30', '2', '2', '30']);
  await expect(rowCells(page, 'Code frequencies', 'Trust')).toHaveText(['2', '2', '20', '2', '2', '20']);
  await expect(page.getByRole('img', { name: /Codings per code/ })).toBeVisible();

  const characters = table.getByRole('columnheader', { name: 'Characters', exact: true });
  await expect(characters).toHaveAttribute('aria-sort', 'none');
  await characters.getByRole('button').click();
  await expect(characters).toHaveAttribute('aria-sort', 'descending');
  await expect(table.getByRole('rowheader')).toHaveText(['Barriers > Data sharing', 'Barriers', 'Trust']);
  await characters.getByRole('button').click();
  await expect(characters).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.getByRole('rowheader')).toHaveText(['Barriers', 'Trust', 'Barriers > Data sharing']);
  // The chart follows the sorted column, with its numbers written.
  await expect(page.getByRole('img', { name: /Characters per code/ })).toContainText('30');

  await table.getByRole('button', { name: '3 codings with sub-codes of Barriers: show the excerpts' }).click();
  const evidence = page.getByRole('region', { name: 'Excerpts behind the number' });
  await expect(evidence.getByRole('heading')).toHaveText('Barriers with its sub-codes: the 3 codings');
  const passages = evidence.getByRole('list', { name: 'Excerpts behind the number' }).getByRole('listitem');
  await expect(passages).toHaveCount(3);
  await expect(passages.locator('mark')).toHaveText([DOC1.slice(0, 20), DOC1.slice(10, 30), DOC2.slice(5, 15)]);
  await page.screenshot({ path: '.tmp/shots/analysis-frequencies.png' });
  await axeClean(page, 'frequencies');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('group', { name: 'Export frequencies' }).getByRole('button', { name: 'CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('Theme study - Frequencies.csv');
  const lines = (await fs.readFile((await download.path())!, 'utf8')).replace(/^\ufeff/, '').trim().split('\r\n');
  expect(lines).toEqual([
    'Code,Codings,Documents,Characters,Codings with sub-codes,Documents with sub-codes,Characters with sub-codes',
    'Barriers,1,1,20,3,2,40',
    'Trust,2,2,20,2,2,20',
    'Barriers > Data sharing,2,2,30,2,2,30',
  ]);
});

test('co-occurrence and matrix: cells show hand-computed counts and open their passages', async ({ page }) => {
  test.setTimeout(120_000);
  await openAnalysis(page, 'Co-occurrence');
  const caption = 'Code co-occurrence (sharing text)';
  await expect(rowCells(page, caption, 'Barriers > Data sharing (2)')).toHaveText(['1 c 0.50', '', '2 c 1.00']);
  await expect(rowCells(page, caption, 'Trust (2)')).toHaveText(['1 c 0.50', '2 c 1.00', '']);
  await page.getByRole('button', { name: '2 co-occurrences of Barriers > Data sharing and Trust, c 1.00: show the passages' }).click();
  const evidence = page.getByRole('region', { name: 'Excerpts behind the number' });
  const pairs = evidence.getByRole('list', { name: 'Co-occurring passages, side by side' }).getByRole('listitem');
  await expect(pairs).toHaveCount(2);
  await expect(pairs.nth(0).locator('mark')).toHaveText([DOC1.slice(10, 30), DOC1.slice(15, 25)]);
  await expect(pairs.nth(1).locator('mark')).toHaveText([DOC2.slice(5, 15), DOC2.slice(0, 10)]);
  await page.screenshot({ path: '.tmp/shots/analysis-cooccurrence.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: '.tmp/shots/analysis-cooccurrence-dark.png' });
  await axeClean(page, 'co-occurrence');

  await page.getByRole('tab', { name: 'Matrix' }).click();
  const matrix = 'Codes × documents: codings';
  await expect(rowCells(page, matrix, 'Barriers')).toHaveText(['1', '0']);
  await expect(rowCells(page, matrix, 'Trust')).toHaveText(['1', '1']);
  await page.getByLabel('Include sub-codes').check();
  await expect(rowCells(page, matrix, 'Barriers')).toHaveText(['2', '1']);
  await page.getByRole('button', { name: '1 coding of Barriers in Interview 2: show the excerpts' }).click();
  await expect(evidence.getByRole('list', { name: 'Excerpts behind the number' }).locator('mark')).toHaveText([DOC2.slice(5, 15)]);
  await page.getByLabel('Cells').selectOption('percent');
  await expect(rowCells(page, 'Codes × documents: % of the column’s text', 'Trust')).toHaveText([`${((100 * 10) / DOC1.length).toFixed(1)} %`, `${((100 * 10) / DOC2.length).toFixed(1)} %`]);
  await page.screenshot({ path: '.tmp/shots/analysis-matrix.png' });
  await axeClean(page, 'matrix');
});

test('framework: a summary written beside its excerpts is saved in the project and shown after a reload', async ({ page, app }) => {
  test.setTimeout(120_000);
  await openAnalysis(page, 'Framework');
  const cell = page.getByRole('button', { name: 'Person A × Trust: no summary yet, 2 codings' });
  await cell.click();
  await expect(page.getByRole('list', { name: 'Excerpts behind the number' }).locator('mark')).toHaveText([DOC1.slice(15, 25), DOC2.slice(0, 10)]);
  await page.getByLabel('Summary of Person A × Trust').fill('Trust grows when requests are answered.');
  await page.getByRole('button', { name: 'Save summary' }).click();
  await expect(page.getByText('Saved in the project.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Person A × Trust: summary written, 2 codings' })).toContainText('Trust grows when requests are answered.');
  await page.screenshot({ path: '.tmp/shots/analysis-framework.png' });
  await axeClean(page, 'framework');

  const saved = await app.readProject();
  expect(saved.summaries.map((s) => [s.row, s.codeId, s.text])).toEqual([[{ kind: 'case', id: 'case-a' }, 'c-trust', 'Trust grows when requests are answered.']]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('group', { name: 'Export framework' }).getByRole('button', { name: 'Markdown' }).click()]);
  const markdown = await fs.readFile((await download.path())!, 'utf8');
  expect(markdown).toContain('## Person A\n\n### Barriers\n\n_No summary yet._');
  expect(markdown).toContain('### Trust\n\nTrust grows when requests are answered.\n\n_2 codings._');

  await page.reload();
  await openAnalysis(page, 'Framework');
  await expect(page.getByRole('button', { name: 'Person A × Trust: summary written, 2 codings' })).toContainText('Trust grows when requests are answered.');
});

test('excerpts: AND, OR and NOT over the chosen codes list the passages retrieval finds', async ({ page }) => {
  test.setTimeout(120_000);
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Excerpts' }).click();
  // Chosen in this order: Trust first, so NOT reads "Trust but not Data sharing".
  await page.getByRole('checkbox', { name: 'Trust' }).check();
  await page.getByRole('checkbox', { name: 'Data sharing' }).check();
  const show = page.getByLabel('Show');
  const passages = page.getByRole('list', { name: 'Retrieved passages' }).getByRole('listitem');

  await show.selectOption({ label: 'Passages coded with all chosen codes at once (AND)' });
  await expect(page.getByText('Passages coded with Trust and Data sharing, where they overlap.')).toBeVisible();
  await expect(passages.locator('mark')).toHaveText([DOC1.slice(15, 25), DOC2.slice(5, 10)]);

  await show.selectOption({ label: 'Passages coded with any chosen code (OR)' });
  await expect(passages.locator('mark')).toHaveText([DOC1.slice(10, 30), DOC2.slice(0, 15)]);

  await show.selectOption({ label: 'Passages coded with the first chosen code but none of the others (NOT)' });
  await expect(page.getByText('Passages coded with Trust but not with Data sharing.')).toBeVisible();
  await expect(passages.locator('mark')).toHaveText([DOC2.slice(0, 5)]);
  await expect(page.getByRole('heading', { name: '1 passage' })).toBeVisible();
  await page.screenshot({ path: '.tmp/shots/excerpts-retrieval.png' });

  // Back to every coding of the chosen codes.
  await show.selectOption({ label: 'Every coding of the chosen codes' });
  await expect(page.getByRole('list', { name: 'Coded passages' }).getByRole('listitem')).toHaveCount(4);
});
