/**
 * `npm run fuzz`: property-based fuzzing with fast-check, one target or many.
 *
 *   npm run fuzz                          every target, 1,000 inputs each
 *   npm run fuzz -- loader --runs 100000  one target, a long run
 *   npm run fuzz -- --seed 42             the same inputs again (the figures print the seed)
 *   npm run fuzz -- loader --seed 42 --path 3:1:0   replay one failure (a failure prints this line)
 *   npm run fuzz -- --list                the targets
 *   npm run fuzz -- imports --runs 20000  every importer (runs scripts/fuzz-imports.ts, which
 *                                         takes its own options: --target, --seed, --bound …)
 *
 * Each target is a module in scripts/fuzz/targets/ exporting `target` (see fuzz-target.ts);
 * its file name is its name. Prints the figures of each (inputs tried, results, refused,
 * crashes) and exits 1 if any input crashed, with the shrunk input and how to replay it.
 * The normal test suite runs each target briefly (targets/NAME.test.ts).
 */
import { promises as fs } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { DEFAULT_TIME_LIMIT_MS, describeFigures, fuzz, type FuzzTarget } from './fuzz-target';

const TARGETS = fileURLToPath(new URL('./targets/', import.meta.url));

async function loadTargets(): Promise<FuzzTarget<unknown>[]> {
  const names = (await fs.readdir(TARGETS)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
  const targets: FuzzTarget<unknown>[] = [];
  for (const name of names) {
    const module = (await import(pathToFileURL(path.join(TARGETS, name)).href)) as { target?: FuzzTarget<unknown> };
    if (!module.target) throw new Error(`scripts/fuzz/targets/${name} exports no \`target\``);
    targets.push(module.target);
  }
  return targets;
}

function whole(value: string | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${option} must be a whole number of at least 1, not ${JSON.stringify(value)}`);
  return n;
}

async function main(): Promise<number> {
  // The importers have their own runner: each reader in its own process, with a time bound per input.
  if (process.argv[2] === 'imports') {
    const script = fileURLToPath(new URL('../fuzz-imports.ts', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', 'tsx', script, ...process.argv.slice(3)], { stdio: 'inherit' });
    return run.status ?? 1;
  }
  const { values, positionals } = parseArgs({
    options: { runs: { type: 'string' }, seed: { type: 'string' }, path: { type: 'string' }, 'time-limit': { type: 'string' }, list: { type: 'boolean' } },
    allowPositionals: true,
  });
  const all = await loadTargets();
  if (values.list) {
    for (const t of all) console.log(`${t.name.padEnd(12)} ${t.summary}`);
    return 0;
  }
  const unknown = positionals.filter((name) => !all.some((t) => t.name === name));
  if (unknown.length > 0) throw new Error(`no fuzz target named ${unknown.join(', ')} (targets: ${all.map((t) => t.name).join(', ')})`);
  const chosen = positionals.length > 0 ? all.filter((t) => positionals.includes(t.name)) : all;
  const runs = whole(values.runs ?? process.env.GLOSS_FUZZ_RUNS, 'runs', 1_000);
  const seed = values.seed === undefined ? undefined : whole(values.seed, 'seed', 0);
  const timeLimitMs = whole(values['time-limit'], 'time-limit', DEFAULT_TIME_LIMIT_MS);
  let crashed = false;
  for (const target of chosen) {
    process.stderr.write(`fuzz: ${target.name}: ${runs} inputs…\n`);
    const figures = await fuzz(target, { runs, seed, path: values.path, timeLimitMs });
    console.log(describeFigures(figures));
    crashed ||= figures.crashes > 0;
  }
  return crashed ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(`fuzz: ${(e as Error).message}`);
    process.exitCode = 2;
  },
);
