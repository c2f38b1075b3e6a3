/**
 * Coding beyond the first passage: digits 1–9 for the numbered codes (codebook order), overlapping codings shown
 * as two stripes, what covers a passage on hover, and the right-click menu (remove a code,
 * add a memo).
 */
import { CODER_NAME, expect, test } from './fixtures';
import { codeHighlights, codeRow, codeSelectionAs, importThroughChooser, pointOf, selectWithMouse } from './helpers';

const TEXT = [
  'Manager: Data requests from the police wait in a queue for weeks before anyone looks at them.',
  'Manager: We share data by email because the systems do not talk to each other.',
].join('\n');

async function highlightedBy(page: import('@playwright/test').Page, codeName: string): Promise<string[]> {
  const byName = await codeHighlights(page);
  // Map the code to its highlight through the stripes' data-code-id and the tree, not by guessing numbers.
  const color = await page.getByRole('list', { name: 'Code tree' }).getByLabel(`Colour of ${codeName}`).inputValue();
  const names = await page.evaluate((wanted) => {
    const rules = [...document.querySelectorAll('style[data-gloss="highlights"]')].map((s) => s.textContent ?? '').join('\n');
    const n = Number.parseInt(wanted.slice(1), 16);
    const rgb = `rgb(${(n >> 16) & 255} ${(n >> 8) & 255} ${n & 255} `;
    // A code has a rule for light and one for dark (@media): its name once.
    return [...new Set([...rules.matchAll(/::highlight\((code-\d+)\) \{ background-color: ([^;]+);/g)].filter((m) => m[2]!.startsWith(rgb)).map((m) => m[1]!))];
  }, color);
  return names.flatMap((name) => byName[name] ?? []).sort();
}

test('digits apply the numbered codes, overlaps show two stripes, hover says who coded, right-click removes and adds a memo', async ({ page, app }) => {
  await importThroughChooser(page, [{ name: 'Safeguarding manager.txt', content: TEXT }]);
  await expect(page.getByRole('heading', { name: 'Safeguarding manager' })).toBeVisible();

  await selectWithMouse(page, 'Data requests', 'for weeks');
  await codeSelectionAs(page, 'delays');
  await selectWithMouse(page, 'share data', 'by email');
  await codeSelectionAs(page, 'data sharing');

  // The popover numbers the codes in codebook order: 1 = data sharing, 2 = delays.
  await selectWithMouse(page, 'because', 'do not talk');
  const options = page.getByRole('listbox', { name: 'Codes' }).getByRole('option');
  await expect(options).toHaveText([/^data sharing\s*1$/, /^delays\s*2$/]);
  await page.keyboard.press('2');
  await expect(page.getByRole('combobox', { name: 'Code name' })).toBeHidden();
  await expect(codeRow(page, 'delays').locator('.count')).toHaveText('2');
  expect(await highlightedBy(page, 'delays')).toEqual(['Data requests from the police wait in a queue for weeks', 'because the systems do not talk']);

  // Using "delays" does not renumber: 1 is still data sharing.
  // An overlapping passage with the other code: both stay visible, as two stripes side by side.
  await selectWithMouse(page, 'We share', 'email because');
  await expect(options).toHaveText([/^data sharing\s*1$/, /^delays\s*2$/]);
  await page.keyboard.press('1');
  await expect(codeRow(page, 'data sharing').locator('.count')).toHaveText('2');
  expect(await highlightedBy(page, 'data sharing')).toEqual(['We share data by email because', 'share data by email']);
  const stripes = page.getByRole('group', { name: 'Coding stripes' });
  const sharing = stripes.getByRole('img', { name: 'data sharing (2 codings)' });
  const delaysOnLine2 = stripes.getByRole('img', { name: 'delays' }).last();
  await expect(sharing).toHaveCount(1);
  await expect(stripes.getByRole('img', { name: 'delays' })).toHaveCount(2);
  const a = (await sharing.boundingBox())!;
  const b = (await delaysOnLine2.boundingBox())!;
  expect(a.x).not.toBe(b.x); // separate columns…
  expect(Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)).toBeGreaterThan(5); // …beside the same line

  // Hovering the overlap says which codes and coders cover it.
  const overlap = await pointOf(page, 'because');
  await page.mouse.move(overlap.x, overlap.y);
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toContainText('data sharing');
  await expect(tooltip).toContainText('delays');
  await expect(tooltip).toContainText(CODER_NAME);

  // Right-click on a passage coded once: remove its code.
  const talk = await pointOf(page, 'talk');
  await page.mouse.click(talk.x, talk.y, { button: 'right' });
  await page.getByRole('menu', { name: 'Coded passage' }).getByRole('menuitem', { name: 'Remove delays' }).click();
  await expect(codeRow(page, 'delays').locator('.count')).toHaveText('1');
  expect(await highlightedBy(page, 'delays')).toEqual(['Data requests from the police wait in a queue for weeks']);

  // Right-click → Add memo…: a memo on that coding, saved in the project.
  const queue = await pointOf(page, 'queue');
  await page.mouse.click(queue.x, queue.y, { button: 'right' });
  await page.getByRole('menuitem', { name: 'Add memo…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Memo on “delays”' });
  await dialog.getByLabel('Title').fill('Queue');
  await dialog.getByLabel('Memo').fill('Requests wait for weeks; ask about the triage rules.');
  await dialog.getByRole('button', { name: 'Save memo' }).click();
  await expect(dialog).toBeHidden();
  await page.mouse.move(queue.x, queue.y + 1);
  await expect(page.getByRole('tooltip')).toContainText('Memo: Queue');

  const file = await app.readProject();
  const delaysCode = file.codes.find((c) => c.name === 'delays')!;
  const coding = file.codings.find((c) => c.codeId === delaysCode.id)!;
  expect(coding.quote).toBe('Data requests from the police wait in a queue for weeks');
  expect(file.memos).toEqual([
    expect.objectContaining({ target: { kind: 'coding', id: coding.id }, title: 'Queue', text: 'Requests wait for weeks; ask about the triage rules.' }),
  ]);
});
