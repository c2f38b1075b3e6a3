/**
 * The reader benchmark (issue 3, section 2): in Chromium, through the browser host, how long
 * a 1 MB document with 5,000 codings takes to open to its first highlighted screen, and how
 * much of that is registering highlights, against the same text with no codings.
 *
 * The project holds three documents: a short note (opened between runs, so every run opens
 * a document from scratch), the coded 1 MB interview, and a plain copy of its text. Each run
 * clicks the document in the Documents pane, waits for the reader's "painted" mark (set once
 * the first chunks are laid out with their highlights, see renderer/src/reader/reader-timing.ts)
 * and then for the next frame, and sums the reader's own measures of highlight registration.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { documentSchema } from '../../shared/model/schema';
import { serializeProject } from '../../shared/model/serialize';
import { startHost } from '../../electron/host/server';
import { syntheticProject } from './synthetic-project';
import { median, rounds } from './measure';

export const READER_SIZE = { characters: 1_000_000, codings: 5_000, codes: 40 };
/** The target for the first highlighted screen. */
export const READER_TARGET_MS = 300;
const WARMUPS = 2;
const REPEATS = 7;

export const CODED_NAME = 'Interview (coded)';
export const PLAIN_NAME = 'Interview (plain copy)';
const NOTE_NAME = 'A short note';

export interface ReaderFigures {
  /** Click on the coded document → first frame painted with its highlights, median ms. */
  reader_first_paint_ms: number;
  /** Of that, the time spent building and registering highlight ranges, median ms. */
  reader_highlight_ms: number;
  /** Click on the plain copy → first frame painted, median ms. */
  reader_baseline_ms: number;
  reader_ratio: number;
  /** Highlight ranges registered for the first screen of the coded document. */
  reader_ranges: number;
  reader_chunks: number;
}

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Writes the benchmark's project: the coded interview, its plain copy, and a short note. */
export async function writeReaderProject(file: string, seed = 20_260_301): Promise<void> {
  const project = syntheticProject({ documents: 1, characters: READER_SIZE.characters, codings: READER_SIZE.codings, codes: READER_SIZE.codes, memos: 0, seed });
  const coded = project.documents[0]!;
  coded.name = CODED_NAME;
  const plain = documentSchema.parse({ ...coded, id: '00000000-0000-4000-8000-00000000c0de', name: PLAIN_NAME });
  const note = documentSchema.parse({ ...coded, id: '00000000-0000-4000-8000-0000000000ab', name: NOTE_NAME, text: 'Opened between runs.', source: null });
  project.documents = [coded, plain, note].sort((a, b) => (a.id < b.id ? -1 : 1));
  await fs.writeFile(file, serializeProject(project), 'utf8');
}

/** The Chromium to drive: CHROMIUM_PATH, else the system's. */
export function chromiumPath(): string | null {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return null;
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Builds the renderer into `outDir` (the bench measures the code as it is, not an old dist/). */
export function buildRenderer(outDir: string): void {
  const result = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error('the renderer did not build (npx vite build)');
}

/**
 * The browser globals the in-page code below uses. This file is type-checked with Node's
 * library, not the DOM's, so the page's globals are described here and reached through
 * globalThis inside the functions that run in the page.
 */
interface PageGlobals {
  document: { querySelectorAll(selector: string): Iterable<{ textContent: string | null; click(): void }> & { length: number } };
  requestAnimationFrame(callback: () => void): number;
  CSS: { highlights: { forEach(callback: (highlight: { size: number }, name: string) => void): void } };
}

interface Opening {
  ms: number;
  highlightMs: number;
  ranges: number;
  chunks: number;
}

/** Opens a document by clicking it in the Documents pane and times it to the first painted frame. */
async function open(page: Page, name: string): Promise<Opening> {
  return page.evaluate(async (wanted) => {
    const { document, requestAnimationFrame, CSS } = globalThis as unknown as PageGlobals;
    const button = [...document.querySelectorAll('ul[aria-label="Documents"] button')].find((b) => b.textContent === wanted);
    if (!button) throw new Error(`no document called ${wanted} in the Documents pane`);
    const painted = new Promise<void>((resolve, reject) => {
      const observer = new PerformanceObserver((list) => {
        if (list.getEntries().some((e) => e.name === 'gloss:reader-painted')) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe({ entryTypes: ['mark'] });
      setTimeout(() => reject(new Error(`${wanted} did not open within 20 s`)), 20_000);
    });
    performance.clearMeasures('gloss:highlights');
    const start = performance.now();
    button.click();
    await painted;
    // The frame that shows it: the next animation frame, then past its paint.
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const ms = performance.now() - start;
    const highlightMs = performance.getEntriesByName('gloss:highlights').reduce((sum, e) => sum + e.duration, 0);
    let ranges = 0;
    CSS.highlights.forEach((highlight, key) => {
      if (key.startsWith('code-')) ranges += highlight.size;
    });
    return { ms, highlightMs, ranges, chunks: document.querySelectorAll('.reader-text [data-chunk]').length };
  }, name);
}

/** Runs the reader benchmark in `dir` (a temp folder); null with a reason when there is no Chromium. */
export async function measureReader(dir: string, progress: (message: string) => void): Promise<ReaderFigures | { skipped: string }> {
  const executablePath = chromiumPath();
  if (!executablePath) return { skipped: 'no Chromium found (set CHROMIUM_PATH)' };
  const rendererDir = path.join(dir, 'renderer');
  buildRenderer(rendererDir);
  const projectFile = path.join(dir, 'reader.gloss');
  await writeReaderProject(projectFile);
  progress('reader: project written and renderer built');

  const host = await startHost({ projectFile, dataDir: dir, rendererDir, saveDelayMs: 10 * 60_000, log: () => {} });
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${host.url}&timing=1`);
    await page.getByRole('button', { name: CODED_NAME, exact: true }).waitFor();
    let ranges = 0;
    let chunks = 0;
    // The note is open at the start of every round (it is first by name, so it opens first).
    const figures = await rounds(WARMUPS, REPEATS, async () => {
      const coded = await open(page, CODED_NAME);
      ranges = coded.ranges;
      chunks = coded.chunks;
      await open(page, NOTE_NAME);
      const plain = await open(page, PLAIN_NAME);
      await open(page, NOTE_NAME);
      return { coded: coded.ms, highlight: coded.highlightMs, plain: plain.ms };
    });
    if (ranges === 0) throw new Error('the coded document opened without any highlights: the benchmark is not measuring what it should');
    const first = median(figures.coded);
    const baseline = median(figures.plain);
    return {
      reader_first_paint_ms: first,
      reader_highlight_ms: median(figures.highlight),
      reader_baseline_ms: baseline,
      reader_ratio: first / baseline,
      reader_ranges: ranges,
      reader_chunks: chunks,
    };
  } finally {
    await browser.close();
    await host.close();
  }
}

/** The reader's lines for the bench table. */
export function readerTable(f: ReaderFigures | { skipped: string }): string {
  if ('skipped' in f) return `Reader (1 MB, 5,000 codings): skipped, ${f.skipped}.`;
  const mark = f.reader_first_paint_ms <= READER_TARGET_MS ? 'PASS' : 'MISS';
  return [
    `Reader in Chromium: ${READER_SIZE.characters.toLocaleString('en-US')} characters, ${READER_SIZE.codings.toLocaleString('en-US')} codings ` +
      `(median of ${REPEATS} openings after ${WARMUPS} warm-up; ${f.reader_chunks} chunks and ${f.reader_ranges} highlight ranges on the first screen)`,
    `  first highlighted screen  ${Math.round(f.reader_first_paint_ms)} ms (target ≤ ${READER_TARGET_MS} ms) ${mark}`,
    `  registering highlights    ${f.reader_highlight_ms.toFixed(1)} ms`,
    `  same text, no codings     ${Math.round(f.reader_baseline_ms)} ms (ratio ${f.reader_ratio.toFixed(2)}×)`,
  ].join('\n');
}

/** The reader's keys for the bench's JSON (the reason instead, when it was skipped). */
export function readerJson(f: ReaderFigures | { skipped: string }): Record<string, number | string> {
  return 'skipped' in f ? { reader_skipped: f.skipped } : { ...f };
}
