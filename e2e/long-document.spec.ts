/**
 * A long document in the reader: it is rendered in chunks, only around the view. Selecting
 * across a chunk boundary with the mouse codes the exact span; a drag that scrolls the text
 * keeps its start (and copies the whole passage); a passage far down, found with Find and
 * reached again from the Excerpts view, is scrolled into view and flashed; the outline of a
 * long web page jumps to a heading that was not rendered.
 */
import { expect, test } from './fixtures';
import { allHighlightedTexts, codeSelectionAs, importThroughChooser, readerText, selectWithMouse } from './helpers';
import type { Page } from '@playwright/test';

/** 400 paragraphs of about 550 characters: some 220,000 characters, dozens of chunks. */
const PARAGRAPHS = Array.from({ length: 400 }, (_, i) => {
  const words = ['staff', 'waited', 'for', 'the', 'records', 'team', 'and', 'nobody', 'explained', 'the', 'new', 'forms'];
  const body = Array.from({ length: 88 }, (_, w) => words[(w * 7 + i) % words.length]).join(' ');
  return `Para${i} opens. ${body} closes${i}.`;
});
const TEXT = PARAGRAPHS.join('\n');

/** The rendered chunks, and the paragraph numbers each starts and ends with. */
function renderedChunks(page: Page): Promise<{ index: number; first: number; last: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('article.reader-text [data-chunk]')].map((chunk) => {
      const numbers = [...chunk.querySelectorAll('[data-seg]')].map((p) => Number(/^Para(\d+)/.exec(p.textContent ?? '')?.[1]));
      return { index: Number(chunk.dataset.chunk), first: numbers[0]!, last: numbers[numbers.length - 1]! };
    }),
  );
}

test('a long document renders only some chunks, and a mouse selection across a chunk boundary codes the exact span', async ({ page, app }) => {
  await importThroughChooser(page, [{ name: 'Long interview.txt', content: TEXT }]);
  await expect(readerText(page)).toContainText('Para0 opens.');

  // Only a few chunks are in the DOM, not the whole text.
  const initial = await renderedChunks(page);
  expect(initial.length).toBeGreaterThan(1);
  expect(initial.length).toBeLessThan(12);
  expect(await readerText(page).evaluate((el) => el.textContent!.length)).toBeLessThan(TEXT.length / 5);

  // Scroll to the middle; chunks there are rendered instead.
  await page.locator('.reader-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  await expect.poll(async () => (await renderedChunks(page)).some((c) => c.first > 150)).toBe(true);
  const middle = (await renderedChunks(page)).filter((c) => c.first > 100);
  const boundary = middle[1]!; // a chunk with a rendered one before it
  const before = boundary.first - 1;

  // From the last words of the chunk before to the first words of the next one.
  await selectWithMouse(page, `closes${before}`, `Para${boundary.first} opens`);
  await codeSelectionAs(page, 'across chunks');
  const start = TEXT.indexOf(`closes${before}.`);
  const end = TEXT.indexOf(`Para${boundary.first} opens`) + `Para${boundary.first} opens`.length;

  // Drawn as one range per chunk, which together are exactly the passage.
  await expect.poll(async () => (await allHighlightedTexts(page)).sort((a, b) => a.length - b.length)).toEqual([`closes${before}.`, `Para${boundary.first} opens`].sort((a, b) => a.length - b.length));
  const file = await app.readProject();
  expect(file.codings.map((c) => ({ start: c.start, end: c.end, quote: c.quote }))).toEqual([{ start, end, quote: TEXT.slice(start, end) }]);
});

test('a drag that scrolls the text keeps its start, and a passage far down is reached from Find and from the Excerpts view', async ({ page, app }) => {
  await importThroughChooser(page, [{ name: 'Long interview.txt', content: TEXT }]);
  await expect(readerText(page)).toContainText('Para0 opens.');

  // Press in paragraph 2 and drag below the reader: it scrolls, the selection grows over chunks.
  const scroller = page.locator('.reader-scroll');
  const box = (await scroller.boundingBox())!;
  const startPoint = await page.evaluate(() => {
    const p = [...document.querySelectorAll('[data-seg]')].find((e) => e.textContent!.startsWith('Para2 '))!;
    const range = document.createRange();
    range.setStart(p.firstChild!, 0);
    range.setEnd(p.firstChild!, 1);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + 1, y: rect.top + rect.height / 2 };
  });
  await page.mouse.move(startPoint.x - 0.5, startPoint.y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height - 5, { steps: 5 });
  await page.mouse.move(box.x + box.width / 2, box.y + box.height + 60, { steps: 5 });
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop), { timeout: 10_000 }).toBeGreaterThan(6000);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
  await page.mouse.up();
  // Copying takes the passage from the document text, chunks that scrolled away included.
  const copied = await page.evaluate(() => {
    let text = '';
    const listen = (event: ClipboardEvent) => (text = event.clipboardData?.getData('text/plain') ?? '');
    window.addEventListener('copy', listen);
    document.execCommand('copy');
    window.removeEventListener('copy', listen);
    return text;
  });
  await codeSelectionAs(page, 'long drag');
  let file = await app.readProject();
  const drag = file.codings[0]!;
  expect(drag.start).toBe(TEXT.indexOf('Para2 opens'));
  expect(drag.end - drag.start).toBeGreaterThan(6000);
  expect(drag.quote).toBe(TEXT.slice(drag.start, drag.end));
  expect(copied.trim()).toBe(drag.quote);

  // Find the last paragraph's closing word, far below, and code it from the find bar.
  await readerText(page).focus();
  await page.keyboard.press('Control+f');
  await page.keyboard.type('closes399');
  await expect(page.getByRole('search', { name: 'Find in document' })).toContainText('1 of 1');
  await expect.poll(() => page.evaluate(() => [...(CSS.highlights.get('gloss-find-current') ?? [])].map((r) => r.toString()))).toEqual(['closes399']);
  await page.getByRole('button', { name: 'Code this match' }).click();
  await codeSelectionAs(page, 'the end');

  // Back at the top, then from the Excerpts view: the reader scrolls down to it and flashes it.
  await page.getByRole('button', { name: 'Close find bar' }).click();
  await scroller.evaluate((el) => (el.scrollTop = 0));
  await expect.poll(async () => (await renderedChunks(page)).every((c) => c.last < 390)).toBe(true);
  await page.getByRole('button', { name: 'Excerpts', exact: true }).click();
  await page.getByRole('checkbox', { name: 'the end' }).check();
  await page.getByRole('list', { name: 'Coded passages' }).getByRole('button').first().click();
  await expect.poll(() => page.evaluate(() => [...(CSS.highlights.get('gloss-flash') ?? [])].map((r) => r.toString()))).toEqual(['closes399']);
  // The virtualiser measures chunks as they render and corrects the scroll position, so
  // the passage may arrive in view a frame or two after the flash starts.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const range = [...(CSS.highlights.get('gloss-flash') ?? [])][0] as Range | undefined;
        if (!range) return false;
        const rect = range.getBoundingClientRect();
        const view = document.querySelector('.reader-scroll')!.getBoundingClientRect();
        return rect.top >= view.top && rect.bottom <= view.bottom;
      }),
    )
    .toBe(true);
  file = await app.readProject();
  const last = file.codings.find((c) => c.quote === 'closes399')!;
  expect(last.start).toBe(TEXT.indexOf('closes399'));
});

test('the outline of a long web page jumps to a heading far below', async ({ page }) => {
  const sections = Array.from({ length: 60 }, (_, i) => `<h2>Section ${i + 1}</h2><p>${PARAGRAPHS[i]} ${PARAGRAPHS[i + 60]}</p>`);
  const html = `<!doctype html><html><head><title>Report</title><script>alert(1)</script></head><body><h1>Annual report</h1>${sections.join('')}</body></html>`;
  await importThroughChooser(page, [{ name: 'Report.html', content: html }]);
  const text = readerText(page);
  await expect(text.getByRole('heading', { name: 'Annual report' })).toBeVisible();
  await expect(text.getByRole('heading', { name: 'Section 58' })).toHaveCount(0); // not rendered yet

  await page.getByRole('button', { name: /^Outline/ }).click();
  const outline = page.getByRole('menu', { name: 'Outline' });
  await expect(outline.getByRole('menuitem')).toHaveCount(61);
  await outline.getByRole('menuitem', { name: 'Section 58' }).click();
  const heading = text.getByRole('heading', { name: 'Section 58' });
  await expect(heading).toBeInViewport();
  const top = await heading.evaluate((el) => el.getBoundingClientRect().top - document.querySelector('.reader-scroll')!.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(0);
  expect(top).toBeLessThan(150); // near the top of the view
});
