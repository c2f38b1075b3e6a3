/**
 * One fuzz target, run in a child process so that the fuzz script can stop it when an input
 * hangs (a synchronous loop never lets a timer in the same process fire). Tells the script
 * about each input before reading it, then sends the figures.
 */
import { isPdfJsException } from '../../electron/service/pdf-rejections';
import { importSeeds } from '../../shared/import/fuzz/fixtures/seeds';
import { fuzzTarget } from '../../shared/import/fuzz/run';
import { IMPORT_TARGETS } from '../../shared/import/fuzz/targets';
import type { FromWorker, WorkerTask } from './messages';

const task = JSON.parse(process.argv[2]!) as WorkerTask;
const post = (message: FromWorker) => new Promise<void>((resolve) => process.send!(message, () => resolve()));

// pdf.js leaves some rejections unhandled after its answer (electron/service/pdf-rejections.ts);
// the hosts let them go, so they are counted here rather than ending the run. Any other ends it.
let strayPdfRejections = 0;
process.on('unhandledRejection', (reason) => {
  if (!isPdfJsException(reason)) throw reason;
  strayPdfRejections++;
});

const target = IMPORT_TARGETS.find((t) => t.name === task.target)!;
const seeds = importSeeds(task.samples)[target.seeds] ?? [];
// The first read loads the target's libraries (pdf.js alone takes seconds to compile): that
// is no input's time, so it happens before the time bound starts counting.
await target.read(seeds[0] ?? new Uint8Array(0)).catch(() => {});
await post({ kind: 'ready' });
const stats = await fuzzTarget(target, seeds, {
  runs: task.runs,
  seed: task.seed,
  clock: () => performance.now(),
  // Awaited: the message only leaves when the event loop turns, and the readers rarely let it.
  onInput: (index, input) => post({ kind: 'input', index, input }),
});
await post({ kind: 'done', stats, strayPdfRejections });
process.disconnect();
