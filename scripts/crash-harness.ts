/**
 * `npm run test:crash -- --rounds N`: the concurrency and crash harness (scripts/crash/),
 * a long run. Many `gloss` writers and a browser host on one project, random SIGKILLs;
 * after every round each acknowledged change must be in the file and the project must open.
 * Prints its figures; exits 1 if a change was lost or the project did not open.
 *
 *   --rounds N        rounds (default 20)
 *   --writers N       writer processes per round (default 6)
 *   --host-chance P   chance of a browser host in a round (default 0.5)
 *   --kill-chance P   chance that a process is killed (default 0.35)
 *   --seed N          seed of the random choices (default: the time)
 *   --tsx             run bin/gloss.mjs through tsx rather than a bundle of the same sources
 *   --keep            keep the folder with the project for a look afterwards
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { figureLines, runHarness } from './crash/harness';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string' },
    writers: { type: 'string' },
    'host-chance': { type: 'string' },
    'kill-chance': { type: 'string' },
    seed: { type: 'string' },
    tsx: { type: 'boolean' },
    keep: { type: 'boolean' },
  },
  strict: true,
});

function number(name: string, fallback: number, min: number, max: number): number {
  const raw = values[name as keyof typeof values];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) {
    process.stderr.write(`crash harness: --${name} must be a number from ${min} to ${max}, not ${JSON.stringify(raw)}\n`);
    process.exit(2);
  }
  return n;
}

const options = {
  rounds: Math.floor(number('rounds', 20, 1, 100_000)),
  writers: Math.floor(number('writers', 6, 1, 64)),
  hostChance: number('host-chance', 0.5, 0, 1),
  killChance: number('kill-chance', 0.35, 0, 1),
  seed: Math.floor(number('seed', Date.now() % 2 ** 31, 0, 2 ** 31)),
  // A gloss process lives a few seconds on a busy machine; kills land anywhere in that.
  killWindowMs: 8_000,
  roundLimitMs: 60_000,
  tsx: values.tsx === true,
};

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-crash-'));
process.stderr.write(`crash harness: seed ${options.seed}, ${options.rounds} rounds of ${options.writers} writers in ${dir}\n`);
const figures = await runHarness({ ...options, dir, log: (line) => process.stderr.write(`crash harness: ${line}\n`) });
for (const line of figureLines(figures)) process.stdout.write(`${line}\n`);
if (values.keep) process.stderr.write(`crash harness: kept ${dir}\n`);
else await fs.rm(dir, { recursive: true, force: true });
process.exit(figures.problems.length === 0 ? 0 : 1);
