/** axe on the main view with a coded document open, the find bar and a dialog: no serious or critical violations. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { codeSelectionAs, importThroughChooser, selectWithMouse } from './helpers';

test('the main view with a document open has no serious or critical axe violations', async ({ page }) => {
  // Four full axe runs over the page: about 25 s on a quiet 2-core machine, over the 30 s default on a busy one.
  test.setTimeout(120_000);
  await importThroughChooser(page, [{ name: 'Interview.txt', content: 'Interviewer: Any training?\n\nOfficer: None at all, we learned on the job.' }]);
  await selectWithMouse(page, 'None at all', 'on the job');
  await codeSelectionAs(page, 'training gaps');
  await expect(page.getByRole('group', { name: 'Coding stripes' }).getByRole('img')).toHaveCount(1);

  const check = async (what: string) => {
    const results = await new AxeBuilder({ page }).analyze();
    // axe really ran over the page (it is injected past the CSP): many rules passed.
    expect(results.passes.length).toBeGreaterThan(10);
    if (process.env.AXE_VERBOSE) console.log(what, results.violations.map((v) => `${v.id} ${v.impact} ${v.nodes.length}`));
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${what}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  };
  await check('reader');

  // The code popover open on a selection.
  await selectWithMouse(page, 'Any', 'training');
  await expect(page.getByRole('combobox', { name: 'Code name' })).toBeVisible();
  await check('code popover');
  await page.keyboard.press('Escape');

  // The find bar with matches.
  await page.keyboard.press('Control+f');
  await page.keyboard.type('training');
  await expect(page.locator('.find-count')).toHaveText('1 of 1');
  await check('find bar');
  await page.keyboard.press('Escape');

  // The Anonymise dialog with its preview.
  await page.getByRole('button', { name: 'Document actions' }).click();
  await page.getByRole('menuitem', { name: 'Anonymise…' }).click();
  await page.getByLabel('Name to replace').fill('Officer');
  await expect(page.getByLabel('Preview')).toContainText('1 occurrence');
  await check('anonymise dialog');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Excerpts', exact: true }).click();
  await page.getByRole('checkbox', { name: 'training gaps' }).check();
  await check('excerpts');
});
