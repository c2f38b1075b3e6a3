/**
 * The renderer's cost of one change (issue 15): the store holding the benchmark project's
 * index applies one Change (a coding applied, then undone) and the selectors the Reader
 * view's panes read are evaluated, as a render after the change would. Measured in Node
 * (no DOM, no React), on the benchmark size and on a one-document project, so the figure
 * shows how the per-change work grows with the project.
 *
 *   npx tsx scripts/bench/store-change.ts [--repeats N]
 *
 * Prints the median and 95th percentile per change, in ms, as JSON. No garbage collection is
 * forced between changes: one change makes little garbage, and a forced full collection
 * before each would time V8 warming up again rather than the store.
 */
import { parseArgs } from 'node:util';
import type { Coding, ProjectFile } from '../../shared/model/schema';
import { projectIndex, type IndexChange } from '../../shared/model/document-index';
import { quoteAt } from '../../shared/text/quote';
import { useGloss } from '../../renderer/src/store';
import {
  selectCodeLooks,
  selectCodeOrder,
  selectCodeRows,
  selectCodesByName,
  selectCoderMarks,
  selectDocumentCodings,
  selectDocumentList,
  selectProjectCoders,
  selectReviewCount,
} from '../../renderer/src/store/selectors';
import { FULL_SIZE, syntheticProject, type SyntheticOptions } from './synthetic-project';
import { median, now, percentile } from './measure';

const SMALL: SyntheticOptions = { documents: 1, characters: 10_000, codings: 100, codes: 20, memos: 5, seed: 7 };

/** What the Reader view reads after a change: both panes, the open document's codings, the code picker. */
function readTheViews(documentId: string): number {
  const s = useGloss.getState();
  return (
    selectDocumentList(s).length +
    selectCodeRows(s).length +
    selectProjectCoders(s).length +
    (selectCoderMarks(s)?.size ?? 0) +
    selectCodeLooks(s).size +
    selectCodeOrder(s).length +
    selectDocumentCodings(documentId)(s).length +
    selectReviewCount(s) +
    selectCodesByName(s).length
  );
}

function load(file: ProjectFile): void {
  useGloss.getState().loadSnapshot({
    index: projectIndex(file),
    path: `/tmp/${file.project.name}.gloss`,
    readOnly: false,
    save: { status: 'saved', at: null },
    history: { undo: null, redo: null },
    coder: file.coders[0]!,
    coderUnnamed: false,
    host: 'browser',
    recent: [],
  });
}

function measure(file: ProjectFile, repeats: number): { apply: number[]; undo: number[] } {
  load(file);
  const doc = file.documents[Math.floor(file.documents.length / 2)]!;
  const code = file.codes[0]!;
  readTheViews(doc.id);
  const apply: number[] = [];
  const undo: number[] = [];
  for (let i = 0; i < repeats + 5; i++) {
    const start = (i * 97) % Math.max(1, doc.text.length - 40);
    const coding: Coding = {
      id: `bench-coding-${i}`,
      documentId: doc.id,
      codeId: code.id,
      coderId: file.coders[0]!.id,
      start,
      end: start + 30,
      ...quoteAt(doc.text, start, start + 30),
      createdAt: new Date().toISOString(),
      needsReview: false,
    };
    const forward: IndexChange = { patches: [{ table: 'codings', op: 'put', value: coding }] };
    const inverse: IndexChange = { patches: [{ table: 'codings', op: 'del', id: coding.id }] };
    let t = now();
    useGloss.getState().applyHostChange(forward);
    readTheViews(doc.id);
    const applied = now() - t;
    t = now();
    useGloss.getState().applyHostChange(inverse);
    readTheViews(doc.id);
    const undone = now() - t;
    if (i >= 5) {
      apply.push(applied);
      undo.push(undone);
    }
  }
  return { apply, undo };
}

function main(): void {
  const { values } = parseArgs({ options: { repeats: { type: 'string' } } });
  const repeats = Number(values.repeats ?? 40);
  const round = (n: number) => +n.toFixed(3);
  const small = measure(syntheticProject(SMALL), repeats);
  const big = measure(syntheticProject(FULL_SIZE), repeats);
  const figures = {
    store_apply_ms: round(median(big.apply)),
    store_apply_p95_ms: round(percentile(big.apply, 95)),
    store_undo_ms: round(median(big.undo)),
    store_apply_small_ms: round(median(small.apply)),
    store_undo_small_ms: round(median(small.undo)),
    store_apply_scale_ratio: round(median(big.apply) / median(small.apply)),
  };
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}

main();
