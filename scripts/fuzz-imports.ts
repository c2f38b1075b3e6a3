/**
 * `npm run fuzz:imports`: the long run of the import fuzzer (the normal test suite runs a
 * short one, shared/import/fuzz/imports.fuzz.test.ts). Every importer of the registry, the
 * REFI-QDA project reader and both codebook readers read random bytes and mutated real
 * files; each input must end in a result or a clear refusal within the time bound. Prints,
 * per target: inputs tried, results, refusals, crashes, and the slowest input. Inputs that
 * crash or hang are written to .tmp/fuzz-imports/ to replay; the exit code is 1 if any did.
 *
 *   npm run fuzz:imports -- --runs 20000          inputs per target (default 2,000)
 *   npm run fuzz:imports -- --target docx         one target (txt, md, srt, vtt, html, xhtml,
 *                                                 rtf, odt, epub, docx, pdf, qdpx, qdc, codebook-csv)
 *   npm run fuzz:imports -- --seed 7              fast-check's seed (default: random, printed)
 *   npm run fuzz:imports -- --bound 10000         ms an input may take before it counts as a hang
 *   npm run fuzz:imports -- --samples DIR         REFI-QDA samples (default ../shared/refi-qda/samples)
 *   npm run fuzz:imports -- --refusals            also list each target's commonest refusals, to read them
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fork } from 'node:child_process';
import { DEFAULT_REFI_SAMPLES } from '../shared/import/fuzz/fixtures/seeds';
import type { FuzzStats } from '../shared/import/fuzz/run';
import { IMPORT_TARGETS } from '../shared/import/fuzz/targets';
import type { FromWorker, WorkerTask } from './fuzz-imports/messages';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '2000' },
    target: { type: 'string' },
    seed: { type: 'string' },
    bound: { type: 'string', default: '10000' },
    samples: { type: 'string', default: DEFAULT_REFI_SAMPLES },
    refusals: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const bound = Number(values.bound);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const targets = values.target ? IMPORT_TARGETS.filter((t) => t.name === values.target) : IMPORT_TARGETS;
if (!(runs > 0) || !(bound > 0) || !Number.isInteger(seed) || targets.length === 0) {
  process.stderr.write(`fuzz:imports: give --runs and --bound as positive numbers, --seed as an integer, --target as one of ${IMPORT_TARGETS.map((t) => t.name).join(', ')}\n`);
  process.exit(2);
}
const out = path.resolve('.tmp/fuzz-imports');
/** Loading TypeScript, pdf.js and the seeds in a fresh process takes seconds on a busy machine; inputs get the bound. */
const STARTUP_MS = 120_000;

interface Row {
  stats: FuzzStats;
  strayPdfRejections: number;
  hung: { index: number; bytes: number } | null;
  saved: string[];
}

function save(target: string, what: string, index: number, input: Uint8Array): string {
  mkdirSync(out, { recursive: true });
  const file = path.join(out, `${target}-${what}-seed${seed}-${index}.bin`);
  writeFileSync(file, input);
  return path.relative(process.cwd(), file);
}

/**
 * Runs one target in a child process; stops it when an input takes longer than the bound.
 * A process rather than a worker thread: pdf.js, finding itself in a worker thread, waits
 * for messages that never come.
 */
function runTarget(name: string): Promise<Row> {
  return new Promise((resolve, reject) => {
    const task: WorkerTask = { target: name, runs, seed, samples: values.samples! };
    const worker = fork(new URL('./fuzz-imports/worker.ts', import.meta.url), [JSON.stringify(task)], {
      execArgv: ['--import', 'tsx'],
      // Maps and byte arrays cross as they are.
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let last: { index: number; input: Uint8Array } = { index: -1, input: new Uint8Array(0) };
    let started = false;
    let timer = setTimeout(hang, STARTUP_MS);
    function hang(): void {
      worker.kill('SIGKILL');
      if (!started) {
        reject(new Error(`the ${name} worker did not start within ${STARTUP_MS / 1000} s`));
        return;
      }
      const stats: FuzzStats = { target: name, tried: last.index + 1, results: 0, refused: 0, crashes: [], slowest: { ms: bound, bytes: last.input.length }, refusals: new Map() };
      resolve({ stats, strayPdfRejections: 0, hung: { index: last.index, bytes: last.input.length }, saved: [save(name, 'hang', last.index, last.input)] });
    }
    worker.on('message', (message: FromWorker) => {
      clearTimeout(timer);
      if (message.kind === 'ready') {
        started = true;
        timer = setTimeout(hang, bound);
        return;
      }
      if (message.kind === 'input') {
        last = message;
        timer = setTimeout(hang, bound);
        return;
      }
      worker.kill('SIGKILL');
      const saved = message.stats.crashes.map((c, i) => save(name, 'crash', i, c.input));
      resolve({ stats: message.stats, strayPdfRejections: message.strayPdfRejections, hung: null, saved });
    });
    worker.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    worker.on('exit', (code, signal) => {
      // A crash of the whole process (out of memory, say) ends the target like a crash of one input.
      if (code === 0 || signal === 'SIGKILL') return;
      clearTimeout(timer);
      const stats: FuzzStats = { target: name, tried: last.index + 1, results: 0, refused: 0, crashes: [{ detail: `the process died (exit ${code ?? signal})`, input: last.input }], slowest: { ms: 0, bytes: 0 }, refusals: new Map() };
      resolve({ stats, strayPdfRejections: 0, hung: null, saved: [save(name, 'died', last.index, last.input)] });
    });
  });
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
process.stdout.write(`Import fuzzing: ${runs} inputs per target, seed ${seed}, time bound ${bound} ms per input\n\n`);
process.stdout.write(`${'target'.padEnd(13)}${pad('tried', 8)}${pad('results', 9)}${pad('refused', 9)}${pad('crashes', 9)}   slowest input\n`);
let failed = false;
const totals = { tried: 0, results: 0, refused: 0, crashes: 0 };
for (const target of targets) {
  const row = await runTarget(target.name);
  const { stats } = row;
  const crashes = stats.crashes.length + (row.hung ? 1 : 0);
  failed ||= crashes > 0;
  totals.tried += stats.tried;
  totals.results += stats.results;
  totals.refused += stats.refused;
  totals.crashes += crashes;
  const slowest = row.hung ? `hung (input ${row.hung.index}, ${row.hung.bytes} bytes)` : `${stats.slowest.ms.toFixed(0)} ms (${stats.slowest.bytes} bytes)`;
  process.stdout.write(`${target.name.padEnd(13)}${pad(stats.tried, 8)}${pad(stats.results, 9)}${pad(stats.refused, 9)}${pad(crashes, 9)}   ${slowest}\n`);
  for (const crash of stats.crashes.slice(0, 5)) process.stdout.write(`    crash: ${crash.detail.slice(0, 300)}\n`);
  if (row.strayPdfRejections > 0) {
    process.stdout.write(`    ${row.strayPdfRejections} stray pdf.js rejection(s) after an answer, let go as the hosts do (electron/service/pdf-rejections.ts)\n`);
  }
  for (const file of row.saved) process.stdout.write(`    input saved: ${file}\n`);
  if (values.refusals) {
    for (const [reason, n] of [...stats.refusals].sort((a, b) => b[1] - a[1]).slice(0, 8)) process.stdout.write(`    ${pad(n, 6)}× ${reason}\n`);
  }
}
process.stdout.write(`${'all'.padEnd(13)}${pad(totals.tried, 8)}${pad(totals.results, 9)}${pad(totals.refused, 9)}${pad(totals.crashes, 9)}\n`);
process.exit(failed ? 1 : 0);
