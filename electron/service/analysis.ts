/**
 * The analysis views' channel: each view's figures from the shared computations
 * (shared/analysis/), over the open project as the host holds it (texts included), and
 * the codings behind any one number, by id. On the 100,000-coding benchmark each figure
 * takes well under a second (`npm run bench -- --only analysis`), so they run in turn
 * here rather than in the task worker.
 */
import { packCooccurrence, type AnalysisReply, type AnalysisRequest } from '../../shared/ipc/analysis-request';
import type { ProjectState } from '../../shared/model/state';
import { codeFrequencies } from '../../shared/analysis/frequencies';
import { cooccurrence, cooccurringPassages } from '../../shared/analysis/cooccurrence';
import { codeMatrix, matrixCellCodings } from '../../shared/analysis/matrix';
import { frameworkMatrix } from '../../shared/analysis/framework';
import { retrieve } from '../../shared/analysis/retrieval';
import type { ProjectService } from './project-service';

/** Answers one analysis request on the service's project. */
export async function runAnalysis(service: ProjectService, request: AnalysisRequest): Promise<AnalysisReply> {
  if (request.view === 'xlsx') {
    // Loaded on the first workbook asked for, as the export registry loads exceljs.
    const { workbookBytes } = await import('../export/xlsx');
    const bytes = await workbookBytes({ kind: 'workbook', sheets: request.sheets.map((s) => ({ ...s, frozenColumns: 1 })) });
    return { view: 'xlsx', base64: Buffer.from(bytes).toString('base64') };
  }
  return analyse(service.current as ProjectState, request);
}

/** The figures of a view on a project state (tests call it directly). */
export function analyse(state: ProjectState, request: Exclude<AnalysisRequest, { view: 'xlsx' }>): Exclude<AnalysisReply, { view: 'xlsx' }> {
  const filter = request.filter;
  switch (request.view) {
    case 'frequencies':
      return { view: 'frequencies', rows: codeFrequencies(state, filter) };
    case 'cooccurrence':
      return { view: 'cooccurrence', result: packCooccurrence(cooccurrence(state, { within: request.within }, filter)) };
    case 'matrix':
      return { view: 'matrix', matrix: codeMatrix(state, { columns: request.columns, withSubcodes: request.withSubcodes }, filter) };
    case 'framework':
      return {
        view: 'framework',
        matrix: frameworkMatrix(state, { rows: request.rows, withSubcodes: request.withSubcodes, ...(request.codeIds ? { codeIds: request.codeIds } : {}) }, filter),
      };
    case 'retrieve':
      return {
        view: 'retrieve',
        passages: retrieve(state, request.query, filter).map((p) => ({ documentId: p.document.id, start: p.start, end: p.end, text: p.text, codingIds: p.codings.map((c) => c.id) })),
      };
    case 'codings': {
      const documentIds = request.documentIds ?? [...state.documents.keys()];
      return { view: 'codings', codingIds: matrixCellCodings(state, request.codeId, { documentIds }, request.withSubcodes, filter).map((c) => c.id) };
    }
    case 'pairs':
      return {
        view: 'pairs',
        pairs: cooccurringPassages(state, request.codeA, request.codeB, { within: request.within }, filter).map((p) => ({ documentId: p.document.id, a: p.a.id, b: p.b.id })),
      };
  }
}
