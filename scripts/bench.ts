/**
 * `npm run bench`: builds a synthetic project (1,000 documents, 10 million characters,
 * 100,000 codings, 200 codes) in a temp folder and measures, in one run, opening it,
 * saving it, applying codes to it and exporting its excerpts, against the targets of
 * issue 2 section 10; then, in Chromium, opening a 1 MB document with 5,000 codings in the
 * reader (issue 3 section 2, see bench/reader.ts); then, for two coders on the same size of
 * project, merging their copies and computing agreement in all three units (issue 5
 * section 4, see bench/merge.ts and bench/agreement.ts); how long the `gloss` command
 * takes to start against a bare node (issue 10, see bench/cli-start.ts); the analysis
 * views: frequencies, co-occurrence and matrices (issue 12 section 7, see bench/analysis.ts);
 * search, auto-code and suggestions (issue 11, see bench/search.ts); and the whole UI in
 * Chromium on the benchmark project against a one-document project (issue 15, see bench/ui.ts).
 *
 *   npm run bench               a table with PASS/MISS marks (progress on stderr)
 *   npm run bench -- --json     one JSON object on stdout, nothing else
 *   npm run bench -- --quick    a project a tenth of the size, to try the bench out
 *   npm run bench -- --breakdown  also time each step of open, save and export
 *   npm run bench -- --only export  only the excerpts export (export_ms, export_ratio, …);
 *                               --json works with it too
 *   npm run bench -- --only search  only search, auto-code and suggestions (issue 11, see
 *                               bench/search.ts); --json works with it too
 *   npm run bench -- --only analysis  only the analysis views (issue 12 §7, see
 *                               bench/analysis.ts: frequencies_ms, cooccurrence_ms, matrix_ms
 *                               against 300/1000/500 ms, ratios to a bare pass, and the views
 *                               through the task worker); --json works with it too
 *   npm run bench -- --only ui      only the UI in Chromium (ui_* keys; --json and --quick
 *                               work with it); --ui-only is the same
 *
 * npm itself prints a "> gloss bench" header on stdout before the script runs; use
 * `npm run --silent bench -- --json` when piping the JSON into another program.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Coder } from '../shared/model/schema';
import { serializeProject } from '../shared/model/serialize';
import { ProjectService } from '../electron/service/project-service';
import { FULL_SIZE, syntheticProject, type SyntheticOptions } from './bench/synthetic-project';
import { measureApply, measureExport, measureOpen, measureSave, NO_AUTOSAVE_MS, REPEATS, WARMUPS } from './bench/scenarios';
import { TARGETS, toJson, toTable, type BenchFigures } from './bench/report';
import { now } from './bench/measure';
import { breakdown, breakdownTable, type Section } from './bench/breakdown';
import { measureReader, readerJson, readerTable, type ReaderFigures } from './bench/reader';
import { agreementTable, measureAgreement, AGREEMENT_TARGET_MS, type AgreementFigures } from './bench/agreement';
import { measureMerge, type MergeFigures } from './bench/merge';
import { cliStartTable, measureCliStart, type CliStartFigures } from './bench/cli-start';
import { measureSearch, searchTable, type SearchFigures } from './bench/search';
import { analysisTable, measureAnalysis, type AnalysisFigures } from './bench/analysis';
import { measureUi, uiJson, uiTable, type UiResult } from './bench/ui';

const argv = process.argv.slice(2);
const args = new Set(argv);
const json = args.has('--json');
/** `--only export`, `--only search`, `--only ui` (or `--only=…`; `--ui-only` for ui): run one scenario instead of all. */
const only = args.has('--ui-only') ? 'ui' : (argv.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? (argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined));
if (only !== undefined && only !== 'export' && only !== 'search' && only !== 'ui' && only !== 'analysis') {
  process.stderr.write(`bench: --only takes "export", "search", "analysis" or "ui" (the scenarios that run alone), not ${JSON.stringify(only)}\n`);
  process.exit(2);
}
const size: SyntheticOptions = args.has('--quick')
  ? { ...FULL_SIZE, documents: FULL_SIZE.documents / 10, characters: FULL_SIZE.characters / 10, codings: FULL_SIZE.codings / 10 }
  : FULL_SIZE;

/** Progress goes to stderr so that stdout holds only the result (the JSON in --json mode). */
const progress = (message: string) => process.stderr.write(`bench: ${message}\n`);

/**
 * Writes the synthetic project to `file`. Nothing of it is kept in memory afterwards, so
 * the measurements run on a heap holding only what the service itself loaded.
 */
async function generate(file: string): Promise<{ fileMb: number; coder: Coder }> {
  const t = now();
  const project = syntheticProject(size);
  const text = serializeProject(project);
  await fs.writeFile(file, text, 'utf8');
  const fileMb = Buffer.byteLength(text, 'utf8') / 1e6;
  progress(`generated a ${fileMb.toFixed(1)} MB project in ${Math.round(now() - t)} ms`);
  return { fileMb, coder: project.coders[0]! };
}

/** Runs one measurement and reports on stderr how long it took. */
async function step<T>(name: string, measure: () => Promise<T>): Promise<T> {
  const t = now();
  const result = await measure();
  progress(`${name} measured in ${Math.round(now() - t)} ms`);
  return result;
}

/**
 * Save, apply and export on one loaded project. The service lives only inside this call,
 * so later steps (the breakdown) do not run with a second project on the heap.
 */
async function measureLoaded(file: string, dir: string, coder: Coder) {
  const service = await ProjectService.open(file, { coder, saveDelayMs: NO_AUTOSAVE_MS });
  try {
    const save = await step('save', () => measureSave(service, dir));
    const apply = await step('apply', () => measureApply(service, size.seed + 1));
    const exported = await step('export', () => measureExport(service, dir));
    return { save, apply, exported };
  } finally {
    await service.close();
  }
}

/** "Within a few seconds" (issue 5 §4), the same reading as the agreement bench's. */
const MERGE_TARGET_MS = AGREEMENT_TARGET_MS;

function mergeTable(figures: MergeFigures): string {
  const mark = figures.merge_ms <= MERGE_TARGET_MS ? 'PASS' : 'MISS';
  return [
    `Merge (two coders' copies, three-way, ${figures.merge_codings.toLocaleString('en-US')} codings in the result)`,
    `  merge ${Math.round(figures.merge_ms)} ms (target ≤ ${MERGE_TARGET_MS} ms)  ${mark}`,
    `  parse three files + merge + serialise, as gloss merge does: ${Math.round(figures.merge_cli_ms)} ms`,
  ].join('\n');
}

interface BenchResult {
  figures: BenchFigures;
  steps: Record<string, Section[]> | null;
  reader: ReaderFigures | { skipped: string };
  merge: MergeFigures;
  agreement: AgreementFigures;
  cliStart: CliStartFigures;
  search: SearchFigures;
  analysis: AnalysisFigures;
  ui: UiResult;
}

async function bench(dir: string): Promise<BenchResult> {
  const file = path.join(dir, 'bench.gloss');
  const load = os.loadavg()[0] ?? 0;
  // First, while nothing of the big project is on this process's heap.
  const cliStart = await step('cli start', () => measureCliStart());
  const { fileMb, coder } = await generate(file);
  const open = await step('open', () => measureOpen(file, coder));
  const { save, apply, exported } = await measureLoaded(file, dir, coder);
  const figures: BenchFigures = {
    open_ratio: open.open_ms / open.open_baseline_ms,
    save_ratio: save.save_ms / save.save_baseline_ms,
    apply_p50_ms: apply.apply_p50_ms,
    apply_p95_ms: apply.apply_p95_ms,
    export_ms: exported.export_ms,
    export_ratio: exported.export_ratio,
    export_write_ms: exported.export_write_ms,
    export_baseline_ms: exported.export_baseline_ms,
    ...open,
    ...save,
    apply_calls: apply.apply_calls,
    export_mb: exported.export_mb,
    file_mb: fileMb,
    documents: size.documents,
    characters: size.characters,
    codings: size.codings,
    codes: size.codes,
    warmups: WARMUPS,
    repeats: REPEATS,
    node: process.versions.node,
    load_avg: load,
    cores: os.availableParallelism(),
  };
  const steps = args.has('--breakdown') ? await step('breakdown', () => breakdown(file)) : null;
  const reader = await step('reader', () => measureReader(dir, progress));
  const merge = await step('merge', () => measureMerge(size));
  const agreement = await step('agreement', () => measureAgreement(size, progress));
  const search = await step('search', () => measureSearch(size, dir, progress));
  const analysis = await step('analysis', () => measureAnalysis(size, progress));
  const ui = await step('ui', () => measureUi(dir, size, progress));
  return { figures, steps, reader, merge, agreement, cliStart, search, analysis, ui };
}

/** `--ui-only`: the UI in Chromium alone, with what the run was measured on. */
async function uiOnly(dir: string): Promise<void> {
  const load = os.loadavg()[0] ?? 0;
  const ui = await step('ui', () => measureUi(dir, size, progress));
  const context = { documents: size.documents, characters: size.characters, codings: size.codings, node: process.versions.node, load_avg: load, cores: os.availableParallelism() };
  if (json) process.stdout.write(JSON.stringify({ ...uiJson(ui), ...context }) + '\n');
  else process.stdout.write(`${uiTable(ui)}\n  (load average ${load.toFixed(1)} on ${context.cores} cores at the start)\n`);
}

/** `--only export`: the excerpts export alone, on the same synthetic project. */
async function benchExport(dir: string): Promise<string> {
  const file = path.join(dir, 'bench.gloss');
  const load = os.loadavg()[0] ?? 0;
  const { fileMb, coder } = await generate(file);
  const service = await ProjectService.open(file, { coder, saveDelayMs: NO_AUTOSAVE_MS });
  let exported: Awaited<ReturnType<typeof measureExport>>;
  try {
    exported = await step('export', () => measureExport(service, dir));
  } finally {
    await service.close();
  }
  const figures = { ...exported, file_mb: fileMb, codings: size.codings, warmups: WARMUPS, repeats: REPEATS, node: process.versions.node, load_avg: load, cores: os.availableParallelism() };
  if (json) return JSON.stringify(Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 1000) / 1000 : v])));
  const mark = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  return [
    `Gloss bench, excerpts export only: ${size.codings.toLocaleString('en-US')} codings (${fileMb.toFixed(1)} MB project, ${exported.export_mb.toFixed(1)} MB CSV);` +
      ` median of ${REPEATS} runs; load average ${load.toFixed(1)} on ${figures.cores} cores at the start.`,
    `  in memory         ${Math.round(exported.export_ms)} ms (target ≤ ${TARGETS.export_ms} ms)  ${mark(exported.export_ms <= TARGETS.export_ms)}`,
    `  written to a file ${Math.round(exported.export_write_ms)} ms against a bare ${Math.round(exported.export_baseline_ms)} ms: ` +
      `${exported.export_ratio.toFixed(2)}× (target ≤ ${TARGETS.export_ratio}×)  ${mark(exported.export_ratio <= TARGETS.export_ratio)}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-bench-'));
  // Settings and anything else the service keeps per user stay inside the temp folder.
  process.env.GLOSS_DATA_DIR = dir;
  const cleanUp = () => fs.rm(dir, { recursive: true, force: true });
  process.once('SIGINT', () => {
    void cleanUp().finally(() => process.exit(130));
  });
  try {
    if (only === 'ui') return await uiOnly(dir);
    if (only === 'export') {
      process.stdout.write((await benchExport(dir)) + '\n');
      return;
    }
    if (only === 'analysis') {
      const load = os.loadavg()[0] ?? 0;
      const analysis = await step('analysis', () => measureAnalysis(size, progress));
      const rounded = Object.fromEntries(Object.entries(analysis).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
      process.stdout.write((json ? JSON.stringify({ ...rounded, node: process.versions.node, load_avg: load }) : `${analysisTable(analysis)}\n  (load average ${load.toFixed(1)} at the start)`) + '\n');
      return;
    }
    if (only === 'search') {
      const search = await step('search', () => measureSearch(size, dir, progress));
      const rounded = Object.fromEntries(Object.entries(search).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
      process.stdout.write((json ? JSON.stringify({ ...rounded, node: process.versions.node, load_avg: os.loadavg()[0] ?? 0 }) : searchTable(search)) + '\n');
      return;
    }
    const { figures, steps, reader, merge, agreement, cliStart, search, analysis, ui } = await bench(dir);
    if (json) process.stdout.write(toJson({ ...figures, ...readerJson(reader), ...merge, ...agreement, ...cliStart, ...search, ...analysis, ...uiJson(ui) }, steps) + '\n');
    else {
      const tables = [
        toTable(figures),
        readerTable(reader),
        mergeTable(merge),
        agreementTable(agreement),
        analysisTable(analysis),
        cliStartTable(cliStart),
        searchTable(search),
        uiTable(ui),
        ...(steps ? [breakdownTable(steps)] : []),
      ];
      process.stdout.write(tables.join('\n\n') + '\n');
    }
  } finally {
    await cleanUp();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
