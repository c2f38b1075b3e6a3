/**
 * The analysis views' channel: each view's figures from the shared computations
 * (shared/analysis/), and the codings behind any one number, by id.
 *
 * The views' figures (frequencies, co-occurrence and its pairs, matrices, the framework
 * matrix, retrieval) are worked out in the task worker's "analysis" lane (tasks/pool.ts,
 * tasks/analysis-task.ts), as agreement and search are: on the 100,000-coding benchmark
 * they took the host's main thread for a second or two at a time (every IPC reply and
 * window event in the desktop app, every request to the browser host), with no progress
 * and no way to stop them. There they report progress (documents counted) under the
 * request's task id and are cancelled by it ('task:cancel'); the renderer cancels a
 * request a newer one supersedes. The host packs the tables once per version of the
 * project (tasks/analysis-tables.ts) and the worker keeps them, so the next view on an
 * unchanged project costs the host only its request. The codings behind one number
 * (a look-up in the codings index) and the workbook stay here.
 */
import type { AnalysisReply, AnalysisRequest } from '../../shared/ipc/analysis-request';
import type { ProjectState } from '../../shared/model/state';
import type { ProjectService } from './project-service';
import { analyse, readsTexts, type ComputedReply, type ComputedRequest } from './tasks/analysis-task';
import { codingIdsOf, packAnalysisTables } from './tasks/analysis-tables';
import { PROGRESS_EVERY_MS, runLaneTask } from './tasks/pool';
import { textEntries } from './tasks/worker-texts';
import type { RunningTask } from './tasks/running-tasks';

export { analyse } from './tasks/analysis-task';

/** The analysis views share one worker, which keeps the tables and texts it was sent. */
export const ANALYSIS_LANE = 'analysis';

/** What the progress line says while a view counts. */
export const ANALYSIS_TASKS: Record<ComputedRequest['view'], string> = {
  frequencies: 'Counting code frequencies',
  cooccurrence: 'Counting co-occurrence',
  matrix: 'Counting the matrix',
  framework: 'Counting the framework matrix',
  retrieve: 'Retrieving passages',
  codings: 'Finding the codings',
  pairs: 'Finding co-occurring passages',
};

/** The service's tables at one revision: the version the worker knows them by, and the ids of the packed codings. */
interface Version {
  revision: number;
  version: number;
  codingIds: string[] | null;
}

let versions = 0;
const versionOf = new WeakMap<object, Version>();
/** The version of the tables each lane memo's worker holds (the memo goes with its worker). */
const heldBy = new WeakMap<Map<string, number>, number>();

function currentVersion(service: Pick<ProjectService, 'changeCount'>): Version {
  const known = versionOf.get(service);
  if (known && known.revision === service.changeCount) return known;
  const fresh = { revision: service.changeCount, version: ++versions, codingIds: null };
  versionOf.set(service, fresh);
  return fresh;
}

/** A reply's codings named by the host's ids (the worker names them by place). */
function translated(reply: ComputedReply, codingIds: readonly string[]): ComputedReply {
  switch (reply.view) {
    case 'retrieve':
      return { ...reply, passages: reply.passages.map((p) => ({ ...p, codingIds: codingIdsOf(p.codingIds, codingIds) })) };
    case 'pairs':
      return { ...reply, pairs: reply.pairs.map((p) => ({ ...p, a: codingIds[Number(p.a)]!, b: codingIds[Number(p.b)]! })) };
    case 'codings':
      return { ...reply, codingIds: codingIdsOf(reply.codingIds, codingIds) };
    default:
      return reply;
  }
}

type AnalysisService = Pick<ProjectService, 'current' | 'progress' | 'changeCount'>;

/** A view's figures, worked out in the analysis lane's worker; progress under the task's id, cancelled by its signal. */
async function inWorker(service: AnalysisService, request: ComputedRequest, task: Partial<RunningTask>): Promise<ComputedReply> {
  const state = service.current as ProjectState;
  const label = ANALYSIS_TASKS[request.view];
  const version = currentVersion(service);
  let reported = false;
  try {
    const reply = await runLaneTask(
      ANALYSIS_LANE,
      (memo) => {
        const held = heldBy.get(memo) === version.version && version.codingIds !== null;
        let tables = null;
        if (!held) {
          const packed = packAnalysisTables(state);
          tables = packed.tables;
          version.codingIds = packed.codingIds;
          heldBy.set(memo, version.version);
        }
        const texts = readsTexts(request) ? textEntries([...state.documents.values()], memo) : null;
        return { kind: 'analysis', version: version.version, tables, texts, request };
      },
      {
        label,
        progressEveryMs: PROGRESS_EVERY_MS,
        // A cancelled count stops at its next document and the worker keeps its tables; the
        // request that replaced it waits for that instead of starting a worker that holds nothing.
        stopBetweenSteps: true,
        waitForLane: true,
        onProgress: (done, total) => {
          reported = true;
          service.progress({ task: label, done, total, ...(task.id ? { taskId: task.id } : {}) });
        },
        ...(task.signal ? { signal: task.signal } : {}),
      },
    );
    return translated(reply, version.codingIds!);
  } finally {
    if (reported) service.progress(null);
  }
}

/** Answers one analysis request on the service's project. */
export async function runAnalysis(service: AnalysisService, request: AnalysisRequest, task: Partial<RunningTask> = {}): Promise<AnalysisReply> {
  if (request.view === 'xlsx') {
    // Loaded on the first workbook asked for, as the export registry loads exceljs.
    const { workbookBytes } = await import('../export/xlsx');
    const bytes = await workbookBytes({ kind: 'workbook', sheets: request.sheets.map((s) => ({ ...s, frozenColumns: 1 })) });
    return { view: 'xlsx', base64: Buffer.from(bytes).toString('base64') };
  }
  // The codings behind one number: a look-up through the codings index, quick at any size.
  if (request.view === 'codings') return analyse(service.current as ProjectState, request);
  return inWorker(service, request, task);
}
