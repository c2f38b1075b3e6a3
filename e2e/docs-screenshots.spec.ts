/**
 * The screenshots in docs/screenshots/ (issue 13): the reader, Excerpts, Agreement and the
 * shortcut sheet at 1024×700, 1280×800 and 1920×1080, light and dark. Written there when
 * UPDATE_SCREENSHOTS=1; otherwise only attached to the results, so a changed pixel never
 * fails the suite. What each view must show is asserted before the picture is taken.
 */
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { codeSelectionAs, readerText, selectWithMouse } from './helpers';
import type { ProjectFile } from '../shared/model/schema';
import type { Page, TestInfo } from '@playwright/test';

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];
const SCHEMES = ['light', 'dark'] as const;

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
  const file = `${name}.png`;
  const path = process.env.UPDATE_SCREENSHOTS === '1' ? fileURLToPath(new URL(`../docs/screenshots/${file}`, import.meta.url)) : testInfo.outputPath(file);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

const NOW = '2026-01-01T00:00:00.000Z';
const TEXT =
  'Officer: We had no training at all, so we learned on the job. Requests to the council waited for weeks, and nobody answered the letters we sent.\n\nInterviewer: What would have helped?\n\nOfficer: One contact person at the council, and an hour of training on the new system.';

/** Two coders' codings of one interview, for the Agreement view. */
function teamProject(): ProjectFile {
  const coding = (id: string, coderId: string, codeId: string, quote: string) => {
    const start = TEXT.indexOf(quote);
    const end = start + quote.length;
    return { id, documentId: 'd1', codeId, coderId, start, end, quote, prefix: TEXT.slice(Math.max(0, start - 32), start), suffix: TEXT.slice(end, end + 32), createdAt: NOW, needsReview: false };
  };
  return {
    format: 'gloss-project',
    version: 1,
    project: { name: 'Team study', description: '', createdAt: NOW, modifiedAt: NOW },
    coders: [
      { id: 'ana', name: 'Ana Silva', color: '#3949ab' },
      { id: 'ben', name: 'Ben Okafor', color: '#d81b60' },
    ],
    documents: [{ id: 'd1', name: 'Interview 1 - Officer', text: TEXT, createdAt: NOW, source: null, attributes: {}, structure: [] }],
    codes: [
      { id: 'c-training', name: 'training gaps', color: '#e69f00', description: 'Staff were not taught a system or procedure they must use.', parentId: null, codable: true, createdAt: NOW },
      { id: 'c-delays', name: 'delays', color: '#0072b2', description: '', parentId: null, codable: true, createdAt: NOW },
      { id: 'c-contact', name: 'single point of contact', color: '#009e73', description: '', parentId: null, codable: true, createdAt: NOW },
    ],
    codings: [
      coding('k1', 'ana', 'c-training', 'no training at all'),
      coding('k2', 'ben', 'c-training', 'no training at all, so we learned on the job'),
      coding('k3', 'ana', 'c-delays', 'Requests to the council waited for weeks'),
      coding('k4', 'ben', 'c-delays', 'waited for weeks, and nobody answered the letters'),
      coding('k5', 'ana', 'c-contact', 'One contact person at the council'),
      coding('k6', 'ben', 'c-training', 'an hour of training on the new system'),
    ],
    memos: [],
    cases: [],
    variables: [],
    sets: [],
    summaries: [],
  };
}

for (const size of SIZES) {
  test.describe(`${size.width}×${size.height}`, () => {
    test.use({ windowSize: size, projectSource: 'sample' });

    test('reader, Excerpts and the shortcut sheet, light and dark', async ({ page }, testInfo) => {
      test.setTimeout(90_000);
      await expect(readerText(page)).toContainText('copied into emails and spreadsheets');
      await selectWithMouse(page, 'everything is copied', 'spreadsheets');
      await codeSelectionAs(page, 'Workload');
      for (const colorScheme of SCHEMES) {
        await page.emulateMedia({ colorScheme });
        const tag = `${size.width}x${size.height}-${colorScheme}`;
        await page.getByRole('button', { name: 'Reader', exact: true }).click();
        await expect(page.getByRole('group', { name: 'Coding stripes' }).getByRole('img').first()).toBeVisible();
        await shoot(page, testInfo, `reader-${tag}`);

        await page.getByRole('button', { name: 'Excerpts', exact: true }).click();
        await page.getByRole('checkbox', { name: 'Workload' }).check();
        await expect(page.getByRole('list', { name: 'Coded passages' }).getByRole('listitem').first()).toBeVisible();
        await shoot(page, testInfo, `excerpts-${tag}`);

        await page.keyboard.press('?');
        await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
        await shoot(page, testInfo, `shortcuts-${tag}`);
        await page.keyboard.press('Escape');
      }
    });
  });

  test.describe(`${size.width}×${size.height} team`, () => {
    test.use({ windowSize: size, projectContent: teamProject() });

    test('Agreement, light and dark', async ({ page }, testInfo) => {
      test.setTimeout(60_000);
      await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Agreement' }).click();
      const table = page.getByRole('table', { name: 'Agreement by code' });
      await expect(table).toBeVisible();
      await table.getByRole('button', { name: /^training gaps: show 1 document/ }).click();
      for (const colorScheme of SCHEMES) {
        await page.emulateMedia({ colorScheme });
        await shoot(page, testInfo, `agreement-${size.width}x${size.height}-${colorScheme}`);
      }
    });
  });
}
