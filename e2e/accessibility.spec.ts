/** axe on every view, open menu and dialog, in light and dark: no violations of any impact. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { VIEWS } from '../shared/app/views';
import { codeSelectionAs, importThroughChooser, selectWithMouse } from './helpers';

test('the main view with a document open has no axe violations', async ({ page }) => {
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
    expect(results.violations.map((v) => `${what}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
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

/** axe's violations of any impact on the page as it is now, described for the failure message. */
async function violations(page: import('@playwright/test').Page, what: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.passes.length).toBeGreaterThan(10);
  return results.violations.map((v) => `${what}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.use({ projectSource: 'sample' });

    test(`every view and open menu has no axe violations (${colorScheme})`, async ({ page }) => {
      test.setTimeout(240_000);
      await page.emulateMedia({ colorScheme });
      await expect(page.getByRole('article', { name: /^Text of / })).toBeVisible();
      const found: string[] = [];
      const check = async (what: string) => found.push(...(await violations(page, what)));
      const menu = async (what: string, open: () => Promise<void>) => {
        await open();
        await expect(page.getByRole('menu')).toBeVisible();
        await check(what);
        await page.keyboard.press('Escape');
        await expect(page.getByRole('menu')).toBeHidden();
      };

      await check('reader');
      for (const name of ['Exchange', 'Export', 'Team', 'Help']) await menu(`${name} menu`, () => page.getByRole('button', { name, exact: true }).click());
      await menu('document menu', () => page.getByRole('button', { name: 'Document actions' }).click());
      await menu('code menu', () => page.getByRole('button', { name: /^More actions for / }).first().click());
      await menu('coded passage menu', async () => {
        const mark = await page.evaluate(() => {
          let found: { x: number; y: number } | null = null;
          CSS.highlights.forEach((h, name) => {
            if (found || !name.startsWith('code-')) return;
            const rect = [...h][0] && (([...h][0] as Range).getClientRects()[0] ?? null);
            if (rect) found = { x: rect.left + 3, y: rect.top + rect.height / 2 };
          });
          return found as { x: number; y: number } | null;
        });
        if (!mark) throw new Error('no coded passage on screen');
        await page.mouse.click(mark.x, mark.y, { button: 'right' });
      });
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await check('shortcut sheet');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Excerpts', exact: true }).click();
      await page.getByRole('checkbox').first().check();
      await expect(page.getByRole('list', { name: 'Coded passages' }).getByRole('listitem').first()).toBeVisible();
      await check('excerpts');

      await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Agreement' }).click();
      await expect(page.getByRole('region', { name: 'Agreement' })).toBeVisible();
      await check('agreement');

      // The views added after these three, each reached by its Ctrl+digit as a keyboard user would.
      for (const [i, view] of VIEWS.entries()) {
        if (i < 3) continue;
        await page.keyboard.press(`Control+${i + 1}`);
        await expect(page.getByRole('group', { name: 'View' }).getByRole('button', { name: view.label, exact: true })).toHaveAttribute('aria-pressed', 'true');
        await page.waitForTimeout(300);
        await check(`${view.label} view`);
      }

      await page.setViewportSize({ width: 700, height: 700 });
      await page.getByRole('button', { name: 'Reader', exact: true }).click();
      await menu('More menu (700 wide)', () => page.getByRole('button', { name: 'More: exchange, export, team and help' }).click());
      expect(found).toEqual([]);
    });
  });
}
