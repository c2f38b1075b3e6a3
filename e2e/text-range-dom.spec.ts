/**
 * Unit tests of the DOM half of the reader's anchoring, renderer/src/reader/text-range.ts,
 * in Chromium: the module is bundled on its own and driven against a small DOM built the
 * way the reader builds it (see dom/text-range-page.ts), without the app around it. The
 * pure half (quote matching, re-anchoring) is tested in shared/text/.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));

/** An emoji (a surrogate pair), a family emoji (a ZWJ sequence), a speaker mark, and lines long enough to be cut into segments and chunks. */
const TEXT = [
  'Officer: I felt 😀 relieved, honestly.',
  '',
  'Then the 👩‍👩‍👧 family came in 🎉 and we talked for a very long time about everything.',
  'Last line.',
].join('\n');
const SPEAKER = { kind: 'speaker' as const, start: 0, end: 8, label: 'Officer' };

let bundle: string;
test.beforeAll(async () => {
  const built = await build({ entryPoints: [path.join(here, 'dom', 'text-range-page.ts')], bundle: true, format: 'iife', write: false, target: 'es2022' });
  bundle = built.outputFiles[0]!.text;
});

test.skip(({ appKind }) => appKind === 'electron', 'a unit test of one module in Chromium: the same in either project');

async function labPage(lazyBrowser: { get(): Promise<import('@playwright/test').Browser> }): Promise<Page> {
  const page = await (await lazyBrowser.get()).newPage();
  await page.setContent('<!doctype html><article id="root" style="white-space: pre-wrap"></article>');
  await page.addScriptTag({ content: bundle });
  return page;
}

type Lab = {
  render(text: string, structure?: unknown[], rendered?: number[]): import('../renderer/src/reader/text-range').TextLayout;
} & typeof import('../renderer/src/reader/text-range');

test('every offset maps to a DOM point and back, across segments, chunks, marks and emoji', async ({ lazyBrowser }) => {
  const page = await labPage(lazyBrowser);
  const result = await page.evaluate(
    ({ text, speaker }) => {
      const lab = (window as unknown as { lab: Lab }).lab;
      const layout = lab.render(text, [speaker]);
      const mismatches: string[] = [];
      for (let offset = 0; offset <= text.length; offset++) {
        // A line's '\n' belongs to no segment: its offset is the end of the line's last segment, which maps back to it.
        const point = lab.pointOfOffset(layout, offset);
        const back = point ? lab.offsetOfPoint(layout, point.node, point.offset) : null;
        if (back !== offset) mismatches.push(`${offset} → ${back}`);
      }
      return { chunks: layout.layout.chunks.length, segments: layout.layout.segments.length, mismatches };
    },
    { text: TEXT, speaker: SPEAKER },
  );
  expect(result.chunks).toBeGreaterThan(2);
  expect(result.segments).toBeGreaterThan(4);
  expect(result.mismatches).toEqual([]);
  await page.close();
});

test('a range over stored offsets reads exactly the stored text, emoji and marks included', async ({ lazyBrowser }) => {
  const page = await labPage(lazyBrowser);
  const spans: [number, number][] = [
    [TEXT.indexOf('😀'), TEXT.indexOf('😀') + 2],
    [TEXT.indexOf('family'), TEXT.indexOf('family') + 'family came'.length],
    [3, 20], // from inside the speaker mark into the text after it
    [TEXT.indexOf('👩'), TEXT.indexOf('family') - 1],
    [TEXT.indexOf('honestly'), TEXT.indexOf('Then')], // across a blank line, into the next paragraph
    [TEXT.indexOf('Last'), TEXT.length], // to the very end
  ];
  const texts = await page.evaluate(
    ({ text, speaker, spans }) => {
      const lab = (window as unknown as { lab: Lab }).lab;
      const layout = lab.render(text, [speaker]);
      return spans.map(([start, end]) => {
        const range = lab.rangeOfOffsets(layout, start, end);
        return range ? { text: range.toString(), back: lab.offsetsOfRange(layout, range) } : null;
      });
    },
    { text: TEXT, speaker: SPEAKER, spans },
  );
  // A DOM range's text has no line breaks between paragraphs: the segments are blocks.
  expect(texts).toEqual(spans.map(([start, end]) => ({ text: TEXT.slice(start, end).replace(/\n/g, ''), back: { start, end } })));
  await page.close();
});

test('an offset in a chunk that is not rendered has no DOM position, and points outside the text clamp to its ends', async ({ lazyBrowser }) => {
  const page = await labPage(lazyBrowser);
  const result = await page.evaluate(
    ({ text }) => {
      const lab = (window as unknown as { lab: Lab }).lab;
      const all = lab.render(text);
      const last = all.layout.chunks.at(-1)!;
      const layout = lab.render(text, [], [0]);
      const before = document.createElement('p');
      const after = document.createElement('p');
      layout.root.before(before);
      layout.root.after(after);
      const firstSeg = layout.root.querySelector('[data-seg]')!;
      return {
        unrendered: lab.pointOfOffset(layout, last.start),
        unrenderedRange: lab.rangeOfOffsets(layout, 0, last.start) === null,
        rendered: lab.pointOfOffset(layout, 2)?.offset,
        beforeText: lab.offsetOfPoint(layout, before, 0),
        afterText: lab.offsetOfPoint(layout, after, 0),
        length: layout.layout.length,
        chunkOfFirst: lab.chunkOfNode(layout, firstSeg.firstChild),
        chunkOfOutside: lab.chunkOfNode(layout, before),
        outsideRange: (() => {
          const range = document.createRange();
          range.selectNodeContents(after);
          return lab.offsetsOfRange(layout, range);
        })(),
      };
    },
    { text: TEXT },
  );
  expect(result).toEqual({
    unrendered: null,
    unrenderedRange: true,
    rendered: 2,
    beforeText: 0,
    afterText: TEXT.length,
    length: TEXT.length,
    chunkOfFirst: 0,
    chunkOfOutside: null,
    outsideRange: null,
  });
  await page.close();
});
