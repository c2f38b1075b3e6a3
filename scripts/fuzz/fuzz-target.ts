/**
 * What a fuzz target is, and running one with fast-check: each generated input must end in
 * a result or in the target's own clear refusal, within a time bound. Anything else (an
 * exception of another kind, a broken promise about the result, an input slower than the
 * bound) is a failure, reported with the smallest input fast-check can shrink it to.
 *
 * A target is one module in scripts/fuzz/targets/ (not a *.test.ts) exporting `target`;
 * `npm run fuzz` finds it by its file name, so adding a target touches no other file.
 */
import fc from 'fast-check';

/** How one input ended, when it ended well. `detail` groups the figures (a refusal's reason, say). */
export interface Outcome {
  kind: 'result' | 'refused';
  detail?: string;
}

export interface FuzzTarget<Input> {
  /** The name `npm run fuzz -- NAME` takes: the module's file name. */
  name: string;
  /** One line for `npm run fuzz -- --list`. */
  summary: string;
  /** Builds what the inputs are made from (real files, sample projects); run once. */
  setup(): Promise<fc.Arbitrary<Input>>;
  /** Runs one input. Throws only on a failure: a refusal is an Outcome, not an exception. */
  run(input: Input): Promise<Outcome>;
  /** Frees what setup made (temp folders). */
  teardown?(): Promise<void>;
  /** Writes a failing input where a person can look at it and feed it to Gloss by hand; returns the path. */
  keep?(input: Input): Promise<string>;
}

export interface FuzzOptions {
  runs: number;
  seed?: number;
  /** With the seed, replays one failure exactly (fast-check's counterexample path). */
  path?: string;
  /** An input taking longer than this fails: it stands for a hang or runaway growth. */
  timeLimitMs: number;
}

export interface FuzzFigures {
  target: string;
  seed: number;
  tried: number;
  results: number;
  refused: number;
  /** Inputs that threw something other than a refusal, broke a promise about the result, or took too long. */
  crashes: number;
  slowestMs: number;
  elapsedMs: number;
  /** Outcomes counted by detail ("refused: not valid JSON" → 120). */
  details: Record<string, number>;
  /** fast-check's report of the first failure, with the shrunk input and the seed to replay it. */
  failure: string | null;
}

/**
 * Wall-clock bound per input, generous on purpose: the fuzzer runs beside other work on
 * small machines, and what it hunts (a loop that never ends, a regular expression that
 * backtracks for minutes) takes far longer than this.
 */
export const DEFAULT_TIME_LIMIT_MS = 5_000;

/** Runs `target` for `options.runs` inputs and counts how they ended. */
export async function fuzz<Input>(target: FuzzTarget<Input>, options: FuzzOptions): Promise<FuzzFigures> {
  const started = performance.now();
  const arbitrary = await target.setup();
  const figures: FuzzFigures = {
    target: target.name,
    seed: options.seed ?? Date.now() % 2 ** 31,
    tried: 0,
    results: 0,
    refused: 0,
    crashes: 0,
    slowestMs: 0,
    elapsedMs: 0,
    details: {},
    failure: null,
  };
  /** Set at the first failure: fast-check then replays smaller inputs, which are not counted. */
  let shrinking = false;
  try {
    const details = await fc.check(
      fc.asyncProperty(arbitrary, async (input) => {
        const at = performance.now();
        let outcome: Outcome;
        try {
          outcome = await target.run(input);
          const took = performance.now() - at;
          if (took > options.timeLimitMs) throw new Error(`took ${Math.round(took)} ms, over the bound of ${options.timeLimitMs} ms`);
        } catch (e) {
          shrinking = true;
          throw e;
        }
        if (!shrinking) {
          figures.slowestMs = Math.max(figures.slowestMs, performance.now() - at);
          figures.tried++;
          figures[outcome.kind === 'result' ? 'results' : 'refused']++;
          const key = `${outcome.kind}${outcome.detail ? `: ${outcome.detail}` : ''}`;
          figures.details[key] = (figures.details[key] ?? 0) + 1;
        }
      }),
      { numRuns: options.runs, seed: figures.seed, path: options.path, endOnFailure: false },
    );
    if (details.failed) {
      // fast-check stops at the first failure (and shrinks it), so there is at most one.
      figures.crashes = 1;
      figures.tried++;
      const error = details.errorInstance;
      const what = error instanceof Error ? (error.stack ?? error.message) : String(error);
      const kept = details.counterexample && target.keep ? await target.keep(details.counterexample[0]) : null;
      figures.failure = [
        `failure (shrunk ${details.numShrinks} times): ${what}`,
        kept ? `the input is kept in ${kept}` : '',
        `replay: npm run fuzz -- ${target.name} --seed ${details.seed} --path ${details.counterexamplePath}`,
      ]
        .filter(Boolean)
        .join('\n');
    }
  } finally {
    await target.teardown?.();
  }
  figures.elapsedMs = performance.now() - started;
  return figures;
}

/** The figures as a few lines for a person. */
export function describeFigures(f: FuzzFigures): string {
  const lines = [
    `${f.target}: ${f.tried} inputs tried in ${(f.elapsedMs / 1000).toFixed(1)} s (seed ${f.seed}): ${f.results} results, ${f.refused} refused, ${f.crashes} crashes; slowest input ${Math.round(f.slowestMs)} ms`,
    ...Object.entries(f.details)
      .sort((a, b) => b[1] - a[1])
      .map(([what, n]) => `  ${String(n).padStart(7)}  ${what}`),
  ];
  if (f.failure) lines.push('', f.failure);
  return lines.join('\n');
}
