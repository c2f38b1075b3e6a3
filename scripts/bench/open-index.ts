/**
 * A quick measure of opening a big project in the browser (issue 15): through the browser
 * host in Chromium, from navigation until the Documents pane lists the documents, and until
 * the first document's text is painted; also how many bytes the page fetched from the
 * host's API while opening, and the page's JS heap. Over a bare JSON.parse of the same file
 * in Node, as the ratio asks.
 *
 *   npx tsx scripts/bench/open-index.ts [--file FILE] [--renderer-dir DIR] [--repeats N]
 *
 * The benchmark project (1,000 documents, 100,000 codings) is generated into FILE when it
 * does not exist. The renderer is the one in DIR (default dist/renderer; build it first).
 * `npm run bench` carries the permanent figures; this script is for before/after checks.
 */
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { serializeProject } from '../../shared/model/serialize';
import { DEFAULT_RENDERER_DIR, startHost } from '../../electron/host/server';
import { FULL_SIZE, syntheticProject } from './synthetic-project';
import { CHROMIUM_ARGS, chromiumPath } from './reader';
import { median, now } from './measure';

interface Opened {
  listMs: number;
  firstDocumentMs: number;
  apiBytes: number;
  heapMb: number;
}

/** Page-side: records when the document list and the reader's first paint appear. */
const RECORDER = `
  window.__opened = {};
  new MutationObserver(() => {
    if (window.__opened.list === undefined && document.querySelector('ul[aria-label="Documents"] button')) window.__opened.list = performance.now();
  }).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    if (window.__opened.painted === undefined && list.getEntries().some((e) => e.name === 'gloss:reader-painted')) window.__opened.painted = performance.now();
  }).observe({ entryTypes: ['mark'] });
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { file: { type: 'string' }, 'renderer-dir': { type: 'string' }, repeats: { type: 'string' } },
  });
  const file = path.resolve(values.file ?? path.join(os.tmpdir(), 'gloss-bench-full.gloss'));
  const rendererDir = path.resolve(values['renderer-dir'] ?? DEFAULT_RENDERER_DIR);
  const repeats = Number(values.repeats ?? 3);
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('no Chromium (set CHROMIUM_PATH)');
  if (!existsSync(file)) {
    process.stderr.write(`writing the benchmark project to ${file}…\n`);
    await fs.writeFile(file, serializeProject(syntheticProject(FULL_SIZE)));
  }
  const text = await fs.readFile(file, 'utf8');
  const parses: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = now();
    JSON.parse(text);
    parses.push(now() - start);
  }
  const parseMs = median(parses);

  // The host writes nothing: no change is made, and the lock is released at the end.
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-open-'));
  const host = await startHost({ projectFile: file, dataDir, rendererDir, coderName: 'Bench', saveDelayMs: 10 * 60_000, log: () => {} });
  const browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'] });
  const runs: Opened[] = [];
  try {
    for (let i = 0; i < repeats + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.addInitScript(RECORDER);
      let apiBytes = 0;
      page.on('requestfinished', (request) => {
        if (!request.url().includes('/api/invoke/')) return;
        void request.sizes().then((sizes) => (apiBytes += sizes.responseBodySize), () => {});
      });
      await page.goto(host.url);
      await page.waitForFunction(() => {
        const opened = (globalThis as unknown as { __opened: { list?: number; painted?: number } }).__opened;
        return opened.list !== undefined && opened.painted !== undefined;
      }, undefined, { timeout: 120_000, polling: 50 });
      const opened = await page.evaluate(() => {
        const o = (globalThis as unknown as { __opened: { list: number; painted: number } }).__opened;
        const memory = (globalThis.performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
        return { list: o.list, painted: o.painted, heap: memory ? memory.usedJSHeapSize / 2 ** 20 : NaN };
      });
      await page.waitForTimeout(300);
      if (i > 0) runs.push({ listMs: opened.list, firstDocumentMs: opened.painted, apiBytes, heapMb: opened.heap });
      process.stderr.write(`run ${i}: list ${Math.round(opened.list)} ms, first document ${Math.round(opened.painted)} ms, API ${(apiBytes / 2 ** 20).toFixed(1)} MB${i === 0 ? ' (warm-up)' : ''}\n`);
      await context.close();
    }
  } finally {
    await browser.close();
    await host.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
  const list = median(runs.map((r) => r.listMs));
  const first = median(runs.map((r) => r.firstDocumentMs));
  const figures = {
    file_mb: +(Buffer.byteLength(text) / 2 ** 20).toFixed(1),
    json_parse_ms: Math.round(parseMs),
    open_list_ms: Math.round(list),
    open_first_document_ms: Math.round(first),
    open_ratio: +(first / parseMs).toFixed(2),
    open_api_mb: +(median(runs.map((r) => r.apiBytes)) / 2 ** 20).toFixed(1),
    heap_mb: Math.round(median(runs.map((r) => r.heapMb))),
  };
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
