/**
 * Coders: the first-run name prompt (and changing the name later), and a project coded by
 * two people, whose codings can be shown for all coders or a chosen few.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { codeSchema, codingSchema, documentSchema, type ProjectFile } from '../shared/model/schema';
import { emptyProjectFile } from '../shared/model/state';
import { expect, PROJECT_NAME, test } from './fixtures';
import { codeHighlights, codeRow, codeSelectionAs, importThroughChooser, pointOf, readerText, selectWithMouse } from './helpers';

async function expectNoSeriousAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.passes.length).toBeGreaterThan(10);
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${what}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.describe('first run', () => {
  test.use({ coderName: null });

  test('asks for the coder’s name, refuses an empty one, shows it in the badge and on new codings; the name can be changed', async ({ page, app }, testInfo) => {
    const dialog = page.getByRole('dialog', { name: 'What is your name?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Every coding and memo records who made it');
    const name = dialog.getByRole('textbox', { name: 'Your name' });
    // Not prefilled with an account name ("root" here): one Enter must not record it.
    await expect(name).toHaveValue('');
    await expectNoSeriousAxeViolations(page, 'first-run name prompt');
    await page.screenshot({ path: testInfo.outputPath('first-run.png') });

    // An empty name is refused with a message; the dialog stays.
    await name.fill('   ');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Type your name');
    await expect(dialog).toBeVisible();
    // Escape does not dismiss the first-run question.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeVisible();

    await name.fill('Maya Okafor');
    await name.press('Enter');
    await expect(dialog).toBeHidden();
    const badge = page.getByRole('button', { name: /^Coder: Maya Okafor/ });
    await expect(badge).toBeVisible();

    // A new coding records the coder: the coverage tooltip says who made it.
    await importThroughChooser(page, [{ name: 'Interview.txt', content: 'Officer: Nobody trained us on the new system at all.' }]);
    await selectWithMouse(page, 'Nobody', 'system');
    await codeSelectionAs(page, 'training gaps');
    const at = await pointOf(page, 'trained');
    await page.mouse.move(at.x, at.y);
    await expect(page.getByRole('tooltip')).toContainText('training gaps');
    await expect(page.getByRole('tooltip')).toContainText('Maya Okafor');
    const saved = await app.readProject();
    expect(saved.coders.map((c) => c.name)).toEqual(['Maya Okafor']);
    expect(saved.codings.map((c) => c.coderId)).toEqual([saved.coders[0]!.id]);

    // Later: the badge opens the same question to change the name; Cancel is allowed now.
    await badge.click();
    const change = page.getByRole('dialog', { name: 'Change my coder name' });
    await expect(change.getByRole('textbox', { name: 'Your name' })).toHaveValue('Maya Okafor');
    await change.getByRole('button', { name: 'Cancel' }).click();
    await expect(change).toBeHidden();
    await page.getByRole('button', { name: 'Team', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Change my coder name…' }).click();
    await change.getByRole('textbox', { name: 'Your name' }).fill('Maya O.');
    await change.getByRole('button', { name: 'Save' }).click();
    await expect(change).toBeHidden();
    await expect(page.getByRole('button', { name: /^Coder: Maya O\./ })).toBeVisible();
    await expect(page.locator('.status-line')).toContainText('Coding as Maya O.');
  });
});

const TEXT = 'Officer: Nobody trained us on the new system. Requests to the council took weeks.';

/** A project coded by Ana and Ben: both coded the training passage, only Ben the delay. */
function twoCoderProject(): ProjectFile {
  const now = '2024-05-01T10:00:00.000Z';
  const file = emptyProjectFile(PROJECT_NAME, now);
  file.coders.push({ id: 'coder-ana', name: 'Ana', color: '#c2410c' }, { id: 'coder-ben', name: 'Ben', color: '#1d4ed8' });
  file.documents.push(documentSchema.parse({ id: 'doc-1', name: 'Interview', text: TEXT, createdAt: now, source: null, attributes: {} }));
  file.codes.push(
    codeSchema.parse({ id: 'code-training', name: 'training gaps', color: '#16a34a', parentId: null, codable: true, description: '', createdAt: now }),
    codeSchema.parse({ id: 'code-delays', name: 'delays', color: '#9333ea', parentId: null, codable: true, description: '', createdAt: now }),
  );
  const coding = (id: string, codeId: string, coderId: string, quote: string) => {
    const start = TEXT.indexOf(quote);
    const end = start + quote.length;
    return codingSchema.parse({ id, documentId: 'doc-1', codeId, coderId, start, end, quote, prefix: TEXT.slice(Math.max(0, start - 32), start), suffix: TEXT.slice(end, end + 32), createdAt: now });
  };
  file.codings.push(
    coding('k-ana', 'code-training', 'coder-ana', 'Nobody trained us'),
    coding('k-ben', 'code-training', 'coder-ben', 'trained us on the new system'),
    coding('k-ben-2', 'code-delays', 'coder-ben', 'took weeks'),
  );
  return file;
}

/** The highlighted texts of each code highlight (code-n) and coder underline (coder-n). */
async function highlighted(page: Page): Promise<{ codes: string[]; coders: string[][] }> {
  const codes = Object.values(await codeHighlights(page)).flat().sort();
  const coders = await page.evaluate(() => {
    const out: string[][] = [];
    CSS.highlights.forEach((h, name) => {
      if (name.startsWith('coder-')) out.push([...h].map((r) => r.toString()).sort());
    });
    return out.sort();
  });
  return { codes, coders };
}

test.describe('two coders', () => {
  test.use({ projectContent: twoCoderProject() });

  test('each coder’s codings are marked, and filtering to one coder hides the other’s highlights and counts', async ({ page }, testInfo) => {
    await expect(readerText(page)).toContainText('Nobody trained us');
    const legend = page.getByRole('group', { name: 'Coders shown' });
    await expect(legend).toContainText('Ana');
    await expect(legend).toContainText('Ben');
    await expect.poll(() => highlighted(page)).toEqual({
      codes: ['Nobody trained us', 'took weeks', 'trained us on the new system'],
      coders: [['Nobody trained us'], ['took weeks', 'trained us on the new system']],
    });
    const stripes = page.getByRole('group', { name: 'Coding stripes' });
    await expect(stripes.getByRole('img', { name: 'training gaps by Ana' })).toHaveCount(1);
    await expect(stripes.getByRole('img', { name: 'training gaps by Ben' })).toHaveCount(1);
    await expect(codeRow(page, 'training gaps').locator('.count')).toHaveText('2');
    await expect(codeRow(page, 'delays').locator('.count')).toHaveText('1');
    const at = await pointOf(page, 'trained');
    await page.mouse.move(at.x, at.y);
    await expect(page.getByRole('tooltip')).toContainText('Ana');
    await expect(page.getByRole('tooltip')).toContainText('Ben');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: testInfo.outputPath('two-coders.png') });

    // Only Ana: Ben's highlights, stripes and counts go; no coder marks with one coder shown.
    const filter = page.getByRole('button', { name: 'Coders: All ▾' });
    await filter.click();
    await expectNoSeriousAxeViolations(page, 'coder filter');
    await page.getByRole('checkbox', { name: /^Ben/ }).uncheck();
    await expect(page.getByRole('button', { name: 'Coders: Ana ▾' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('filtered.png') });
    await expect.poll(() => highlighted(page)).toEqual({ codes: ['Nobody trained us'], coders: [] });
    await expect(stripes.getByRole('img')).toHaveCount(1);
    await expect(codeRow(page, 'training gaps').locator('.count')).toHaveText('1');
    await expect(codeRow(page, 'delays').locator('.count')).toHaveText('0');
    await expect(legend).toBeHidden();
    // Ana is the only coder shown: she cannot be hidden too.
    await expect(page.getByRole('checkbox', { name: /^Ana/ })).toBeDisabled();

    // The Excerpts view follows the filter.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Excerpts', exact: true }).click();
    await page.getByRole('checkbox', { name: 'training gaps' }).check();
    const excerpts = page.getByRole('list', { name: 'Coded passages' }).getByRole('listitem');
    await expect(excerpts).toHaveCount(1);
    await expect(excerpts.first()).toContainText('Ana');

    // All coders again.
    await page.getByRole('button', { name: 'Coders: Ana ▾' }).click();
    await page.getByRole('checkbox', { name: 'All coders' }).check();
    await expect(excerpts).toHaveCount(2);
    await page.getByRole('button', { name: 'Reader', exact: true }).click();
    await expect.poll(async () => (await highlighted(page)).codes).toEqual(['Nobody trained us', 'took weeks', 'trained us on the new system']);
  });
});
