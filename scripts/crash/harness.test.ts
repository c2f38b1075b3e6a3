/**
 * A short run of the concurrency and crash harness (`npm run test:crash` runs a long one):
 * one round of gloss writers and a browser host on one project, with kills. Every change a
 * process acknowledged must be in the file, the project must open, and no temp file may be
 * left once a lock holder has opened it.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { figureLines, runHarness } from './harness';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-crash-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('crash harness (short run)', () => {
  it('loses no acknowledged change among racing writers, a browser host and SIGKILLs', { timeout: 180_000 }, async () => {
    const figures = await runHarness({
      dir,
      rounds: 1,
      writers: 3,
      hostChance: 1,
      killChance: 0.5,
      // Short, so that the kills land while the processes run.
      killWindowMs: 3_000,
      // The host is killed half a second into serving, so the run has a kill whatever the timings.
      killHostAfterMs: 500,
      roundLimitMs: 90_000,
      seed: 5,
    });
    const report = figureLines(figures).join('\n');
    expect(figures.problems, report).toEqual([]);
    expect(figures.lost, report).toBe(0);
    expect(figures.unopenable, report).toBe(0);
    expect(figures.leftoverTemps, report).toBe(0);
    // Three racing writers, the host, and the writer that takes over after the host's kill.
    expect(figures.writers + figures.hosts, report).toBe(5);
    expect(figures.kills, report).toBeGreaterThan(0);
    expect(figures.acknowledged, report).toBeGreaterThan(0);
  });
});
