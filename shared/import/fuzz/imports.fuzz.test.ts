/**
 * A short run of the import fuzzer in the normal suite: every importer and reader of files
 * from outside, fed its real fixtures mutated and random bytes, must end each input in a
 * result or a clear refusal, never a crash. `npm run fuzz:imports -- --runs N` runs a long
 * one and prints its figures. GLOSS_FUZZ_SEED replays another seed, GLOSS_FUZZ_RUNS sets the count.
 */
import { describe, expect, it } from 'vitest';
import { importSeeds } from './fixtures/seeds';
import { fuzzTarget, type Crash } from './run';
import { IMPORT_TARGETS } from './targets';

const SEED = Number(process.env.GLOSS_FUZZ_SEED ?? 20_260_101);
const seeds = importSeeds();

/** A crash as a line that shows enough of the input to see what it was. */
const shown = (crash: Crash) => `${crash.detail} — input of ${crash.input.length} bytes starting ${JSON.stringify(new TextDecoder().decode(crash.input.subarray(0, 80)))}`;

describe('fuzzing the importers', () => {
  it.each(IMPORT_TARGETS.map((t) => [t.name, t] as const))('%s: every input ends in a result or a clear refusal', async (_, target) => {
    const runs = Number(process.env.GLOSS_FUZZ_RUNS ?? target.shortRuns);
    const stats = await fuzzTarget(target, seeds[target.seeds] ?? [], { runs, seed: SEED, clock: () => performance.now() });
    expect(stats.crashes.map(shown)).toEqual([]);
    expect(stats.tried).toBe(runs);
    // The mutations must get past the first checks: some inputs are read to the end.
    expect(stats.results).toBeGreaterThan(0);
  }, 120_000);
});
