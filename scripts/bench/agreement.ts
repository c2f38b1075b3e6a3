/**
 * Inter-coder agreement on the benchmark project (issue 5 §4): the three units, each
 * through the host function the app calls (team:agreement: snapshot of the tables, the
 * engine one code at a time, progress events), on two projects of the bench's size:
 *
 * - "bench": the synthetic project as `npm run bench` builds it; its two coders code at
 *   random, so agreement is at chance level and few segments match;
 * - "paired": the same documents and codes, but the second coder re-codes the first
 *   coder's passages with their edges moved by a few characters (a few dropped, a few
 *   added elsewhere), as a real second coder would; agreement is high and the segment
 *   matching has real pairs to weigh. About as many codings.
 *
 * The headline figure, agreement_ms, is the slowest unit on either project: the longest
 * a researcher waits.
 *
 *   npx tsx scripts/bench/agreement.ts [--quick]   runs it alone and prints the figures
 */
import { pathToFileURL } from 'node:url';
import type { AgreementResult, AgreementUnit } from '../../shared/agreement/types';
import type { Coding, ProjectFile } from '../../shared/model/schema';
import { stateFromFile, type ProjectState } from '../../shared/model/state';
import type { Progress } from '../../shared/ipc/contract';
import { quoteAt } from '../../shared/text/quote';
import { agreement } from '../../electron/service/agreement';
import { median, rounds, timed } from './measure';
import { seededRandom } from './random';
import { FULL_SIZE, syntheticProject, wordSpan, type SyntheticOptions } from './synthetic-project';

const UNITS: AgreementUnit[] = ['char', 'segment', 'document'];
const WARMUPS = 1;
const REPEATS = 3;
/** "Within a few seconds" (issue 5 §4), read as three. */
export const AGREEMENT_TARGET_MS = 3000;

export interface AgreementFigures {
  /** The slowest unit on either project, median ms. */
  agreement_ms: number;
  /** Median ms per project and unit, e.g. bench_char_ms, paired_segment_ms. */
  [figure: string]: number;
}

/**
 * The second coder of `file` replaced: for each of the first coder's codings, a copy with
 * each edge moved by up to 4 characters (a word boundary chosen differently; 93 %), no
 * copy (3 %), or a passage of their own somewhere else instead (4 %).
 */
function pairedProject(file: ProjectFile, seed: number): ProjectFile {
  const random = seededRandom(seed);
  const [first, second] = file.coders;
  const texts = new Map(file.documents.map((d) => [d.id, d.text]));
  const kept = file.codings.filter((c) => c.coderId === first!.id);
  const copies: Coding[] = [];
  for (const [i, coding] of kept.entries()) {
    const r = random.next();
    if (r < 0.03) continue;
    const text = texts.get(coding.documentId)!;
    let { start, end } = coding;
    if (r < 0.07) ({ start, end } = wordSpan(random, text));
    else {
      start = Math.max(0, start + random.int(-4, 4));
      end = Math.min(text.length, Math.max(start + 1, end + random.int(-4, 4)));
    }
    copies.push({ ...coding, id: `paired-${i}`, coderId: second!.id, start, end, ...quoteAt(text, start, end) });
  }
  // About as many codings as the bench project (the first coder made half of them).
  return { ...file, codings: [...kept, ...copies] };
}

/** One unit on one project through the host function; the number of progress events it sent. */
async function run(state: ProjectState, unit: AgreementUnit): Promise<{ result: AgreementResult; progress: number }> {
  let progress = 0;
  const result = await agreement({ current: state, progress: (p: Progress | null) => void (p && progress++) }, { unit });
  return { result, progress };
}

/** Median time of each unit on the bench project and on the paired one. */
export async function measureAgreement(size: SyntheticOptions = FULL_SIZE, log: (line: string) => void = () => {}): Promise<AgreementFigures> {
  const file = syntheticProject(size);
  const projects: [string, ProjectState][] = [
    ['bench', stateFromFile(file)],
    ['paired', stateFromFile(pairedProject(file, size.seed + 5))],
  ];
  const figures: AgreementFigures = { agreement_ms: 0 };
  for (const [name, state] of projects) {
    for (const unit of UNITS) {
      let last: { result: AgreementResult; progress: number } | undefined;
      const times = await rounds(WARMUPS, REPEATS, async () => ({ ms: await timed(async () => (last = await run(state, unit))) }));
      const ms = median(times.ms);
      figures[`${name}_${unit}_ms`] = ms;
      figures.agreement_ms = Math.max(figures.agreement_ms, ms);
      const overall = last!.result.rows.filter((r) => r.document === null);
      const mean = (values: (number | null)[]) => {
        const defined = values.filter((v): v is number => v !== null);
        return defined.length ? defined.reduce((a, b) => a + b, 0) / defined.length : null;
      };
      const fmt = (v: number | null) => (v === null ? '—' : v.toFixed(3));
      log(
        `${name} ${unit}: ${Math.round(ms)} ms, ${last!.result.rows.length} rows, ${last!.progress} progress events; ` +
          `mean over codes: agreement ${fmt(mean(overall.map((r) => r.percent_agreement)))}, Cohen ${fmt(mean(overall.map((r) => r.cohen_kappa)))}`,
      );
    }
  }
  figures.codings = file.codings.length;
  figures.documents = file.documents.length;
  figures.codes = file.codes.length;
  return figures;
}

/** The figures as lines for the bench's table. */
export function agreementTable(figures: AgreementFigures): string {
  const lines = [`Agreement (2 coders, ${figures.documents} documents, ${figures.codings} codings, ${figures.codes} codes)`];
  for (const project of ['bench', 'paired']) {
    const cells = UNITS.map((unit) => `${unit} ${Math.round(figures[`${project}_${unit}_ms`]!)} ms`);
    lines.push(`  ${project.padEnd(6)}  ${cells.join('   ')}`);
  }
  const mark = figures.agreement_ms <= AGREEMENT_TARGET_MS ? 'PASS' : 'MISS';
  lines.push(`  slowest ${Math.round(figures.agreement_ms)} ms (target ≤ ${AGREEMENT_TARGET_MS} ms)  ${mark}`);
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  const size = quick ? { ...FULL_SIZE, documents: 100, characters: 1_000_000, codings: 10_000 } : FULL_SIZE;
  measureAgreement(size, (line) => process.stderr.write(`bench: ${line}\n`))
    .then((figures) => process.stdout.write(`${agreementTable(figures)}\n`))
    .catch((e: unknown) => {
      process.stderr.write(`agreement bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    });
}
