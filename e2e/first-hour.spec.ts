/**
 * The first hour (issue 13): the rough edges a new researcher meets, each reproduced as the
 * user meets it. Every test names its item of the issue.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import type { ProjectFile } from '../shared/model/schema';
import { codeRow, codeSelectionAs, importThroughChooser, pointOf, readerText, selectWithMouse } from './helpers';

const INTERVIEW = [
  'Interviewer: How did your team learn the new case management system?',
  '',
  'Detective: Honestly, nobody ever trained us on the new system. We learned it by trial and error, and mistakes were made along the way.',
  '',
  'Interviewer: Did that affect how quickly you could share data with partners?',
  '',
  'Detective: Yes. Requests to the council took weeks, sometimes longer, because every request waited in a queue.',
].join('\n');

async function openInterview(page: import('@playwright/test').Page): Promise<void> {
  await importThroughChooser(page, [{ name: 'Interview 1.txt', content: INTERVIEW }]);
  await expect(readerText(page)).toContainText('nobody ever trained us');
}

test('item 9: the coded-passage menu opens on a safe action; Remove comes last, so Enter never deletes a coding', async ({ page, app }) => {
  await openInterview(page);
  await selectWithMouse(page, 'nobody', 'system');
  await codeSelectionAs(page, 'training gaps');

  const at = await pointOf(page, 'trained');
  await page.mouse.click(at.x, at.y, { button: 'right' });
  const menu = page.getByRole('menu', { name: 'Coded passage' });
  const items = menu.getByRole('menuitem');
  await expect(items.first()).toBeFocused();
  await expect(items.first()).toHaveText('Add memo…');
  await expect(items.last()).toHaveText('Remove training gaps');

  // A reflexive Enter opens the memo dialog rather than removing the coding.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Memo on “training gaps”' })).toBeVisible();
  await page.keyboard.press('Escape');
  const file = await app.readProject();
  expect(file.codings.map((c) => c.quote)).toEqual(['nobody ever trained us on the new system']);
});

test('item 14: the memo dialog starts in the memo; an empty title is derived from its first words', async ({ page, app }) => {
  await openInterview(page);
  await selectWithMouse(page, 'nobody', 'system');
  await codeSelectionAs(page, 'training gaps');
  const at = await pointOf(page, 'trained');
  await page.mouse.click(at.x, at.y, { button: 'right' });
  await page.getByRole('menuitem', { name: 'Add memo…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Memo on “training gaps”' });
  await expect(dialog.getByRole('textbox', { name: 'Memo' })).toBeFocused();
  await page.keyboard.type('No training at all.\nAsk the trainer.');
  await dialog.getByRole('button', { name: 'Save memo' }).click();
  await expect(dialog).toBeHidden();

  const file = await app.readProject();
  expect(file.memos.map((m) => ({ title: m.title, text: m.text }))).toEqual([{ title: 'No training at all.', text: 'No training at all.\nAsk the trainer.' }]);
});

test.describe('first run', () => {
  test.use({ coderName: null });

  test('item 13: the name question is not pre-filled with an account name such as "root"', async ({ page }) => {
    const dialog = page.getByRole('dialog', { name: 'What is your name?' });
    await expect(dialog).toBeVisible();
    // This machine's account is "root" with no full name: one Enter must not record it.
    const name = dialog.getByRole('textbox', { name: 'Your name' });
    await expect(name).toHaveValue('');
    await expect(name).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('alert')).toContainText('Type your name');
    await name.fill('Maya Okafor');
    await name.press('Enter');
    await expect(page.getByRole('button', { name: /^Coder: Maya Okafor/ })).toBeVisible();
  });
});


test('item 15: digits are stable (codebook order, or pinned codes first) and shown in the picker and the codes pane', async ({ page, app }) => {
  await openInterview(page);
  // Created and used in the order beta, alpha: by recency alpha would now be 1 and beta 2; by codebook order too,
  // so use beta last and check that 1 still means alpha.
  await selectWithMouse(page, 'nobody', 'system');
  await codeSelectionAs(page, 'beta');
  await selectWithMouse(page, 'trial', 'error');
  await codeSelectionAs(page, 'alpha');
  await selectWithMouse(page, 'Requests', 'weeks');
  const options = page.getByRole('listbox', { name: 'Codes' }).getByRole('option');
  await expect(options).toHaveText([/^alpha\s*1$/, /^beta\s*2$/]);
  await page.keyboard.press('2');
  await expect(page.getByRole('combobox', { name: 'Code name' })).toBeHidden();

  // Having just used beta does not make it 1.
  await selectWithMouse(page, 'mistakes', 'way');
  await expect(options).toHaveText([/^alpha\s*1$/, /^beta\s*2$/]);
  await page.keyboard.press('1');
  await expect(page.getByRole('combobox', { name: 'Code name' })).toBeHidden();
  const file = await app.readProject();
  const nameOf = new Map(file.codes.map((c) => [c.id, c.name]));
  expect(file.codings.map((c) => `${nameOf.get(c.codeId)}: ${c.quote}`).sort()).toEqual([
    'alpha: mistakes were made along the way',
    'alpha: trial and error',
    'beta: Requests to the council took weeks',
    'beta: nobody ever trained us on the new system',
  ]);

  // The codes pane shows the same digits beside the codes.
  await expect(codeRow(page, 'alpha').locator('kbd')).toHaveText('1');
  await expect(codeRow(page, 'beta').locator('kbd')).toHaveText('2');

  // Pinning beta gives it 1; the picker and the pane agree, and it lasts a reload.
  await codeRow(page, 'beta').getByRole('button', { name: 'More actions for beta' }).click();
  await page.getByRole('menuitem', { name: 'Pin to a digit key (1–9)' }).click();
  await expect(codeRow(page, 'beta').locator('kbd')).toHaveText('1');
  await expect(codeRow(page, 'alpha').locator('kbd')).toHaveText('2');
  await page.reload();
  await expect(codeRow(page, 'beta').locator('kbd')).toHaveText('1');
  await selectWithMouse(page, 'share data', 'partners');
  await expect(options).toHaveText([/^beta\s*1$/, /^alpha\s*2$/]);
});

test('item 16: "New sub-code…" on a code, and "Parent > child" in the picker, create a child code in one step', async ({ page, app }) => {
  await openInterview(page);
  await selectWithMouse(page, 'nobody', 'system');
  await codeSelectionAs(page, 'barriers');

  await codeRow(page, 'barriers').getByRole('button', { name: 'More actions for barriers' }).click();
  await page.getByRole('menuitem', { name: 'New sub-code…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New sub-code of “barriers”' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('cost');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(codeRow(page, 'cost')).toHaveAttribute('aria-level', '2');

  await selectWithMouse(page, 'trial', 'error');
  await page.keyboard.type('barriers > training');
  await expect(page.getByRole('option', { name: 'Create “training” under “barriers”' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Code name' })).toBeHidden();
  await expect(codeRow(page, 'training')).toHaveAttribute('aria-level', '2');

  const file = await app.readProject();
  const barriers = file.codes.find((c) => c.name === 'barriers')!;
  expect(file.codes.filter((c) => c.parentId === barriers.id).map((c) => c.name).sort()).toEqual(['cost', 'training']);
  const training = file.codes.find((c) => c.name === 'training')!;
  expect(file.codings.filter((c) => c.codeId === training.id).map((c) => c.quote)).toEqual(['trial and error']);
});

test('item 17: a code’s description shows in the picker’s highlighted entry and above its excerpts', async ({ page }) => {
  await openInterview(page);
  await selectWithMouse(page, 'nobody', 'system');
  await codeSelectionAs(page, 'training gaps');
  await codeRow(page, 'training gaps').getByRole('button', { name: 'More actions for training gaps' }).click();
  await page.getByRole('menuitem', { name: 'Describe…' }).click();
  const description = 'Staff say they were not taught a system or procedure they must use.';
  await page.getByRole('dialog', { name: 'Describe “training gaps”' }).getByRole('textbox', { name: 'Description' }).fill(description);
  await page.getByRole('button', { name: 'Save description' }).click();

  await selectWithMouse(page, 'trial', 'error');
  const input = page.getByRole('combobox', { name: 'Code name' });
  await expect(page.getByRole('option', { name: /training gaps/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('code-picker')).toContainText(description);
  await expect(input).toHaveAccessibleDescription(description);
  await page.keyboard.press('Escape');

  await codeRow(page, 'training gaps').getByRole('button', { name: 'training gaps', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Excerpts' }).getByRole('definition')).toHaveText(description);
});

test('item 5: coding never moves the text: the stripe gutter is reserved, so lines do not re-wrap', async ({ page }) => {
  await openInterview(page);
  const text = readerText(page);
  const before = await text.evaluate((el) => el.getBoundingClientRect().width);
  const lineStarts = () =>
    text.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return [...range.getClientRects()].map((r) => `${Math.round(r.left)},${Math.round(r.top)},${Math.round(r.width)}`);
    });
  const linesBefore = await lineStarts();
  // Three overlapping codings: three stripe lanes.
  await selectWithMouse(page, 'Honestly', 'system');
  await codeSelectionAs(page, 'one');
  await selectWithMouse(page, 'nobody', 'error');
  await codeSelectionAs(page, 'two');
  await selectWithMouse(page, 'trained', 'mistakes');
  await codeSelectionAs(page, 'three');
  await expect(page.getByRole('group', { name: 'Coding stripes' }).getByRole('img')).toHaveCount(3);
  expect(await text.evaluate((el) => el.getBoundingClientRect().width)).toBe(before);
  expect(await lineStarts()).toEqual(linesBefore);
});

test('item 4: no tooltip over the code popover, and Shift+Arrow selecting forward keeps the popover off the lines being selected', async ({ page }) => {
  await openInterview(page);
  await selectWithMouse(page, 'nobody', 'system');
  await codeSelectionAs(page, 'training gaps');

  // A selection that ends on coded text, the mouse resting there: the popover, no tooltip.
  await selectWithMouse(page, 'Honestly', 'trained');
  const input = page.getByRole('combobox', { name: 'Code name' });
  await expect(input).toBeVisible();
  const at = await pointOf(page, 'trained');
  await page.mouse.move(at.x + 3, at.y);
  await page.mouse.move(at.x + 5, at.y + 1);
  await page.waitForTimeout(200);
  await expect(page.getByRole('tooltip')).toBeHidden();
  await page.keyboard.press('Escape');

  // Keyboard: mid-page, Shift+Down selects on downwards; the popover opens above the selection.
  await importThroughChooser(page, [{ name: 'Interview 2.txt', content: `${'Interviewer: A question that takes a line.\n\n'.repeat(8)}${INTERVIEW}` }]);
  await expect(page.getByRole('heading', { name: 'Interview 2' })).toBeVisible();
  await readerText(page).focus();
  await page.evaluate(() => {
    const root = document.querySelector('article.reader-text')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const at = node.data.indexOf('Did that');
      if (at >= 0) return window.getSelection()!.collapse(node, at);
    }
  });
  await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(input).toBeVisible();
  const picker = (await page.getByTestId('code-picker').boundingBox())!;
  const selected = await page.evaluate(() => {
    const r = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
    return { top: r.top, bottom: r.bottom };
  });
  expect(picker.y + picker.height).toBeLessThanOrEqual(selected.top);
  // …and stays there while the selection grows.
  await page.keyboard.press('Shift+ArrowDown');
  const grown = (await page.getByTestId('code-picker').boundingBox())!;
  const selectedNow = await page.evaluate(() => window.getSelection()!.getRangeAt(0).getBoundingClientRect().top);
  expect(grown.y + grown.height).toBeLessThanOrEqual(selectedNow);
});

test('item 8: jumping from an excerpt puts focus on the passage, so the keyboard carries on there', async ({ page }) => {
  await openInterview(page);
  await selectWithMouse(page, 'Requests', 'weeks');
  await codeSelectionAs(page, 'delays');
  await page.getByRole('button', { name: 'Excerpts', exact: true }).click();
  await page.getByRole('checkbox', { name: 'delays' }).check();
  const excerpt = page.getByRole('list', { name: 'Coded passages' }).getByRole('listitem').first();
  await excerpt.getByRole('button').first().click();
  await expect(readerText(page)).toBeFocused();
  // The keyboard's menu key opens the passage's own menu.
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Coded passage' });
  await expect(menu.getByRole('menuitem', { name: 'Remove delays' })).toBeVisible();
});

const NOW = '2026-01-01T00:00:00.000Z';
const TEAM_TEXT = 'Officer: We had no training at all, so we learned on the job. Requests waited for weeks, and nobody answered the letters.';
const YELLOW = '#f0e442';

/** Two coders who both chose the yellow of a code, having coded the same code in one document. */
function teamProject(): ProjectFile {
  const coding = (id: string, coderId: string, quote: string, codeId = 'c-training') => {
    const start = TEAM_TEXT.indexOf(quote);
    const end = start + quote.length;
    return { id, documentId: 'd1', codeId, coderId, start, end, quote, prefix: TEAM_TEXT.slice(Math.max(0, start - 32), start), suffix: TEAM_TEXT.slice(end, end + 32), createdAt: NOW, needsReview: false };
  };
  return {
    format: 'gloss-project',
    version: 1,
    project: { name: 'Team study', description: '', createdAt: NOW, modifiedAt: NOW },
    coders: [
      { id: 'ana', name: 'Ana', color: YELLOW },
      { id: 'ben', name: 'Ben', color: YELLOW },
    ],
    documents: [{ id: 'd1', name: 'Interview 1', text: TEAM_TEXT, createdAt: NOW, source: null, attributes: {}, structure: [] }],
    codes: [
      { id: 'c-training', name: 'training gaps and the long wait for anyone to explain the new system', color: YELLOW, description: '', parentId: null, codable: true, createdAt: NOW },
      { id: 'c-delays', name: 'delays', color: '#0072b2', description: '', parentId: null, codable: true, createdAt: NOW },
    ],
    codings: [coding('k1', 'ana', 'no training at all'), coding('k2', 'ben', 'training at all, so we learned'), coding('k3', 'ben', 'waited for weeks', 'c-delays')],
    memos: [],
    cases: [],
    variables: [],
    sets: [],
    summaries: [],
  };
}

const rgbOf = (hex: string) => `rgb(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)})`;
const dotColors = (scope: Locator) => scope.locator('.coder-dot').evaluateAll((dots) => dots.map((d) => getComputedStyle(d).backgroundColor));

test.describe('a team project', () => {
  test.use({ projectContent: teamProject() });

  test('item 1 and 6: one colour per coder in the toolbar, legend, filter, tooltip and agreement side by side, never a code’s', async ({ page }) => {
    await expect(readerText(page)).toContainText('no training at all');
    // The person at this computer codes too, so the toolbar's badge is one of the project's coders.
    await selectWithMouse(page, 'nobody', 'letters');
    await codeSelectionAs(page, 'delays');

    const legend = page.getByRole('group', { name: 'Coders shown' });
    await expect(legend).toContainText('Ana Researcher');
    const legendColors = await dotColors(legend);
    const byName = new Map((await legend.locator('li').allInnerTexts()).map((name, i) => [name.replace(/\s*\(.*$/, '').trim(), legendColors[i]!]));
    expect([...byName.keys()].sort()).toEqual(['Ana', 'Ana Researcher', 'Ben']);
    expect(new Set(byName.values()).size).toBe(3);
    expect([...byName.values()]).not.toContain(rgbOf(YELLOW));
    expect([...byName.values()]).not.toContain(rgbOf('#0072b2'));

    // The toolbar badge.
    expect(await dotColors(page.getByRole('button', { name: /^Coder: Ana Researcher/ }))).toEqual([byName.get('Ana Researcher')]);
    // The coder filter.
    await page.getByRole('button', { name: 'Coders: All ▾' }).click();
    for (const name of ['Ana', 'Ana Researcher', 'Ben']) {
      expect(await dotColors(page.locator('label.check').filter({ hasText: new RegExp(`^\\s*${name}\\s*\\d`) }))).toEqual([byName.get(name)]);
    }
    await page.keyboard.press('Escape');
    // The tooltip over the passage both coded.
    const at = await pointOf(page, 'at all');
    await page.mouse.move(at.x, at.y);
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip).toContainText('Ben');
    const tipColors = await dotColors(tooltip);
    const tipNames = await tooltip.locator('li').allInnerTexts();
    tipNames.forEach((line, i) => expect(tipColors[i], line).toBe(byName.get(line.includes('Ben') ? 'Ben' : 'Ana')));
    await page.mouse.move(0, 0);

    // The agreement side by side.
    await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Agreement' }).click();
    const table = page.getByRole('table', { name: 'Agreement by code' });
    await table.getByRole('button', { name: /^training gaps.*: show 1 document/ }).click();
    await table.getByRole('button', { name: /^Compare coders: training gaps/ }).click();
    const compareLegend = page.getByRole('list', { name: 'Legend' });
    await expect(compareLegend).toContainText('Ana (1 coding)');
    const lines = await compareLegend.locator('.agreement-legend-line').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    const lineNames = (await compareLegend.locator('li').allInnerTexts()).slice(0, lines.length).map((t) => t.replace(/\s*\(.*$/, '').trim());
    lineNames.forEach((name, i) => expect(lines[i], name).toBe(byName.get(name)));
  });

  test('item 20: a long code name wraps beside its swatch and the coder’s name stays on its line', async ({ page }) => {
    await expect(readerText(page)).toContainText('no training at all');
    const at = await pointOf(page, 'no training');
    await page.mouse.move(at.x, at.y);
    const line = page.getByRole('tooltip').locator('li').first();
    await expect(line).toContainText('Ana');
    const code = (await line.locator('.coverage-code').boundingBox())!;
    const coder = (await line.locator('.coverage-coder').boundingBox())!;
    const swatch = (await line.locator('.swatch').boundingBox())!;
    // The coder's name follows the code's last line rather than starting a line of its own under the swatch.
    expect(coder.x).toBeGreaterThan(swatch.x + swatch.width);
    expect(coder.y).toBeLessThan(code.y + code.height);
    expect(coder.height).toBeLessThan(30);
  });

  test('item 6: coded text in the excerpt cards meets WCAG AA in light and dark', async ({ page }) => {
    test.setTimeout(90_000);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.getByRole('button', { name: 'Excerpts', exact: true }).click();
      await page.getByRole('checkbox', { name: /^training gaps/ }).check();
      await expect(page.getByRole('list', { name: 'Coded passages' }).getByRole('listitem')).toHaveCount(2);
      const results = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
      expect(results.violations.map((v) => `${colorScheme}: ${v.nodes.map((n) => n.failureSummary).join(' | ')}`)).toEqual([]);
      // The reader's highlights are CSS highlights, which axe does not see: highlights.test.ts checks their contrast.
      await page.getByRole('button', { name: 'Reader', exact: true }).click();
    }
  });
});

test('item 18: "?" and Help open the shortcut sheet, listing the command table’s keys and the reader’s own', async ({ page }) => {
  await openInterview(page);
  await readerText(page).focus();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  const commands = sheet.getByRole('region', { name: 'Commands' });
  const row = (action: string) => commands.getByRole('row').filter({ has: page.getByRole('cell', { name: action, exact: true }) });
  await expect(row('Import Documents')).toContainText('Ctrl+I');
  await expect(row('Redo')).toContainText('Ctrl+Shift+Z');
  await expect(row('Redo')).toContainText('Ctrl+Y');
  await expect(row('Excerpts')).toContainText('Ctrl+2');
  await expect(row('Keyboard Shortcuts')).toContainText('?');
  const reader = sheet.getByRole('region', { name: 'Selecting and coding text' });
  for (const keys of ['1 … 9', 'Shift+Ctrl+Arrow keys', 'Shift+F10']) await expect(reader.locator('kbd', { hasText: keys })).toHaveCount(1);
  await expect(sheet.getByRole('region', { name: 'Find in document' })).toContainText('F3');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  // "?" typed into a text field is just a character.
  await selectWithMouse(page, 'nobody', 'system');
  await page.getByRole('combobox', { name: 'Code name' }).fill('why?');
  await expect(sheet).toBeHidden();
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Help', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Keyboard shortcuts (?)' }).click();
  await expect(sheet).toBeVisible();
});

test('item 19: one Import in the toolbar, and a short how-to-start card on the empty project', async ({ page }) => {
  await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(1);
  const reader = page.getByRole('region', { name: 'Reader' });
  await expect(reader.getByRole('heading', { name: 'How to start' })).toBeVisible();
  await expect(reader.getByRole('listitem')).toHaveText([/^Import .*Ctrl\+I/, /^Select .*Shift\+arrow keys/, /^Code it: .*Enter.*1–9/]);
  // The help is said once: the Documents pane does not repeat it.
  await expect(page.getByRole('region', { name: 'Documents' })).not.toContainText('Import');
  await openInterview(page);
  await expect(reader.getByRole('heading', { name: 'How to start' })).toBeHidden();
});

for (const size of [{ width: 1024, height: 700 }, { width: 1280, height: 800 }]) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ windowSize: size });

    test('item 2: the toolbar stays one row with the views beneath, folding what does not fit into a More menu', async ({ page }) => {
      await openInterview(page);
      const toolbar = page.locator('header.toolbar');
      const buttons = toolbar.getByRole('button');
      const tops = await buttons.evaluateAll((els) => [...new Set(els.map((e) => Math.round(e.getBoundingClientRect().top)))]);
      expect(tops).toHaveLength(1);
      // Nothing cut off at the right edge.
      const right = await toolbar.evaluate((el) => el.getBoundingClientRect().right);
      for (const box of await buttons.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right))) expect(box).toBeLessThanOrEqual(right);
      // The views are tabs on a row of their own, so at 1024 and up every menu fits the toolbar.
      for (const name of ['Exchange', 'Export', 'Team', 'Help']) await expect(toolbar.getByRole('button', { name, exact: true })).toBeVisible();
      const more = toolbar.getByRole('button', { name: 'More: exchange, export, team and help' });
      await expect(more).toBeHidden();
      if (size.width === 1024) {
        // Narrower still (a window beside another), the menus fold into More rather than wrap.
        await page.setViewportSize({ width: 700, height: size.height });
        const folded = await buttons.evaluateAll((els) => [...new Set(els.map((e) => Math.round(e.getBoundingClientRect().top)))]);
        expect(folded).toHaveLength(1);
        await more.click();
        await expect(page.getByRole('menuitem', { name: 'Merge another copy of this project…' })).toBeVisible();
        await expect(page.getByRole('menuitem', { name: 'Keyboard shortcuts (?)' })).toBeVisible();
        await page.keyboard.press('Escape');
      }
    });
  });
}

for (const size of [{ width: 1024, height: 700 }, { width: 1280, height: 800 }]) {
  test.describe(`agreement at ${size.width}×${size.height}`, () => {
    test.use({ windowSize: size, projectContent: teamProject() });

    test('item 2: every column of the agreement table can be reached, with its scrollbar in view and the code column kept', async ({ page }) => {
      await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Agreement' }).click();
      const table = page.getByRole('table', { name: 'Agreement by code' });
      await expect(table).toBeVisible();
      const wrap = page.locator('.agreement-table-wrap');
      // The box that scrolls sideways ends inside the window, so its scrollbar can be seen and used.
      const box = (await wrap.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(size.height);
      await wrap.evaluate((el) => (el.scrollLeft = el.scrollWidth));
      const headers = table.getByRole('columnheader');
      const last = (await headers.last().boundingBox())!;
      expect(last.x + last.width).toBeLessThanOrEqual(box.x + box.width + 1);
      // The code column stays at the left edge while scrolled.
      const first = (await headers.first().boundingBox())!;
      expect(Math.abs(first.x - box.x)).toBeLessThanOrEqual(2);
      const firstCell = (await table.getByRole('row').nth(1).getByRole('cell').first().boundingBox())!;
      expect(Math.abs(firstCell.x - box.x)).toBeLessThanOrEqual(2);
    });
  });
}

test('item 10: a long document name is whole on hover and in the reader header; the panes resize and keep their widths', async ({ page }) => {
  const name = '000_c0321e3bddb419f6a8e2d7c5b1a09e3f4d2c1b0a_interview_transcript_final';
  await importThroughChooser(page, [{ name: `${name}.txt`, content: INTERVIEW }]);
  const row = page.getByRole('list', { name: 'Documents' }).getByRole('button', { name, exact: true });
  await expect(row.locator('.row-name')).toHaveAttribute('title', name);
  const heading = page.getByRole('region', { name: 'Reader' }).getByRole('heading', { name, exact: true });
  await expect(heading).toBeVisible();
  // Not cut: the heading's text fits its box (it wraps instead).
  expect(await heading.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);

  // The Documents pane widens by dragging its splitter, and the Codes pane by keys.
  const documents = page.getByRole('region', { name: 'Documents' });
  const before = (await documents.boundingBox())!.width;
  const splitter = page.getByRole('separator', { name: 'Width of the Documents pane' });
  const at = (await splitter.boundingBox())!;
  await page.mouse.move(at.x + at.width / 2, at.y + 100);
  await page.mouse.down();
  await page.mouse.move(at.x + 120, at.y + 100, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => Math.round((await documents.boundingBox())!.width)).toBe(Math.round(before + 120 - at.width / 2));
  const codesSplitter = page.getByRole('separator', { name: 'Width of the Codes pane' });
  await codesSplitter.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(codesSplitter).toHaveAttribute('aria-valuenow', '322');
  const widened = Math.round((await documents.boundingBox())!.width);

  // Remembered after a reload.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Documents' })).toBeVisible();
  expect(Math.round((await page.getByRole('region', { name: 'Documents' }).boundingBox())!.width)).toBe(widened);
  await expect(page.getByRole('separator', { name: 'Width of the Codes pane' })).toHaveAttribute('aria-valuenow', '322');
});

test('item 7: an excerpt that spans paragraphs keeps its breaks, and counts are written one way', async ({ page }) => {
  await openInterview(page);
  // From the first answer into the next question: the passage holds a blank line.
  await selectWithMouse(page, 'mistakes were made', 'affect how quickly');
  await codeSelectionAs(page, 'training gaps');
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Excerpts', exact: true }).click();
  await page.getByRole('checkbox', { name: 'training gaps' }).check();
  const card = page.getByRole('list', { name: 'Coded passages' }).getByRole('listitem').first();
  const passage = card.locator('mark');
  await expect(passage).toContainText('mistakes were made');
  // innerText shows what is painted: the line breaks of the text, not one run-on line.
  expect(await passage.evaluate((el) => (el as HTMLElement).innerText)).toMatch(/along the way\.\n\nInterviewer: Did that affect how quickly/);
  await expect(page.locator('.excerpt-heading')).toHaveText('1 excerpt');
});
