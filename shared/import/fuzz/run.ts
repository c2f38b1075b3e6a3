/**
 * Runs one fuzz target over generated inputs and counts how each ended: a result, a clear
 * refusal (the reader's own Result error), or a crash. A crash is a thrown exception, a
 * result that breaks the text convention, or a refusal that only passes on an internal
 * error ("Cannot read properties of undefined", a stack overflow, "this is a bug in
 * Gloss"): a person could do nothing with it. Hangs are caught by whoever runs this, with a
 * time bound around each input (the test's timeout, the fuzz script's watchdog).
 */
import fc from 'fast-check';
import { fuzzInputs } from './mutate';
import type { FuzzTarget } from './targets';

export type Outcome = { kind: 'result' } | { kind: 'refused'; reason: string } | { kind: 'crash'; detail: string };

/** What gives a refusal away as an error inside Gloss or a library rather than a reason about the file. */
const INTERNAL =
  /\b(?:TypeError|RangeError|ReferenceError|SyntaxError|InternalError)\b|Maximum call stack|Cannot (?:read|set) propert|is not a function|is not iterable|is not defined|Invalid (?:array|string) length|\bundefined\b|\[object |this is a bug in Gloss/;

/** How reading `bytes` with `target` ended. */
export async function outcomeOf(target: FuzzTarget, bytes: Uint8Array): Promise<Outcome> {
  try {
    const read = await target.read(bytes);
    if (read.ok) return { kind: 'result' };
    if (!read.error.trim()) return { kind: 'crash', detail: 'refused with an empty message' };
    if (INTERNAL.test(read.error)) return { kind: 'crash', detail: `refused with an internal error: ${read.error}` };
    return { kind: 'refused', reason: read.error };
  } catch (e) {
    return { kind: 'crash', detail: `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}` };
  }
}

export interface Crash {
  detail: string;
  input: Uint8Array;
}

export interface FuzzStats {
  target: string;
  tried: number;
  results: number;
  refused: number;
  crashes: Crash[];
  /** The input that took longest, by its size in bytes. */
  slowest: { ms: number; bytes: number };
  /** Refusal messages with the file's own details (numbers, names) blurred, and how often each came. */
  refusals: Map<string, number>;
}

export interface FuzzOptions {
  runs: number;
  /** fast-check's seed: the same seed and runs give the same inputs. */
  seed: number;
  /** Milliseconds from some fixed point (performance.now), for the slowest input. */
  clock: () => number;
  /** Called, and awaited, before each input: to tell a watchdog what is being read. */
  onInput?: (index: number, input: Uint8Array) => void | Promise<void>;
}

/** Inputs are drawn this many at a time, so a long run never holds them all. */
const BATCH = 100;

/** One refusal message with its particulars blurred, to count refusals by kind. */
const kindOf = (reason: string) => reason.replace(/“[^”]*”|"[^"]*"|\d[\d,.]*/g, '…').slice(0, 120);

/** Reads `runs` inputs made from `seeds` with `target` and counts how each ended. */
export async function fuzzTarget(target: FuzzTarget, seeds: readonly Uint8Array[], options: FuzzOptions): Promise<FuzzStats> {
  const stats: FuzzStats = { target: target.name, tried: 0, results: 0, refused: 0, crashes: [], slowest: { ms: 0, bytes: 0 }, refusals: new Map() };
  const inputs = fuzzInputs(seeds, target.tokens);
  // Every seed first: the real files must themselves read cleanly.
  const queue: Uint8Array[] = [...seeds];
  let batches = 0;
  while (stats.tried < options.runs) {
    if (queue.length === 0) queue.push(...fc.sample(inputs, { numRuns: Math.min(BATCH, options.runs - stats.tried), seed: options.seed + batches++ }));
    const input = queue.shift()!;
    await options.onInput?.(stats.tried, input);
    const started = options.clock();
    const outcome = await outcomeOf(target, input);
    const ms = options.clock() - started;
    stats.tried++;
    if (ms > stats.slowest.ms) stats.slowest = { ms, bytes: input.length };
    if (outcome.kind === 'result') stats.results++;
    else if (outcome.kind === 'refused') {
      stats.refused++;
      const kind = kindOf(outcome.reason);
      stats.refusals.set(kind, (stats.refusals.get(kind) ?? 0) + 1);
    } else stats.crashes.push({ detail: outcome.detail, input });
  }
  return stats;
}
