import { describe, expect, it } from 'vitest';
import { median, percentile } from './measure';
import { toJson, toTable, type BenchFigures } from './report';

const figures: BenchFigures = {
  open_ratio: 1.5,
  save_ratio: 1.6,
  apply_p50_ms: 0.04,
  apply_p95_ms: 0.0812345,
  export_ms: 750,
  export_ratio: 1.2345,
  export_write_ms: 1000,
  export_baseline_ms: 810,
  open_ms: 900,
  open_baseline_ms: 600,
  save_ms: 960,
  save_baseline_ms: 600,
  apply_calls: 10_000,
  export_mb: 30.4,
  file_mb: 68.2,
  documents: 1000,
  characters: 10_000_000,
  codings: 100_000,
  codes: 200,
  warmups: 1,
  repeats: 5,
  node: '20.20.2',
  load_avg: 0.5,
  cores: 2,
};

describe('bench statistics', () => {
  it('takes nearest-rank percentiles regardless of sample order', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 100)).toBe(100);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([])).toBeNaN();
  });
});

describe('bench report', () => {
  it('prints one JSON object with the keys the issue names, rounded to 3 decimals', () => {
    const parsed = JSON.parse(toJson(figures)) as Record<string, unknown>;
    expect(parsed).toMatchObject({ open_ratio: 1.5, save_ratio: 1.6, apply_p50_ms: 0.04, apply_p95_ms: 0.081, export_ms: 750, export_ratio: 1.235 });
  });

  it('marks each figure against its target', () => {
    const table = toTable(figures);
    expect(table).toMatch(/open project .* PASS/);
    expect(table).toMatch(/save \(one change \+ flush\) .* MISS/);
    expect(table).toMatch(/excerpts CSV written to a file +1000 ms +810 ms +1\.23× +≤ 1\.5× +PASS/);
    expect(table).toContain('Missed: save_ratio.');
  });
});
