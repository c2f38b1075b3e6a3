/**
 * The analysis views on the benchmark project (issue 12 §7): code frequencies, code
 * co-occurrence (by shared characters, and within the paragraph), and code matrices
 * against documents, cases and a variable's values, each timed as the CLI and the views
 * call the engine (shared/analysis/), and as a ratio to a bare pass over the codings: one
 * loop over the codings table summing lengths, the least any of these views must do.
 *
 * The synthetic project has no cases or variables, so 100 cases of 10 documents each are
 * added, with a "Site" of five values set on the cases (a document takes its case's value).
 *
 *   npx tsx scripts/bench/analysis.ts [--quick]   runs it alone and prints the figures
 */
import { pathToFileURL } from 'node:url';
import type { ProjectFile } from '../../shared/model/schema';
import { stateFromFile, type ProjectState } from '../../shared/model/state';
import { codeFrequencies } from '../../shared/analysis/frequencies';
import { cooccurrence } from '../../shared/analysis/cooccurrence';
import { codeMatrix } from '../../shared/analysis/matrix';
import { retrieve, butNot, type CodeQuery } from '../../shared/analysis/retrieval';
import { analyse, runAnalysis } from '../../electron/service/analysis';
import type { ComputedRequest } from '../../electron/service/tasks/analysis-task';
import { collectGarbage, median, now, rounds } from './measure';
import { FULL_SIZE, syntheticProject, type SyntheticOptions } from './synthetic-project';

const WARMUPS = 1;
const REPEATS = 5;

/** Issue 12 §7's targets, ms. */
export const ANALYSIS_TARGETS = { frequencies_ms: 300, cooccurrence_ms: 1000, matrix_ms: 500 } as const;

export interface AnalysisFigures {
  frequencies_ms: number;
  /** The slower of by characters and within the paragraph. */
  cooccurrence_ms: number;
  cooccurrence_overlap_ms: number;
  cooccurrence_paragraph_ms: number;
  /** The slowest of the three kinds of columns. */
  matrix_ms: number;
  matrix_documents_ms: number;
  matrix_cases_ms: number;
  matrix_variable_ms: number;
  /** The bare pass over the codings the ratios divide by. */
  analysis_baseline_ms: number;
  frequencies_ratio: number;
  cooccurrence_ratio: number;
  matrix_ratio: number;
  /** CPU time of the same (the slowest kind, as above), for a loaded machine. */
  frequencies_cpu_ms: number;
  cooccurrence_cpu_ms: number;
  matrix_cpu_ms: number;
  /** Pairs of codings the co-occurrence counted, so the figure can be read against the work done. */
  cooccurring_pairs: number;
  /** AND / OR / NOT retrieval (the slowest of A AND B, A OR B, A AND NOT B on the two most used codes). */
  retrieve_ms: number;
  /** The Analysis view's request for codes × documents as the host answers it: computed and written as JSON (the reply crosses IPC or HTTP). */
  matrix_reply_ms: number;
  /** That reply's size, MB. */
  matrix_reply_mb: number;
  retrieve_cpu_ms: number;
  matrix_reply_cpu_ms: number;
  /**
   * The views as the app asks for them since they run in the task worker (issue 12 §1):
   * request to reply, with the tables the worker already holds (another view or option
   * on an unchanged project), and the first after a change, which sends them.
   */
  worker_frequencies_ms: number;
  worker_cooccurrence_ms: number;
  worker_matrix_ms: number;
  worker_first_matrix_ms: number;
  /** The host's main thread, per request: packing the tables and posting them (first) or the request alone (held). */
  worker_host_first_ms: number;
  worker_host_held_ms: number;
}

const SITES = ['North', 'South', 'East', 'West', 'Centre'];

/** The bench project with cases of ten documents and a Site on each case. */
function withCases(file: ProjectFile): ProjectFile {
  const site = { id: 'variable-site', name: 'Site', type: 'text' as const, description: '' };
  const documents = [...file.documents].sort((a, b) => (a.id < b.id ? -1 : 1));
  const cases = [];
  for (let i = 0; i * 10 < documents.length; i++) {
    cases.push({
      id: `case-${String(i).padStart(4, '0')}`,
      name: `Person ${i + 1}`,
      description: '',
      documentIds: documents.slice(i * 10, i * 10 + 10).map((d) => d.id),
      values: { [site.id]: SITES[i % SITES.length]! },
    });
  }
  return { ...file, cases, variables: [site] };
}

/** One loop over every coding of the table; the sum keeps it from being optimised away. */
function barePass(state: ProjectState): number {
  let sum = 0;
  for (const coding of state.codings.values()) sum += coding.end - coding.start;
  return sum;
}

/**
 * Wall time and CPU time of one call, after an untimed garbage collection. CPU time is the
 * process's (user + system), which on an idle machine is about the wall time; on a loaded
 * one (this build machine runs several builds on two cores) the wall time also holds the
 * time other processes had the CPU, and the CPU time says what the view itself costs.
 */
function timedBoth(fn: () => unknown): { wall: number; cpu: number } {
  collectGarbage();
  const cpu = process.cpuUsage();
  const start = now();
  fn();
  const wall = now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/** Median times of each view on the bench project. */
export async function measureAnalysis(size: SyntheticOptions = FULL_SIZE, log: (line: string) => void = () => {}): Promise<AnalysisFigures> {
  const state = stateFromFile(withCases(syntheticProject(size)));
  let pairs = 0;
  let replyBytes = 0;
  const [a, b] = [...state.codingsByCode.entries()].sort((x, y) => y[1].size - x[1].size).map(([id]) => ({ code: id }) as CodeQuery);
  const views: Record<string, () => unknown> = {
    baseline: () => barePass(state),
    frequencies: () => codeFrequencies(state),
    overlap: () => (pairs = cooccurrence(state).pairs.reduce((sum, p) => sum + p.count, 0)),
    paragraph: () => cooccurrence(state, { within: 'paragraph' }),
    documents: () => codeMatrix(state, { columns: { kind: 'documents' } }),
    cases: () => codeMatrix(state, { columns: { kind: 'cases' } }),
    variable: () => codeMatrix(state, { columns: { kind: 'variable', variableId: 'variable-site' } }),
    and: () => retrieve(state, { and: [a!, b!] }),
    or: () => retrieve(state, { or: [a!, b!] }),
    not: () => retrieve(state, butNot(a!, b!)),
    reply: () => (replyBytes = JSON.stringify(analyse(state, { view: 'matrix', columns: { kind: 'documents' }, withSubcodes: false, filter: {} })).length),
  };
  const times = await rounds(WARMUPS, REPEATS, async () => {
    const figures: Record<string, number> = {};
    for (const [name, fn] of Object.entries(views)) {
      const { wall, cpu } = timedBoth(fn);
      figures[name] = wall;
      figures[`${name}_cpu`] = cpu;
    }
    return figures;
  });
  const m = (name: string) => median(times[name]!);
  const worker = await measureWorker(state);
  const cooccurrenceMs = Math.max(m('overlap'), m('paragraph'));
  const matrixMs = Math.max(m('documents'), m('cases'), m('variable'));
  log(`analysis: ${state.codings.size} codings, ${state.codes.size} codes, ${pairs} co-occurring pairs of codings; bare pass ${m('baseline').toFixed(1)} ms`);
  return {
    frequencies_ms: m('frequencies'),
    cooccurrence_ms: cooccurrenceMs,
    cooccurrence_overlap_ms: m('overlap'),
    cooccurrence_paragraph_ms: m('paragraph'),
    matrix_ms: matrixMs,
    matrix_documents_ms: m('documents'),
    matrix_cases_ms: m('cases'),
    matrix_variable_ms: m('variable'),
    analysis_baseline_ms: m('baseline'),
    frequencies_ratio: m('frequencies') / m('baseline'),
    cooccurrence_ratio: cooccurrenceMs / m('baseline'),
    matrix_ratio: matrixMs / m('baseline'),
    frequencies_cpu_ms: m('frequencies_cpu'),
    cooccurrence_cpu_ms: Math.max(m('overlap_cpu'), m('paragraph_cpu')),
    matrix_cpu_ms: Math.max(m('documents_cpu'), m('cases_cpu'), m('variable_cpu')),
    cooccurring_pairs: pairs,
    retrieve_ms: Math.max(m('and'), m('or'), m('not')),
    matrix_reply_ms: m('reply'),
    matrix_reply_mb: replyBytes / 1e6,
    retrieve_cpu_ms: Math.max(m('and_cpu'), m('or_cpu'), m('not_cpu')),
    matrix_reply_cpu_ms: m('reply_cpu'),
    ...worker,
  };
}

type WorkerFigures = Pick<AnalysisFigures, 'worker_frequencies_ms' | 'worker_cooccurrence_ms' | 'worker_matrix_ms' | 'worker_first_matrix_ms' | 'worker_host_first_ms' | 'worker_host_held_ms'>;

/**
 * The views through the host's channel code (runAnalysis) into the analysis lane, with a
 * stand-in service whose revision the bench bumps to make the tables go again. The time
 * the call holds the host's thread before it first waits is the packing and posting.
 */
async function measureWorker(state: ProjectState): Promise<WorkerFigures> {
  const service = { current: state, changeCount: 0, progress: () => {} };
  const timed = async (request: ComputedRequest) => {
    const start = now();
    const reply = runAnalysis(service, request);
    const host = now() - start;
    await reply;
    return { wall: now() - start, host };
  };
  const matrix: ComputedRequest = { view: 'matrix', columns: { kind: 'documents' }, withSubcodes: false, filter: {} };
  await timed(matrix); // the lane's worker loaded
  const first: { wall: number; host: number }[] = [];
  const held: Record<string, { wall: number; host: number }[]> = { frequencies: [], cooccurrence: [], matrix: [] };
  for (let i = 0; i < REPEATS; i++) {
    service.changeCount++;
    collectGarbage();
    first.push(await timed(matrix));
    collectGarbage();
    held.frequencies!.push(await timed({ view: 'frequencies', filter: {} }));
    collectGarbage();
    held.cooccurrence!.push(await timed({ view: 'cooccurrence', within: 'overlap', filter: {} }));
    collectGarbage();
    held.matrix!.push(await timed(matrix));
  }
  const wall = (list: { wall: number }[]) => median(list.map((x) => x.wall));
  return {
    worker_frequencies_ms: wall(held.frequencies!),
    worker_cooccurrence_ms: wall(held.cooccurrence!),
    worker_matrix_ms: wall(held.matrix!),
    worker_first_matrix_ms: wall(first),
    worker_host_first_ms: median(first.map((x) => x.host)),
    worker_host_held_ms: median([...held.frequencies!, ...held.cooccurrence!, ...held.matrix!].map((x) => x.host)),
  };
}

/** The figures as lines for the bench's table. */
export function analysisTable(f: AnalysisFigures): string {
  const mark = (ms: number, target: number) => (ms <= target ? 'PASS' : 'MISS');
  const line = (name: string, ms: number, cpu: number, ratio: number, target: number, detail: string) =>
    `  ${name.padEnd(13)} ${String(Math.round(ms)).padStart(5)} ms (CPU ${String(Math.round(cpu)).padStart(4)} ms)  ${ratio.toFixed(1).padStart(6)}× a bare pass  (target ≤ ${target} ms)  ${mark(ms, target)}${detail}`;
  return [
    `Analysis views (median of ${REPEATS}; a bare pass over the codings takes ${f.analysis_baseline_ms.toFixed(1)} ms)`,
    line('frequencies', f.frequencies_ms, f.frequencies_cpu_ms, f.frequencies_ratio, ANALYSIS_TARGETS.frequencies_ms, ''),
    line('co-occurrence', f.cooccurrence_ms, f.cooccurrence_cpu_ms, f.cooccurrence_ratio, ANALYSIS_TARGETS.cooccurrence_ms, `  (characters ${Math.round(f.cooccurrence_overlap_ms)} ms, paragraph ${Math.round(f.cooccurrence_paragraph_ms)} ms)`),
    line('matrix', f.matrix_ms, f.matrix_cpu_ms, f.matrix_ratio, ANALYSIS_TARGETS.matrix_ms, `  (documents ${Math.round(f.matrix_documents_ms)} ms, cases ${Math.round(f.matrix_cases_ms)} ms, values ${Math.round(f.matrix_variable_ms)} ms)`),
    `  retrieval     ${String(Math.round(f.retrieve_ms)).padStart(5)} ms (CPU ${String(Math.round(f.retrieve_cpu_ms)).padStart(4)} ms)  (slowest of A AND B, A OR B, A AND NOT B on the two most used codes)`,
    `  matrix reply  ${String(Math.round(f.matrix_reply_ms)).padStart(5)} ms (CPU ${String(Math.round(f.matrix_reply_cpu_ms)).padStart(4)} ms)  (codes × documents as the Analysis view gets it: computed and written as JSON, ${f.matrix_reply_mb.toFixed(1)} MB)`,
    `  in the task worker, request to reply: frequencies ${Math.round(f.worker_frequencies_ms)} ms, co-occurrence ${Math.round(f.worker_cooccurrence_ms)} ms, matrix ${Math.round(f.worker_matrix_ms)} ms` +
      ` (tables held); matrix ${Math.round(f.worker_first_matrix_ms)} ms after a change (tables sent)`,
    `  host thread per request: ${f.worker_host_first_ms.toFixed(1)} ms packing and posting the tables after a change, ${f.worker_host_held_ms.toFixed(1)} ms posting a request (tables held)`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  const size = quick ? { ...FULL_SIZE, documents: 100, characters: 1_000_000, codings: 10_000 } : FULL_SIZE;
  measureAnalysis(size, (line) => process.stderr.write(`bench: ${line}\n`))
    .then((figures) => process.stdout.write(`${analysisTable(figures)}\n`))
    .catch((e: unknown) => {
      process.stderr.write(`analysis bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    });
}
