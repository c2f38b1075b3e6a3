/**
 * The analysis views' figures (shared/analysis/), worked out in the task worker. The
 * worker keeps the last tables it was sent under the host's version number (as it keeps
 * texts, worker-texts.ts), so switching tabs or options on an unchanged project sends only
 * the request; the tables cross again after the project changed, or to a new worker.
 */
import type { AnalysisReply, AnalysisRequest } from '../../../shared/ipc/analysis-request';
import { packCooccurrence } from '../../../shared/ipc/analysis-request';
import type { FrameworkState } from '../../../shared/analysis/framework';
import type { AnalysisProgress } from '../../../shared/analysis/scope';
import { codeFrequencies } from '../../../shared/analysis/frequencies';
import { cooccurrence, cooccurringPassages } from '../../../shared/analysis/cooccurrence';
import { codeMatrix, matrixCellCodings } from '../../../shared/analysis/matrix';
import { frameworkMatrix } from '../../../shared/analysis/framework';
import { retrieve } from '../../../shared/analysis/retrieval';
import { unpackAnalysisTables, withTexts } from './analysis-tables';
import type { AnalysisTask } from './protocol';

/** A request the worker answers: every view but the workbook. */
export type ComputedRequest = Exclude<AnalysisRequest, { view: 'xlsx' }>;
export type ComputedReply = Exclude<AnalysisReply, { view: 'xlsx' }>;

/** Whether a request reads the documents' texts, not only their lengths. */
export function readsTexts(request: ComputedRequest): boolean {
  return request.view === 'retrieve' || ((request.view === 'cooccurrence' || request.view === 'pairs') && request.within === 'paragraph');
}

/** The figures of a view on a project state (the host's tests and the bench call it directly). */
export function analyse(state: FrameworkState, request: ComputedRequest, report?: AnalysisProgress): ComputedReply {
  const filter = request.filter;
  switch (request.view) {
    case 'frequencies':
      return { view: 'frequencies', rows: codeFrequencies(state, filter, report) };
    case 'cooccurrence':
      return { view: 'cooccurrence', result: packCooccurrence(cooccurrence(state, { within: request.within }, filter, report)) };
    case 'matrix':
      return { view: 'matrix', matrix: codeMatrix(state, { columns: request.columns, withSubcodes: request.withSubcodes }, filter, report) };
    case 'framework':
      return {
        view: 'framework',
        matrix: frameworkMatrix(state, { rows: request.rows, withSubcodes: request.withSubcodes, ...(request.codeIds ? { codeIds: request.codeIds } : {}) }, filter, report),
      };
    case 'retrieve':
      return {
        view: 'retrieve',
        passages: retrieve(state, request.query, filter, report).map((p) => ({ documentId: p.document.id, start: p.start, end: p.end, text: p.text, codingIds: p.codings.map((c) => c.id) })),
      };
    case 'codings': {
      const documentIds = request.documentIds ?? [...state.documents.keys()];
      return { view: 'codings', codingIds: matrixCellCodings(state, request.codeId, { documentIds }, request.withSubcodes, filter).map((c) => c.id) };
    }
    case 'pairs':
      return {
        view: 'pairs',
        pairs: cooccurringPassages(state, request.codeA, request.codeB, { within: request.within }, filter, report).map((p) => ({ documentId: p.document.id, a: p.a.id, b: p.b.id })),
      };
  }
}

/** The tables this worker holds, by the host's version. */
let held: { version: number; state: FrameworkState } | null = null;

/** Runs an analysis task: on the tables sent, or on those held under its version. Codings in the reply are named by their place in the packed tables. */
export function performAnalysis(task: AnalysisTask, report: AnalysisProgress): ComputedReply {
  if (task.tables) held = { version: task.version, state: unpackAnalysisTables(task.tables) };
  // The lane's memo and what this worker holds go together (a new worker comes with a new memo); a gap is a bug.
  if (!held || held.version !== task.version) throw new Error(`the task worker does not hold version ${task.version} of the analysis tables`);
  const state = task.texts ? withTexts(held.state, task.texts) : held.state;
  return analyse(state, task.request, report);
}
