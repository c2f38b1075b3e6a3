/** Timing helpers for the bench: a clock, a garbage collector, and order statistics. */
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';

/** Milliseconds, with sub-millisecond resolution. */
export const now = (): number => performance.now();

/**
 * A full garbage collection between timed runs, so that one run does not pay for the
 * garbage of the run before it (a 70 MB project leaves a lot). `npm run bench` cannot
 * pass --expose-gc to node through tsx, so the flag is set at run time and `gc` fetched
 * from a fresh context, where V8 installs it once the flag is on.
 */
export const collectGarbage: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as unknown;
  return typeof gc === 'function' ? (gc as () => void) : () => {};
})();

/** The value below which `p` percent of the samples lie (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

/** Time of one async call in ms, after a garbage collection that is not timed. */
export async function timed(fn: () => Promise<unknown> | unknown): Promise<number> {
  collectGarbage();
  const start = now();
  await fn();
  return now() - start;
}

/**
 * Runs `round` warm-up + repeat times and keeps the figures of the timed rounds. Each
 * round returns one figure per measured variant (e.g. the service and its baseline), so
 * variants run interleaved and share whatever state the machine is in.
 */
export async function rounds<K extends string>(
  warmups: number,
  repeats: number,
  round: (index: number) => Promise<Record<K, number>>,
): Promise<Record<K, number[]>> {
  const out = {} as Record<K, number[]>;
  for (let i = 0; i < warmups + repeats; i++) {
    const figures = await round(i);
    if (i < warmups) continue;
    for (const key of Object.keys(figures) as K[]) (out[key] ??= []).push(figures[key]);
  }
  return out;
}
