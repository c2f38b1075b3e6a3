/** The bench figures, their targets from the issue, and the two ways they are printed. */

export interface BenchFigures {
  open_ratio: number;
  save_ratio: number;
  apply_p50_ms: number;
  apply_p95_ms: number;
  export_ms: number;
  /** The excerpts CSV written to a file, over the bare baseline (scenarios.ts, measureExport). */
  export_ratio: number;
  export_write_ms: number;
  export_baseline_ms: number;
  open_ms: number;
  open_baseline_ms: number;
  save_ms: number;
  save_baseline_ms: number;
  apply_calls: number;
  export_mb: number;
  file_mb: number;
  documents: number;
  characters: number;
  codings: number;
  codes: number;
  warmups: number;
  repeats: number;
  node: string;
  /** 1-minute load average and core count when the bench started: wall times grow on a busy machine, ratios much less. */
  load_avg: number;
  cores: number;
}

/** Upper bounds from issue 2, section 10, and export_ratio from issue 9. */
export const TARGETS = {
  open_ratio: 2,
  save_ratio: 1.5,
  apply_p95_ms: 5,
  export_ms: 1000,
  export_ratio: 1.5,
} as const;

export type Target = keyof typeof TARGETS;

export const passes = (figures: BenchFigures, key: Target): boolean => figures[key] <= TARGETS[key];

const round3 = (value: number) => (Number.isInteger(value) ? value : Math.round(value * 1000) / 1000);

/**
 * One JSON object; numbers rounded to 3 decimals, finer than the run-to-run noise. With
 * a breakdown, its steps come under `breakdown` as { part: { step: ms } }.
 */
export function toJson(figures: BenchFigures, steps: Record<string, { name: string; ms: number }[]> | null = null): string {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(figures)) out[key] = typeof value === 'number' ? round3(value) : value;
  if (steps) {
    out.breakdown = Object.fromEntries(
      Object.entries(steps).map(([part, list]) => [part, Object.fromEntries(list.map((s) => [s.name, round3(s.ms)]))]),
    );
  }
  return JSON.stringify(out);
}

const ms = (value: number) => (value >= 100 ? `${Math.round(value)} ms` : value >= 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(3)} ms`);
const ratio = (value: number) => `${value.toFixed(2)}×`;
const count = (value: number) => value.toLocaleString('en-US');
const mark = (figures: BenchFigures, key: Target) => (passes(figures, key) ? 'PASS' : 'MISS');

/** The human-readable table. */
export function toTable(f: BenchFigures): string {
  const rows: string[][] = [
    ['measure', 'Gloss', 'baseline', 'figure', 'target', ''],
    ['open project', ms(f.open_ms), ms(f.open_baseline_ms), ratio(f.open_ratio), `≤ ${TARGETS.open_ratio}×`, mark(f, 'open_ratio')],
    ['save (one change + flush)', ms(f.save_ms), ms(f.save_baseline_ms), ratio(f.save_ratio), `≤ ${TARGETS.save_ratio}×`, mark(f, 'save_ratio')],
    ['apply code, p50', ms(f.apply_p50_ms), '', ms(f.apply_p50_ms), '', ''],
    ['apply code, p95', ms(f.apply_p95_ms), '', ms(f.apply_p95_ms), `≤ ${TARGETS.apply_p95_ms} ms`, mark(f, 'apply_p95_ms')],
    [`excerpts CSV (${f.export_mb.toFixed(1)} MB)`, ms(f.export_ms), '', ms(f.export_ms), `≤ ${TARGETS.export_ms} ms`, mark(f, 'export_ms')],
    ['excerpts CSV written to a file', ms(f.export_write_ms), ms(f.export_baseline_ms), ratio(f.export_ratio), `≤ ${TARGETS.export_ratio}×`, mark(f, 'export_ratio')],
  ];
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!)))
      .join('  ')
      .trimEnd();
  const misses = (Object.keys(TARGETS) as Target[]).filter((key) => !passes(f, key));
  return [
    `Gloss bench: ${count(f.documents)} documents, ${count(f.characters)} characters, ${count(f.codings)} codings, ` +
      `${count(f.codes)} codes (${f.file_mb.toFixed(1)} MB file)`,
    `Median of ${f.repeats} runs after ${f.warmups} warm-up; apply latency over ${count(f.apply_calls)} calls; Node ${f.node}; ` +
      `load average ${f.load_avg.toFixed(1)} on ${f.cores} cores at the start.`,
    '',
    line(rows[0]!),
    ...rows.slice(1).map(line),
    '',
    misses.length === 0 ? 'All targets met.' : `Missed: ${misses.join(', ')}.`,
  ].join('\n');
}
