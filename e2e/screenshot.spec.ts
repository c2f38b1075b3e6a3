/**
 * The README screenshot: the sample project with a few more codings, overlapping ones
 * included, at 1400×850. Written to docs/screenshot.png when UPDATE_SCREENSHOT=1 or when
 * the file is missing; otherwise it is only attached to the test's results, so a changed
 * pixel never fails the suite.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { codeSelectionAs, pointOf, readerText, selectWithMouse } from './helpers';

const SCREENSHOT = fileURLToPath(new URL('../docs/screenshot.png', import.meta.url));

test.use({ projectSource: 'sample', windowSize: { width: 1400, height: 850 } });

test('README screenshot of the sample project', async ({ page, app }, testInfo) => {
  await expect(page.getByRole('heading', { name: 'Interview 1 - Detective sergeant' })).toBeVisible();
  await expect(readerText(page)).toContainText('copied into emails and spreadsheets');

  // Two more codings that overlap the sample's, so the stripes show several codes side by side.
  await selectWithMouse(page, 'everything is copied', 'spreadsheets');
  await codeSelectionAs(page, 'Workload');
  await selectWithMouse(page, "The council's records team", 'ten working days');
  await codeSelectionAs(page, 'Data sharing');

  const point = await pointOf(page, 'copied into emails');
  await page.mouse.move(point.x, point.y);
  await expect(page.getByRole('tooltip')).toContainText('Workload');
  await expect(page.getByRole('status')).toContainText('Saved');

  // No focus ring around the whole text in the picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const update = process.env.UPDATE_SCREENSHOT === '1' || !existsSync(SCREENSHOT);
  const path = update && app.kind === 'browser' ? SCREENSHOT : testInfo.outputPath('screenshot.png');
  await page.screenshot({ path });
  await testInfo.attach('screenshot', { path, contentType: 'image/png' });
});
