/** What the fuzz script and its worker thread tell each other. */
import type { FuzzStats } from '../../shared/import/fuzz/run';

export interface WorkerTask {
  target: string;
  runs: number;
  seed: number;
  samples: string;
}

export type FromWorker = { kind: 'ready' } | { kind: 'input'; index: number; input: Uint8Array } | { kind: 'done'; stats: FuzzStats; strayPdfRejections: number };
