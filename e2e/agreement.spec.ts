/**
 * The agreement view on a project with two coders' codings, written before the app opens:
 * the table shows percent agreement and Cohen's κ computed by hand below, sorts by any
 * column, shows undefined as undefined, opens one document side by side, and exports CSV.
 */
import AxeBuilder from '@axe-core/playwright';
import { promises as fs } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { Coding, ProjectFile } from '../shared/model/schema';

const NOW = '2026-01-01T00:00:00.000Z';
/** Two documents of exactly 100 characters, so the hand computations below stay simple. */
const text = (s: string) => s.padEnd(100, ' and so on.').slice(0, 100);
const DOC1 = text('Officer: We had no training at all, so we learned on the job. Requests waited for weeks');
const DOC2 = text('Partners asked for one contact person, and nobody answered the letters they sent us');

function coding(id: string, documentId: string, codeId: string, coderId: string, start: number, end: number): Coding {
  const docText = documentId === 'd1' ? DOC1 : DOC2;
  return {
    id,
    documentId,
    codeId,
    coderId,
    start,
    end,
    quote: docText.slice(start, end),
    prefix: docText.slice(Math.max(0, start - 32), start),
    suffix: docText.slice(end, end + 32),
    createdAt: NOW,
    needsReview: false,
  };
}

const code = (id: string, name: string, color: string) => ({ id, name, color, description: '', parentId: null, codable: true, createdAt: NOW });
const doc = (id: string, name: string, body: string) => ({ id, name, text: body, createdAt: NOW, source: null, attributes: {}, structure: [] });

/**
 * By hand (character unit, 100 characters per document, 200 in the project):
 * - training, Interview 1: Ana 0–20, Ben 10–30 → both 10, only Ana 10, only Ben 10, neither 70;
 *   po = 0.8, pe = 0.2·0.2 + 0.8·0.8 = 0.68, κ = 0.12 / 0.32 = 0.375.
 *   Overall (200 characters): po = 0.9, pe = 0.1·0.1 + 0.9·0.9 = 0.82, κ = 0.08 / 0.18 = 0.444.
 * - everything, Interview 2: both code all 100 characters → po = 1 and pe = 1: κ undefined.
 *   Overall: both 100, neither 100 → po = 1, pe = 0.5, κ = 1.
 * - delays, Interview 1: only Ana, 40–48 and 45–50 (overlapping: 10 characters, counted once)
 *   → both 0, only Ana 10, neither 90; po = 0.9 = pe, κ = 0. Overall po = 0.95 = pe, κ = 0.
 */
const PROJECT: ProjectFile = {
  format: 'gloss-project',
  version: 1,
  project: { name: 'Team study', description: '', createdAt: NOW, modifiedAt: NOW },
  coders: [
    { id: 'ana', name: 'Ana', color: '#1f77b4' },
    { id: 'ben', name: 'Ben', color: '#ff7f0e' },
  ],
  documents: [doc('d1', 'Interview 1', DOC1), doc('d2', 'Interview 2', DOC2)],
  codes: [code('c-training', 'training', '#2ca02c'), code('c-everything', 'everything', '#9467bd'), code('c-delays', 'delays', '#d62728')],
  codings: [
    coding('k1', 'd1', 'c-training', 'ana', 0, 20),
    coding('k2', 'd1', 'c-training', 'ben', 10, 30),
    coding('k3', 'd2', 'c-everything', 'ana', 0, 100),
    coding('k4', 'd2', 'c-everything', 'ben', 0, 100),
    coding('k5', 'd1', 'c-delays', 'ana', 40, 48),
    coding('k6', 'd1', 'c-delays', 'ana', 45, 50),
  ],
  memos: [],
  cases: [],
  variables: [],
  sets: [],
  summaries: [],
};

async function openAgreement(page: Page) {
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Agreement' }).click();
  const table = page.getByRole('table', { name: 'Agreement by code' });
  await expect(table).toBeVisible();
  return table;
}

/** The texts of the cells of a code's overall row. */
const cells = (page: Page, code: string) => page.locator('.agreement-table tr.agreement-overall').filter({ hasText: code }).getByRole('cell').allInnerTexts();

const overallCodes = (page: Page) =>
  page.locator('.agreement-table tr.agreement-overall td.agreement-code').allInnerTexts().then((t) => t.map((s) => s.replace(/^[▸▾]\s*/, '').trim()));

async function axeClean(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.passes.length).toBeGreaterThan(10);
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${what}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.describe('with two coders’ codings', () => {
  test.use({ projectContent: PROJECT });

  test('the table shows hand-computed agreement, sorts, and shows undefined as undefined', async ({ page }) => {
    const table = await openAgreement(page);
    await expect(page.getByRole('checkbox', { name: /Ana/ })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: /Ben/ })).toBeChecked();
    await expect(page.getByText(/Unit: each character of a document/)).toBeVisible();
    // Soft hyphens let long headers wrap; the sort mark shows on the sorted column.
    const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.replace(/\u00ad/g, ''));
    expect(headers).toEqual([
      'Code ▲',
      'Document',
      'Units',
      '% agreement',
      'Cohen’s κ',
      'Fleiss’ κ',
      'Krippendorff’s α',
      'Both',
      'Only Ana',
      'Only Ben',
      'Neither',
    ]);

    // Overall rows, by code name.
    expect(await overallCodes(page)).toEqual(['delays', 'everything', 'training']);
    expect((await cells(page, 'training')).slice(1, 4)).toEqual(['All documents', '200', '90.0 %']);
    expect((await cells(page, 'training'))[4]).toBe('0.444');
    expect((await cells(page, 'everything')).slice(3, 5)).toEqual(['100.0 %', '1.000']);
    expect((await cells(page, 'delays')).slice(3, 5)).toEqual(['95.0 %', '0.000']);

    // The per-document row of training: the 2×2 table behind κ = 0.375.
    await table.getByRole('button', { name: /^training: show 1 document/ }).click();
    const trainingDoc = table.getByRole('row').filter({ has: page.getByRole('button', { name: 'Compare coders: training in Interview 1' }) });
    await expect(trainingDoc.getByRole('cell')).toHaveText(['training', 'Interview 1', '100', '80.0 %', '0.375', /./, /./, '10', '10', '10', '70']);

    // Perfect agreement on every character of Interview 2: κ has no value, and says so.
    await table.getByRole('button', { name: /^everything: show 1 document/ }).click();
    const everythingDoc = table.getByRole('row').filter({ has: page.getByRole('button', { name: 'Compare coders: everything in Interview 2' }) });
    await expect(everythingDoc.getByRole('cell').nth(3)).toHaveText('100.0 %');
    const undefinedKappa = everythingDoc.getByRole('cell').nth(4).locator('.agreement-undefined');
    await expect(undefinedKappa).toHaveText('undefined');
    await expect(undefinedKappa).toHaveAttribute('title', /no variation/);
    await page.screenshot({ path: '.tmp/shots/agreement-table.png' });
    await axeClean(page, 'agreement table');

    // Sorting: by Cohen's κ, highest first, then lowest first.
    const kappaHeader = table.getByRole('columnheader', { name: /Cohen/ });
    await expect(kappaHeader).toHaveAttribute('aria-sort', 'none');
    await expect(table.getByRole('columnheader', { name: 'Code', exact: true })).toHaveAttribute('aria-sort', 'ascending');
    await kappaHeader.getByRole('button').click();
    await expect(kappaHeader).toHaveAttribute('aria-sort', 'descending');
    expect(await overallCodes(page)).toEqual(['everything', 'training', 'delays']);
    await kappaHeader.getByRole('button').click();
    await expect(kappaHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(await overallCodes(page)).toEqual(['delays', 'training', 'everything']);

    // The document unit: training is used in Interview 1 by both and in Interview 2 by neither.
    await page.getByRole('radio', { name: 'Document' }).check();
    await expect(page.getByText(/Unit: each document/)).toBeVisible();
    await expect.poll(async () => (await cells(page, 'training')).slice(2, 5)).toEqual(['2', '100.0 %', '1.000']);

    // The segment unit asks for the overlap, 90 % by default.
    await page.getByRole('radio', { name: 'Segment' }).check();
    await expect(page.getByRole('spinbutton', { name: /Minimum overlap/ })).toHaveValue('90');
    await expect(page.getByText(/at least 90 % of the longer one/)).toBeVisible();
  });

  test('a document row opens the two coders side by side; the table exports as CSV', async ({ page }) => {
    const table = await openAgreement(page);
    await table.getByRole('button', { name: /^training: show/ }).click();
    await table.getByRole('row').filter({ hasText: 'Interview 1' }).getByRole('cell').nth(4).click();

    const compare = page.getByRole('region', { name: 'training in “Interview 1”' });
    await expect(compare).toBeVisible();
    await expect(compare.getByRole('list', { name: 'Legend' })).toContainText('Ana (1 coding)');
    await expect(compare.getByRole('list', { name: 'Legend' })).toContainText('Ben (1 coding)');
    await expect(compare).toContainText('10 of 30 coded characters are coded by both coders.');
    await expect(compare).toContainText('Agreement on this document: 80.0 %, Cohen’s κ 0.375.');
    const passage = compare.getByRole('list', { name: 'Coded passages' }).getByRole('listitem');
    await expect(passage).toHaveCount(1);
    await expect(passage).toContainText('Ana: 0–20 · Ben: 10–30');
    // Where both coded, shaded; where only one did, that coder's underline alone.
    await expect(passage.locator('.cov.all')).toHaveText(DOC1.slice(10, 20));
    await expect(passage.locator('.cov[title="Coded by Ana"]')).toHaveText(DOC1.slice(0, 10));
    await expect(passage.locator('.cov[title="Coded by Ben"]')).toHaveText(DOC1.slice(20, 30));
    await page.screenshot({ path: '.tmp/shots/agreement-side-by-side.png' });
    await axeClean(page, 'side by side');

    await compare.getByRole('button', { name: 'Back to the table' }).click();
    await expect(table).toBeVisible();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export table (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe('Team study agreement (char).csv');
    const csv = await fs.readFile((await download.path())!, 'utf8');
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('code,document,unit,coders,percent_agreement,cohen_kappa,fleiss_kappa,krippendorff_alpha,units,both,only_first,only_second,neither,agreed');
    expect(lines).toContain('training,Interview 1,char,Ana; Ben,0.8,0.375,' + lines.find((l) => l.startsWith('training,Interview 1,'))!.split(',').slice(6).join(','));
    const everythingDoc = lines.find((l) => l.startsWith('everything,Interview 2,'))!.split(',');
    expect(everythingDoc.slice(4, 6)).toEqual(['1', '']);
  });
});

test('with fewer than two coders, the view says agreement needs two coders and points to merging', async ({ page }) => {
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Agreement' }).click();
  const view = page.getByRole('region', { name: 'Agreement' });
  await expect(view).toContainText('Nobody has coded anything in this project yet.');
  await expect(view).toContainText('Team ▸ Merge another copy of this project…');
  await expect(page.getByRole('table')).toHaveCount(0);
});
