/**
 * A short run of the loader fuzzer in the normal suite; `npm run fuzz -- loader --runs N`
 * (or GLOSS_FUZZ_RUNS=N here) runs a long one.
 */
import { describe, expect, it } from 'vitest';
import { fuzz, describeFigures, DEFAULT_TIME_LIMIT_MS } from '../fuzz-target';
import { reasonOf, target } from './loader';

const RUNS = Number(process.env.GLOSS_FUZZ_RUNS ?? 300);

describe('fuzzing the project loader', () => {
  it(`ends every input in a project or a clear refusal (${RUNS} inputs)`, { timeout: 120_000 + RUNS * 100 }, async () => {
    const figures = await fuzz(target, { runs: RUNS, timeLimitMs: DEFAULT_TIME_LIMIT_MS });
    if (process.env.GLOSS_FUZZ_RUNS) console.log(describeFigures(figures));
    expect(figures.failure).toBeNull();
    expect(figures.crashes).toBe(0);
    expect(figures.tried).toBe(RUNS);
    // The inputs reach both ends: some load, some are refused, and not only as bad JSON.
    expect(figures.results).toBeGreaterThan(0);
    expect(figures.refused).toBeGreaterThan(0);
    expect(Object.keys(figures.details).filter((k) => k.startsWith('refused:') && k !== 'refused: not valid JSON').length).toBeGreaterThan(3);
    expect(Object.keys(figures.details).filter((k) => k.startsWith('result:')).length).toBeGreaterThanOrEqual(2);
  });

  it('groups refusals by reason, whatever the ids and numbers', () => {
    expect(reasonOf('fuzz.gloss could not be opened: codings[12].end: 99 is past the end of its document (13 characters). The file was left untouched.')).toBe(
      'coding past the end of its text',
    );
    expect(reasonOf('fuzz.gloss could not be opened: duplicate id k1 in codes, entries 0 and 1. The file was left untouched.')).toBe('duplicate id');
    expect(reasonOf('fuzz.gloss could not be opened: documents[0].name: missing (it should be a string). The file was left untouched.')).toBe('a field missing');
  });
});
