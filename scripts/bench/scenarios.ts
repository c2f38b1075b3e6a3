/**
 * The four measurements of `npm run bench`, each against the real ProjectService: open,
 * durable save, apply-code latency and the excerpts export (in memory, and written to a
 * file against a bare baseline). Every timed figure is the
 * median of REPEATS runs after WARMUPS untimed ones; a full GC precedes each timed run.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Coder } from '../../shared/model/schema';
import { fileFromState } from '../../shared/model/state';
import { ProjectService } from '../../electron/service/project-service';
import { writeFileDurably } from '../../electron/service/durable-file';
import { excerptRows } from '../../shared/export/csv-excerpts';
import { median, now, percentile, rounds, timed } from './measure';
import { seededRandom } from './random';
import { wordSpan } from './synthetic-project';

export const WARMUPS = 1;
export const REPEATS = 5;
/** applyCode calls per round; 5 rounds give the ~10,000 samples behind p50 and p95. */
export const APPLY_CALLS = 2_000;

/**
 * Long enough that the coalescing timer never fires while the bench runs: a write in the
 * middle of the apply loop would be timed as apply latency. flush() cancels the timer.
 */
export const NO_AUTOSAVE_MS = 10 * 60_000;

/** Where a timed result is stored, so V8 cannot treat the work that made it as unused. */
let sink: unknown;

export interface OpenFigures {
  open_ms: number;
  open_baseline_ms: number;
}

/**
 * ProjectService.open (read, JSON.parse, migrate, zod validation, reference checks,
 * building the maps and indexes, taking the lock) against readFile + JSON.parse alone.
 */
export async function measureOpen(file: string, coder: Coder): Promise<OpenFigures> {
  const figures = await rounds(WARMUPS, REPEATS, async () => {
    const open_baseline_ms = await timed(async () => {
      sink = JSON.parse(await fs.readFile(file, 'utf8'));
    });
    sink = null;
    let service: ProjectService | undefined;
    const open_ms = await timed(async () => {
      service = await ProjectService.open(file, { coder, saveDelayMs: NO_AUTOSAVE_MS });
    });
    await service?.close();
    return { open_ms, open_baseline_ms };
  });
  return { open_ms: median(figures.open_ms), open_baseline_ms: median(figures.open_baseline_ms) };
}

export interface SaveFigures {
  save_ms: number;
  save_baseline_ms: number;
}

/**
 * One small change, then flush(): fileFromState (sorting every table by id), the
 * line-per-entity serialisation, temp file + fsync, copying the previous file to .bak,
 * rename, folder fsync. The baseline is the least a save of the same data can cost:
 * JSON.stringify of the same file object (built beforehand, untimed) plus one write and
 * one fsync of that text. So the ratio is the price of deterministic order and of
 * crash safety (temp + rename + backup), not of the serialiser alone.
 */
export async function measureSave(service: ProjectService, dir: string): Promise<SaveFigures> {
  const baselineFile = path.join(dir, 'baseline.json');
  const figures = await rounds(WARMUPS, REPEATS, async (i) => {
    const changed = service.run({ type: 'renameProject', name: `Bench project ${i + 1}` });
    if (!changed.ok) throw new Error(`bench: renaming the project failed: ${changed.error}`);
    const save_ms = await timed(() => service.flush());
    const data = fileFromState(service.current);
    const save_baseline_ms = await timed(async () => {
      const handle = await fs.open(baselineFile, 'w');
      try {
        await handle.writeFile(JSON.stringify(data), 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
    });
    return { save_ms, save_baseline_ms };
  });
  await fs.rm(baselineFile, { force: true });
  return { save_ms: median(figures.save_ms), save_baseline_ms: median(figures.save_baseline_ms) };
}

export interface ApplyFigures {
  apply_p50_ms: number;
  apply_p95_ms: number;
  apply_calls: number;
}

/**
 * The synchronous service.run({ type: 'applyCode' }) call on the loaded project: request
 * validation, planning (duplicate check among the document's codings), inverse, apply,
 * index update, undo entry. The durable write is scheduled, not done, inside the call.
 * Each round's codings are undone afterwards (untimed) so every round sees the same
 * project size; p50 and p95 are the medians of the rounds' percentiles.
 */
export async function measureApply(service: ProjectService, seed: number): Promise<ApplyFigures> {
  const random = seededRandom(seed);
  const documents = [...service.current.documents.values()];
  const codes = [...service.current.codes.values()].filter((c) => c.codable);
  const figures = await rounds(WARMUPS, REPEATS, async () => {
    const samples: number[] = [];
    let applied = 0;
    for (let i = 0; i < APPLY_CALLS; i++) {
      const doc = random.pick(documents);
      const { start, end } = wordSpan(random, doc.text);
      const request = { type: 'applyCode', documentId: doc.id, start, end, codeId: random.pick(codes).id };
      const t = now();
      const result = service.run(request);
      samples.push(now() - t);
      if (!result.ok) throw new Error(`bench: applyCode failed: ${result.error}`);
      if (result.change.patches.length > 0) applied++;
    }
    for (let i = 0; i < applied; i++) service.undo();
    return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
  });
  return { apply_p50_ms: median(figures.p50), apply_p95_ms: median(figures.p95), apply_calls: APPLY_CALLS * REPEATS };
}

export interface ExportFigures {
  export_ms: number;
  export_mb: number;
  /** export_write_ms over export_baseline_ms. */
  export_ratio: number;
  export_write_ms: number;
  export_baseline_ms: number;
}

/**
 * The full excerpts CSV (every coding, with code paths, coder names and memos), three ways:
 *
 * - export_ms: service.exportContent, the CSV text as the renderer receives it;
 * - export_write_ms: the export as a user gets it, written to a file: service.exportFile
 *   plus writeFileDurably (temp file, fsync, rename, folder fsync), as `gloss export
 *   --excerpts` and the app's Export do;
 * - export_baseline_ms: the least a CSV of the same data can cost: the same rows
 *   (excerptRows, built beforehand, untimed) joined with commas and newlines, no quoting,
 *   no formula check, written and fsynced once.
 *
 * So export_ratio is the price of ordering and gathering the rows, RFC 4180 quoting, the
 * formula-character guard and a crash-safe write, not of the disk.
 */
export async function measureExport(service: ProjectService, dir: string): Promise<ExportFigures> {
  const exportFile = path.join(dir, 'export.csv');
  const baselineFile = path.join(dir, 'export-baseline.csv');
  let bytes = 0;
  const figures = await rounds(WARMUPS, REPEATS, async () => {
    let content = '';
    const export_ms = await timed(async () => {
      content = (await service.exportContent('excerpts-csv')).content;
    });
    // Measured, then let go, so the next two timings do not run beside a 60 MB string.
    bytes = Buffer.byteLength(content, 'utf8');
    content = '';
    const export_write_ms = await timed(async () => {
      await writeFileDurably(exportFile, (await service.exportFile('excerpts-csv')).content, false);
    });
    const rows = excerptRows(service.current);
    const export_baseline_ms = await timed(async () => {
      const handle = await fs.open(baselineFile, 'w');
      try {
        await handle.writeFile(rows.map((row) => row.join(',')).join('\n'), 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
    });
    return { export_ms, export_write_ms, export_baseline_ms };
  });
  await fs.rm(exportFile, { force: true });
  await fs.rm(baselineFile, { force: true });
  const write = median(figures.export_write_ms);
  const baseline = median(figures.export_baseline_ms);
  return {
    export_ms: median(figures.export_ms),
    export_mb: bytes / 1e6,
    export_ratio: write / baseline,
    export_write_ms: write,
    export_baseline_ms: baseline,
  };
}
