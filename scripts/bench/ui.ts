/**
 * The UI benchmark (issue 15): the real renderer in Chromium, through the browser host, on
 * the benchmark project (FULL_SIZE: 1,000 documents, 10 M characters, 100,000 codings) and
 * on a one-document project, in the same run, so the scale ratios compare like with like
 * on however busy the machine is.
 *
 * The one-document project has the benchmark project's average document (10,000
 * characters, 100 codings) and the same 200 codes, so what differs between the two is the
 * number of documents and codings, which is what per-change work must not depend on.
 *
 * What is timed (each in the page, from the event to the frame after the change, see
 * ui-probe.ts):
 * - open: page load until the document list and the first document are shown, against
 *   readFile + JSON.parse of the same file in Node (the service bench's baseline);
 * - apply: a passage selected, the digit 1 pressed, until its highlight and the open
 *   document's count are painted; then undo (Ctrl+Z) until both are back. Rounds alternate
 *   between the two projects;
 * - switching documents in the Documents pane, until the first screen is painted;
 * - Agreement (character unit, every code): Compute until the table is back, and whether
 *   the status line showed progress meanwhile;
 * - Analysis (issue 12): each tab (Co-occurrence, Matrix of codes × documents, Frequencies)
 *   from its click until its table's first rows are painted, the figures computed by the host;
 * - Excerpts ▸ All until the first cards are painted with their words (last, as it may freeze the page), and
 *   until the whole list is made and its count shown (ui_excerpts_whole_ms);
 * - the page's JS heap with the benchmark project open, after a garbage collection.
 *
 * A step that does not finish within its time limit is reported at that limit (a lower
 * bound) and named in `ui_timed_out`, so one frozen view does not lose the other figures.
 *
 *   npx tsx scripts/bench/ui.ts [--quick]    runs it alone (also: npm run bench -- --ui-only)
 */
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serializeProject } from '../../shared/model/serialize';
import { startHost, type RunningHost } from '../../electron/host/server';
import { FULL_SIZE, syntheticProject, type SyntheticOptions } from './synthetic-project';
import { buildRenderer, chromiumPath, CHROMIUM_ARGS } from './reader';
import { median, now, timed } from './measure';
import { installProbe, KEEP_NAMES_SHIM, type Probe, type Seen } from './ui-probe';

/** The issue's targets. */
export const UI_TARGETS = {
  ui_open_ratio: 3,
  ui_apply_ms: 100,
  ui_apply_scale_ratio: 2,
  ui_undo_scale_ratio: 2,
  ui_switch_doc_ms: 300,
  ui_excerpts_all_ms: 500,
  ui_agreement_ms: 3000,
} as const;

const OPEN_WARMUPS = 1;
const OPEN_REPEATS = 3;
const APPLY_WARMUPS = 2;
/** The issue's "median of 20". */
const APPLY_REPEATS = 20;
const SWITCH_WARMUPS = 2;
const SWITCH_REPEATS = 7;
const AGREEMENT_REPEATS = 3;
const EXCERPTS_REPEATS = 3;

/** Time limits: generous, so that main's slowest figures (tens of seconds) are still measured. */
const OPEN_LIMIT_MS = 180_000;
const STEP_LIMIT_MS = 60_000;
const EXCERPTS_LIMIT_MS = 120_000;
const AGREEMENT_LIMIT_MS = 180_000;

const VIEWPORT = { width: 1280, height: 800 };
/** A coder of both projects, so that nothing asks for a name before coding. */
const CODER = 'Ana';

export interface UiFigures {
  /** Page load → document list and first document shown, benchmark project, median ms. */
  ui_open_ms: number;
  /** readFile + JSON.parse of the same file in Node, median ms. */
  ui_open_baseline_ms: number;
  ui_open_ratio: number;
  ui_open_small_ms: number;
  /** Select, digit, until highlight and count are painted: benchmark project, median of 20. */
  ui_apply_ms: number;
  ui_apply_small_ms: number;
  ui_apply_scale_ratio: number;
  ui_undo_ms: number;
  ui_undo_small_ms: number;
  ui_undo_scale_ratio: number;
  ui_switch_doc_ms: number;
  ui_excerpts_all_ms: number;
  /** The same click until the whole list is made and its count shown (the first cards come before it), median ms. */
  ui_excerpts_whole_ms?: number;
  /** What the Excerpts heading said once the cards were shown. */
  ui_excerpts_heading: string;
  ui_agreement_ms: number;
  ui_agreement_progress_shown: boolean;
  ui_heap_mb: number;
  ui_heap_small_mb: number;
  /** Analysis view tabs, click until the first rows are painted (absent when the step did not run). */
  ui_analysis_cooccurrence_ms?: number;
  ui_analysis_matrix_ms?: number;
  ui_analysis_frequencies_ms?: number;
  /** Keys whose step hit its time limit: their figure is that limit, a lower bound. */
  ui_timed_out: string[];
}

export type UiResult = UiFigures | { skipped: string };

type ProbeHost = { glossBench: Probe };

class TimedOut extends Error {}

/** `promise`, or a TimedOut after `ms` (the page may be frozen, so the page's own limit may never fire). */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(`${what}: no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/** The one-document project: the benchmark project's average document and its codebook. */
function smallSize(size: SyntheticOptions): SyntheticOptions {
  return {
    ...size,
    documents: 1,
    characters: Math.round(size.characters / size.documents),
    codings: Math.round(size.codings / size.documents),
    memos: Math.round(size.memos / size.documents),
    seed: size.seed + 15,
  };
}

async function writeProject(file: string, size: SyntheticOptions): Promise<void> {
  await fs.writeFile(file, serializeProject(syntheticProject(size)), 'utf8');
}

/** A new page (its own context, so its own heap) with the probe installed, showing `url`; ms to the first document. */
async function openPage(browser: Browser, url: string): Promise<{ page: Page; ms: number }> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.addInitScript({ content: KEEP_NAMES_SHIM });
  await page.addInitScript(installProbe);
  await page.goto(url, { waitUntil: 'commit' });
  const ms = await within(
    page.evaluate((limit) => (globalThis as unknown as ProbeHost).glossBench.opened(limit), OPEN_LIMIT_MS),
    OPEN_LIMIT_MS + 30_000,
    'opening the project',
  );
  return { page, ms };
}

/** The page's JS heap after a full garbage collection, in MB. */
async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 1e6;
  } finally {
    await cdp.detach();
  }
}

/** One coding applied with the digit 1 and undone with Ctrl+Z; ms of each. */
async function applyAndUndo(page: Page): Promise<{ apply: number; undo: number }> {
  await page.bringToFront();
  const before: Seen = await page.evaluate((limit) => (globalThis as unknown as ProbeHost).glossBench.selectPassage(limit), STEP_LIMIT_MS);
  const applied = page.evaluate(([seen, limit]) => (globalThis as unknown as ProbeHost).glossBench.afterKey(seen, null, limit), [before, STEP_LIMIT_MS] as const);
  await page.keyboard.press('1');
  const apply = await within(applied, STEP_LIMIT_MS + 30_000, 'applying a code');
  const undone = page.evaluate(([seen, limit]) => (globalThis as unknown as ProbeHost).glossBench.afterKey(seen, seen, limit), [before, STEP_LIMIT_MS] as const);
  await page.keyboard.press('Control+z');
  const undo = await within(undone, STEP_LIMIT_MS + 30_000, 'undoing the coding');
  return { apply, undo };
}

async function showView(page: Page, label: string): Promise<void> {
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: label, exact: true }).click();
}

interface Run {
  figures: Partial<UiFigures>;
  timedOut: string[];
}

/**
 * Runs `measure` for `key`; a step that hits its limit records the limit instead (and
 * returns null so the caller can stop repeating it).
 */
async function step<T>(run: Run, key: keyof UiFigures, limitMs: number, measure: () => Promise<T>): Promise<T | null> {
  try {
    return await measure();
  } catch (e) {
    if (!(e instanceof TimedOut) && !(e instanceof Error && /did not happen within/.test(e.message))) throw e;
    (run.figures as Record<string, unknown>)[key] = limitMs;
    run.timedOut.push(key);
    return null;
  }
}

async function measurePages(browser: Browser, big: RunningHost, small: RunningHost, baselineMs: number, log: (line: string) => void): Promise<UiFigures> {
  const run: Run = { figures: {}, timedOut: [] };
  const f = run.figures;

  // Open: fresh pages, the two projects interleaved; the last page of each stays open.
  const opens = { big: [] as number[], small: [] as number[] };
  let bigPage: Page | null = null;
  let smallPage: Page | null = null;
  for (let i = 0; i < OPEN_WARMUPS + OPEN_REPEATS; i++) {
    const last = i === OPEN_WARMUPS + OPEN_REPEATS - 1;
    for (const [name, host] of [['small', small], ['big', big]] as const) {
      const opened = await step(run, name === 'big' ? 'ui_open_ms' : 'ui_open_small_ms', OPEN_LIMIT_MS, () => openPage(browser, host.url));
      if (!opened) throw new Error(`the ${name} project did not open within ${OPEN_LIMIT_MS / 1000} s; nothing else can be measured`);
      if (i >= OPEN_WARMUPS) opens[name].push(opened.ms);
      log(`ui: opened the ${name} project in ${Math.round(opened.ms)} ms`);
      if (last && name === 'big') bigPage = opened.page;
      else if (last) smallPage = opened.page;
      else await opened.page.close();
    }
  }
  f.ui_open_ms = median(opens.big);
  f.ui_open_small_ms = median(opens.small);
  f.ui_open_baseline_ms = baselineMs;
  f.ui_open_ratio = f.ui_open_ms / baselineMs;
  const pageOfBig = bigPage!;
  const pageOfSmall = smallPage!;
  f.ui_heap_mb = await heapMb(pageOfBig);
  f.ui_heap_small_mb = await heapMb(pageOfSmall);
  log(`ui: heap ${f.ui_heap_mb.toFixed(1)} MB with the benchmark project open, ${f.ui_heap_small_mb.toFixed(1)} MB with one document`);

  // Apply and undo, alternating between the projects round by round.
  const times = { bigApply: [] as number[], bigUndo: [] as number[], smallApply: [] as number[], smallUndo: [] as number[] };
  for (let i = 0; i < APPLY_WARMUPS + APPLY_REPEATS; i++) {
    const s = await applyAndUndo(pageOfSmall);
    const b = await step(run, 'ui_apply_ms', STEP_LIMIT_MS, () => applyAndUndo(pageOfBig));
    if (!b) break;
    if (i < APPLY_WARMUPS) continue;
    times.smallApply.push(s.apply);
    times.smallUndo.push(s.undo);
    times.bigApply.push(b.apply);
    times.bigUndo.push(b.undo);
  }
  if (times.bigApply.length > 0) {
    f.ui_apply_ms = median(times.bigApply);
    f.ui_undo_ms = median(times.bigUndo);
  } else {
    f.ui_undo_ms = STEP_LIMIT_MS;
    run.timedOut.push('ui_undo_ms');
  }
  f.ui_apply_small_ms = median(times.smallApply);
  f.ui_undo_small_ms = median(times.smallUndo);
  f.ui_apply_scale_ratio = f.ui_apply_ms! / f.ui_apply_small_ms;
  f.ui_undo_scale_ratio = f.ui_undo_ms / f.ui_undo_small_ms;
  log(`ui: apply ${Math.round(f.ui_apply_ms!)} ms (one document: ${Math.round(f.ui_apply_small_ms)} ms), undo ${Math.round(f.ui_undo_ms)} ms (${Math.round(f.ui_undo_small_ms)} ms)`);
  await pageOfSmall.close();

  // Switching documents: a different one each time, all in the first screen of the list.
  await pageOfBig.bringToFront();
  const switches: number[] = [];
  for (let i = 0; i < SWITCH_WARMUPS + SWITCH_REPEATS; i++) {
    const ms = await step(run, 'ui_switch_doc_ms', STEP_LIMIT_MS, () =>
      within(
        pageOfBig.evaluate(([row, limit]) => (globalThis as unknown as ProbeHost).glossBench.switchTo(row, limit), [i + 1, STEP_LIMIT_MS] as const),
        STEP_LIMIT_MS + 30_000,
        'switching documents',
      ),
    );
    if (ms === null) break;
    if (i >= SWITCH_WARMUPS) switches.push(ms);
  }
  if (switches.length > 0) f.ui_switch_doc_ms = median(switches);
  log(`ui: switching documents ${Math.round(f.ui_switch_doc_ms!)} ms`);

  // Agreement: the view computes when it opens; Compute then recomputes, timed.
  await showView(pageOfBig, 'Agreement');
  const settled = await step(run, 'ui_agreement_ms', AGREEMENT_LIMIT_MS, () =>
    within(
      pageOfBig.evaluate((limit) => (globalThis as unknown as ProbeHost).glossBench.agreementSettled(limit), AGREEMENT_LIMIT_MS),
      AGREEMENT_LIMIT_MS + 30_000,
      'the first agreement',
    ).then(() => true),
  );
  if (settled) {
    const computed: number[] = [];
    let progressShown = false;
    for (let i = 0; i < AGREEMENT_REPEATS; i++) {
      const result = await step(run, 'ui_agreement_ms', AGREEMENT_LIMIT_MS, () =>
        within(
          pageOfBig.evaluate((limit) => (globalThis as unknown as ProbeHost).glossBench.computeAgreement(limit), AGREEMENT_LIMIT_MS),
          AGREEMENT_LIMIT_MS + 30_000,
          'computing agreement',
        ),
      );
      if (!result) break;
      computed.push(result.ms);
      progressShown ||= result.progressShown;
    }
    if (computed.length > 0) f.ui_agreement_ms = median(computed);
    f.ui_agreement_progress_shown = progressShown;
  }
  f.ui_agreement_progress_shown ??= false;
  log(`ui: agreement ${Math.round(f.ui_agreement_ms!)} ms, progress ${f.ui_agreement_progress_shown ? 'shown' : 'not shown'}`);

  // Analysis: each tab from its click until its table's first rows are painted.
  await showView(pageOfBig, 'Analysis');
  const tabs = [
    ['Co-occurrence', 'cooccurrence', 'ui_analysis_cooccurrence_ms'],
    ['Matrix', 'matrix', 'ui_analysis_matrix_ms'],
    ['Frequencies', 'frequencies', 'ui_analysis_frequencies_ms'],
  ] as const;
  for (const [label, id, key] of tabs) {
    const timing = await step(run, key, STEP_LIMIT_MS, () =>
      within(
        pageOfBig.evaluate(
          ([limit, text, selector]) => (globalThis as unknown as ProbeHost).glossBench.clickUntil('[role="tablist"][aria-label="Analyses"]', text, selector, limit),
          [STEP_LIMIT_MS, label, `[aria-labelledby="analysis-tab-${id}"] tbody tr[data-index]`] as const,
        ),
        STEP_LIMIT_MS + 30_000,
        `the ${label} tab`,
      ),
    );
    if (timing) f[key] = timing.ms;
  }
  log(`ui: analysis co-occurrence ${Math.round(f.ui_analysis_cooccurrence_ms ?? NaN)} ms, matrix ${Math.round(f.ui_analysis_matrix_ms ?? NaN)} ms, frequencies ${Math.round(f.ui_analysis_frequencies_ms ?? NaN)} ms`);

  // Excerpts of every code: last, as it may leave the page frozen.
  await showView(pageOfBig, 'Excerpts');
  await pageOfBig.getByRole('group', { name: 'Codes to show' }).waitFor({ timeout: STEP_LIMIT_MS });
  const excerpts: number[] = [];
  const wholeLists: number[] = [];
  for (let i = 0; i < EXCERPTS_REPEATS; i++) {
    const timing = await step(run, 'ui_excerpts_all_ms', EXCERPTS_LIMIT_MS, () =>
      within(
        pageOfBig.evaluate(
          ([limit]) =>
            (globalThis as unknown as ProbeHost).glossBench.clickUntil(
              'fieldset.code-chooser',
              'All',
              // A card with its words: cards whose document's text is still being fetched do not count.
              '[aria-label="Coded passages"] li .excerpt-text:not([aria-busy="true"])',
              limit,
              '.excerpt-heading:not([aria-busy="true"])',
            ),
          [EXCERPTS_LIMIT_MS] as const,
        ),
        EXCERPTS_LIMIT_MS + 30_000,
        'showing every excerpt',
      ),
    );
    if (timing === null) break;
    const ms = timing.ms;
    excerpts.push(ms);
    if (timing.thenMs !== null) wholeLists.push(timing.thenMs);
    f.ui_excerpts_heading = (await pageOfBig.locator('.excerpt-heading').textContent({ timeout: STEP_LIMIT_MS })) ?? '';
    // Back to no code chosen, so the next round shows the list from nothing again.
    await pageOfBig.getByRole('group', { name: 'Codes to show' }).getByRole('button', { name: 'None', exact: true }).click({ timeout: EXCERPTS_LIMIT_MS });
    await pageOfBig.locator('[aria-label="Coded passages"]').waitFor({ state: 'detached', timeout: EXCERPTS_LIMIT_MS });
    // A slow list is timed once: three rounds of it would take minutes and tell nothing more.
    if (ms > 10_000) break;
  }
  if (excerpts.length > 0) f.ui_excerpts_all_ms = median(excerpts);
  if (wholeLists.length > 0) f.ui_excerpts_whole_ms = median(wholeLists);
  f.ui_excerpts_heading ??= '';
  log(`ui: every excerpt ${Math.round(f.ui_excerpts_all_ms!)} ms, the whole list made (its count shown) ${Math.round(f.ui_excerpts_whole_ms ?? NaN)} ms (${f.ui_excerpts_heading})`);
  f.ui_timed_out = run.timedOut;
  return f as UiFigures;
}

/**
 * Runs the UI benchmark in `dir` (a temp folder); the renderer is built there unless
 * `rendererDir` already holds a build of this code. Skipped with a reason without Chromium.
 */
export async function measureUi(dir: string, size: SyntheticOptions, log: (line: string) => void, rendererDir = path.join(dir, 'renderer')): Promise<UiResult> {
  const executablePath = chromiumPath();
  if (!executablePath) return { skipped: 'no Chromium found (set CHROMIUM_PATH)' };
  if (!existsSync(path.join(rendererDir, 'index.html'))) buildRenderer(rendererDir);
  const bigFile = path.join(dir, 'ui-bench.gloss');
  const smallFile = path.join(dir, 'ui-one-document.gloss');
  await writeProject(bigFile, size);
  await writeProject(smallFile, smallSize(size));
  const baseline: number[] = [];
  for (let i = 0; i < 4; i++) {
    const ms = await timed(async () => JSON.parse(await fs.readFile(bigFile, 'utf8')) as unknown);
    if (i > 0) baseline.push(ms);
  }
  log(`ui: projects written, renderer built; readFile + JSON.parse ${Math.round(median(baseline))} ms`);

  const hostOptions = { dataDir: dir, rendererDir, coderName: CODER, saveDelayMs: 10 * 60_000, log: (line: string) => log(`ui host: ${line}`) };
  const big = await startHost({ ...hostOptions, projectFile: bigFile });
  const small = await startHost({ ...hostOptions, projectFile: smallFile });
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    return await measurePages(browser, big, small, median(baseline), log);
  } finally {
    // A frozen page can keep close() waiting; the bench goes on (Chromium ends with this process).
    await within(browser.close(), 30_000, 'closing Chromium').catch((e: unknown) => log(`ui: ${String(e)}`));
    await big.close();
    await small.close();
  }
}

const ms = (value: number) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`);

/** The UI benchmark's lines for the bench table. */
export function uiTable(f: UiResult): string {
  if ('skipped' in f) return `UI in Chromium: skipped, ${f.skipped}.`;
  const late = new Set(f.ui_timed_out);
  const value = (key: keyof typeof UI_TARGETS, text: string) => (late.has(key) ? `> ${text}` : text);
  const mark = (key: keyof typeof UI_TARGETS) => (!late.has(key) && f[key] <= UI_TARGETS[key] ? 'PASS' : 'MISS');
  const rows: [string, string, string, keyof typeof UI_TARGETS | null][] = [
    ['open (list and first document shown)', `${ms(f.ui_open_ms)} (one document ${ms(f.ui_open_small_ms)}; JSON.parse ${ms(f.ui_open_baseline_ms)})`, '', null],
    ['  open over JSON.parse', value('ui_open_ratio', `${f.ui_open_ratio.toFixed(2)}×`), `≤ ${UI_TARGETS.ui_open_ratio}×`, 'ui_open_ratio'],
    ['apply a code with a digit', value('ui_apply_ms', ms(f.ui_apply_ms)), `≤ ${UI_TARGETS.ui_apply_ms} ms`, 'ui_apply_ms'],
    ['  over one document', `${f.ui_apply_scale_ratio.toFixed(2)}× (${ms(f.ui_apply_small_ms)})`, `≤ ${UI_TARGETS.ui_apply_scale_ratio}×`, 'ui_apply_scale_ratio'],
    ['undo it', `${ms(f.ui_undo_ms)}, ${f.ui_undo_scale_ratio.toFixed(2)}× one document (${ms(f.ui_undo_small_ms)})`, `≤ ${UI_TARGETS.ui_undo_scale_ratio}×`, 'ui_undo_scale_ratio'],
    ['switch document', value('ui_switch_doc_ms', ms(f.ui_switch_doc_ms)), `≤ ${UI_TARGETS.ui_switch_doc_ms} ms`, 'ui_switch_doc_ms'],
    ['Excerpts ▸ All, first cards', value('ui_excerpts_all_ms', `${ms(f.ui_excerpts_all_ms)}${f.ui_excerpts_heading ? ` (${f.ui_excerpts_heading})` : ''}`), `≤ ${UI_TARGETS.ui_excerpts_all_ms} ms`, 'ui_excerpts_all_ms'],
    ['  the whole list, counted', f.ui_excerpts_whole_ms === undefined ? '—' : ms(f.ui_excerpts_whole_ms), '', null],
    [
      'Agreement, character unit',
      value('ui_agreement_ms', `${ms(f.ui_agreement_ms)}, progress ${f.ui_agreement_progress_shown ? 'shown' : 'NOT shown'}`),
      `≤ ${UI_TARGETS.ui_agreement_ms} ms`,
      'ui_agreement_ms',
    ],
    ['Analysis tabs, first rows', f.ui_analysis_matrix_ms === undefined ? '—' : `co-occurrence ${ms(f.ui_analysis_cooccurrence_ms ?? NaN)}, matrix × documents ${ms(f.ui_analysis_matrix_ms)}, frequencies ${ms(f.ui_analysis_frequencies_ms ?? NaN)}`, '', null],
    ['JS heap, benchmark project open', `${f.ui_heap_mb.toFixed(1)} MB (one document ${f.ui_heap_small_mb.toFixed(1)} MB)`, '', null],
  ];
  const widths = [0, 1, 2].map((col) => Math.max(...rows.map((r) => r[col]!.length)));
  return [
    `UI in Chromium through the browser host: the benchmark project against a one-document project, in the same run`,
    ...rows.map(([name, figure, target, key]) => `  ${name.padEnd(widths[0]!)}  ${figure.padEnd(widths[1]!)}  ${target.padEnd(widths[2]!)}  ${key ? mark(key) : ''}`.trimEnd()),
    ...(f.ui_timed_out.length > 0 ? [`  Hit their time limit (figure is a lower bound): ${f.ui_timed_out.join(', ')}.`] : []),
  ].join('\n');
}

/** The UI keys for the bench's JSON (the reason instead, when it was skipped). */
export function uiJson(f: UiResult): Record<string, unknown> {
  return 'skipped' in f ? { ui_skipped: f.skipped } : { ...f };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  const size = quick ? { ...FULL_SIZE, documents: 100, characters: 1_000_000, codings: 10_000 } : FULL_SIZE;
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  void (async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-ui-bench-'));
    process.env.GLOSS_DATA_DIR = dir;
    const start = now();
    try {
      const figures = await measureUi(dir, size, log);
      process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(uiJson(figures))}\n` : `${uiTable(figures)}\n`);
      log(`ui bench took ${Math.round((now() - start) / 1000)} s`);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  })().catch((e: unknown) => {
    process.stderr.write(`ui bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  });
}
