/**
 * The search, auto-code preview and suggestion channels: project search with context and
 * pages, what an auto-code would do, and "more like this" for a code. The suggestion index
 * is built and kept in a task worker of its own (the 'suggest' lane), never on the host's
 * main thread, and built again there when a document changed (see tasks/suggest-index.ts).
 *
 * Search and the auto-code preview run a person's pattern, and a regular expression such
 * as `(a+)+$` on a long run of a's backtracks for longer than anyone will wait. Run on the
 * host's main thread, it would freeze the desktop app's main process (every window and
 * IPC reply) or stop the browser host answering; there is no way to interrupt exec(). So
 * both run in the task worker (tasks/pool.ts) with a time limit, and can be cancelled by
 * their task id; the host only gathers the plan (documents in scope, coded spans) and
 * adds the context around each hit. The CLI searches in-process (Ctrl+C stops it).
 */
import type { SearchRequest, SearchResponse, SpeakersList, SuggestionWithText, SuggestRequest } from '../../shared/ipc/contract';
import { byDocumentOrder, hitContext, planSearch } from '../../shared/analysis/search';
import { projectSpeakers } from '../../shared/analysis/speaker-turns';
import { compileQuery, describeProblem } from '../../shared/analysis/search-query';
import { previewAutocode, type AutocodePreview, type AutocodeRequest } from '../../shared/ops/autocode';
import type { SuggestionRecall } from '../../shared/analysis/suggest';
import type { ProjectState } from '../../shared/model/state';
import type { ProjectService } from './project-service';
import { HandlerError } from './handler-error';
import { autocodeTables } from './tasks/autocode-tables';
import { PROGRESS_EVERY_MS, runLaneTask, TaskTimedOut, type TaskControl } from './tasks/pool';
import { textEntries } from './tasks/worker-texts';
import { suggestEntries } from './tasks/suggest-documents';
import type { SuggestRecallTask, SuggestTask, TaskResult } from './tasks/protocol';
import type { RunningTask } from './tasks/running-tasks';

/** Hits per page when the request names no limit. */
const PAGE = 500;

/**
 * How long a search or preview may run before it is stopped. The benchmark project's 10 M
 * characters take well under a second with any sensible pattern, so this much time only
 * passes for one that backtracks without end (or a machine far too busy to be useful).
 * End-to-end tests shorten it through GLOSS_TEST_SEARCH_TIME_LIMIT_MS.
 */
export const SEARCH_TIME_LIMIT_MS = 10_000;

const SEARCHING = 'Searching';
/** Search and previews share one worker, which keeps the texts it was sent. */
export const SEARCH_LANE = 'search';
const PREVIEWING = 'Previewing auto-code';

function timeLimitMs(): number {
  return Number(process.env.GLOSS_TEST_SEARCH_TIME_LIMIT_MS) || SEARCH_TIME_LIMIT_MS;
}

/** The refusal when a search runs past its time limit: what happened, the likely cause and the way out. */
export function tooLongMessage(what: string, ms: number): string {
  const seconds = ms >= 1000 ? `${Math.round(ms / 1000)} seconds` : `${ms} ms`;
  return (
    `${what} was stopped after ${seconds}: the pattern takes too long on this project's text. ` +
    'A regular expression with a repeat inside a repeat, such as (a+)+, can try more ways to match than there is time for. ' +
    'Make the pattern more specific (fewer nested + or *) and search again.'
  );
}

/** Runs a search or preview task for the session: progress with its id, its time limit, cancelled by its signal. */
function control(service: Pick<ProjectService, 'progress'>, label: string, task: Partial<RunningTask>, onReported: () => void, ms = timeLimitMs()): TaskControl {
  return {
    label,
    progressEveryMs: PROGRESS_EVERY_MS,
    timeLimit: { ms, message: tooLongMessage(label === SEARCHING ? 'The search' : 'The preview', ms) },
    onProgress: (done, total) => {
      onReported();
      service.progress({ task: label, done, total, ...(task.id ? { taskId: task.id } : {}) });
    },
    ...(task.signal ? { signal: task.signal } : {}),
  };
}

/** One page of a project search: hits from `offset`, with the text around each; scanned in the task worker. */
export async function runSearch(
  service: Pick<ProjectService, 'current' | 'progress'>,
  request: SearchRequest,
  task: Partial<RunningTask> = {},
  limitMs?: number,
): Promise<SearchResponse> {
  const offset = request.offset ?? 0;
  const limit = request.limit ?? PAGE;
  const state = service.current as ProjectState;
  // Refused here, at once, with where the pattern goes wrong: no worker needed for that.
  const compiled = compileQuery(request.query);
  if (!compiled.ok) throw new HandlerError(`${capitalise(describeProblem(request.query, compiled.error))}.`);
  const plan = planSearch(state, request.where ?? {});
  if (!plan.ok) throw new HandlerError(`${capitalise(plan.error.message)}.`);
  let reported = false;
  try {
    const { documents, ...spans } = plan.value;
    const { hits, total, perDocument } = await runLaneTask(
      SEARCH_LANE,
      (memo) => ({ kind: 'search', plan: spans, texts: textEntries(documents, memo), query: request.query, limit: offset + limit }),
      control(service, SEARCHING, task, () => (reported = true), limitMs),
    );
    // The project may have changed while the worker searched: hits in a document that has
    // gone or whose text changed are left out rather than shown with the wrong words.
    const texts = new Map(plan.value.documents.map((d) => [d.id, d.text]));
    const current = hits.slice(offset).filter((hit) => state.documents.get(hit.documentId)?.text === texts.get(hit.documentId));
    return {
      hits: current.map((hit) => ({ ...hit, ...hitContext(texts.get(hit.documentId)!, hit) })),
      total,
      perDocument: Object.fromEntries(perDocument),
      offset,
    };
  } finally {
    if (reported) service.progress(null);
  }
}

/** What an auto-code would do for this session's coder; changes nothing. Worked out in the task worker. */
export async function previewAutocodeFor(
  service: Pick<ProjectService, 'current' | 'progress' | 'coder'>,
  request: AutocodeRequest,
  task: Partial<RunningTask> = {},
  limitMs?: number,
): Promise<AutocodePreview> {
  const state = service.current as ProjectState;
  if (request.query.text !== '') {
    const compiled = compileQuery(request.query);
    if (!compiled.ok) throw new HandlerError(`${capitalise(describeProblem(request.query, compiled.error))}.`);
  }
  let reported = false;
  try {
    const tables = autocodeTables(state, request);
    const docs = [...tables.documents.values()];
    // The texts go apart, sent only when the worker lacks them; the rest of each document as it is.
    tables.documents = new Map(docs.map((d) => [d.id, { ...d, text: '' }]));
    return await runLaneTask(
      SEARCH_LANE,
      (memo) => ({ kind: 'autocodePreview', tables, texts: textEntries(docs, memo), request, coderId: service.coder.id }),
      control(service, PREVIEWING, task, () => (reported = true), limitMs),
    );
  } finally {
    if (reported) service.progress(null);
  }
}

/**
 * Before an auto-code runs on the host: its preview in the worker, under the time limit, so
 * a pattern that would not finish is refused there. Any other refusal is left to the
 * operation itself, which words it as every refused operation is worded.
 */
export async function guardAutocode(service: Pick<ProjectService, 'current' | 'progress' | 'coder'>, request: AutocodeRequest, limitMs?: number): Promise<void> {
  try {
    await previewAutocodeFor(service, request, {}, limitMs);
  } catch (e) {
    if (e instanceof TaskTimedOut) throw e;
    if (!(e instanceof HandlerError)) throw e;
  }
}

/** Suggestions have a worker of their own, which keeps the texts and the index built from them (tasks/suggest-index.ts). */
export const SUGGEST_LANE = 'suggest';
const SUGGESTING = 'Finding passages like these';

/**
 * Suggestion tasks, one after another: the Suggestions panel asks for suggestions and
 * recall at once, and both should use the one index in the lane's worker (a task that
 * found the lane busy would get a worker of its own and build another index).
 */
let suggestQueue: Promise<unknown> = Promise.resolve();

function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const turn = suggestQueue.then(work, work);
  suggestQueue = turn.catch(() => undefined);
  return turn;
}

type Suggesting = Pick<ProjectService, 'current' | 'progress'>;

/**
 * Runs a suggestion task for `request` in the suggest lane's worker, when its turn comes,
 * on the project as it is then: the documents (texts the worker lacks), the code's codings
 * and dismissals. The index is built there, off this thread, when the documents changed;
 * progress while it builds (after the first PROGRESS_EVERY_MS), cancelled by the task's signal.
 */
async function askWorker<T extends SuggestTask | SuggestRecallTask>(
  service: Suggesting,
  kind: T['kind'],
  request: SuggestRequest,
  task: Partial<RunningTask>,
): Promise<{ sent: ProjectState['documents']; result: TaskResult<T> }> {
  // The code is loaded on first use only; the stemmer and stop-word lists load in the worker.
  const { codeQuery } = await import('../../shared/analysis/suggest');
  return inTurn(async () => {
    const state = service.current as ProjectState;
    const query = codeQuery(state, request.codeId);
    if (!query) throw new HandlerError('That code no longer exists.');
    const sent = new Map(state.documents);
    let reported = false;
    try {
      const result = await runLaneTask(
        SUGGEST_LANE,
        (memo) => ({ kind, unit: request.unit, documents: suggestEntries(state, memo), query, limit: request.limit ?? 20 }) as T,
        {
          label: SUGGESTING,
          progressEveryMs: PROGRESS_EVERY_MS,
          onProgress: (done, total) => {
            reported = true;
            service.progress({ task: SUGGESTING, done, total, ...(task.id ? { taskId: task.id } : {}) });
          },
          ...(task.signal ? { signal: task.signal } : {}),
        },
      );
      return { sent, result };
    } finally {
      if (reported) service.progress(null);
    }
  });
}

/**
 * Suggestions for a code, best first, worked out in the suggest lane's worker. The project
 * may have changed while the worker answered: a suggestion in a document that has gone or
 * changed, or that a coding of the code now overlaps, is left out rather than shown wrong.
 */
export async function suggestionsFor(service: Suggesting, request: SuggestRequest, task: Partial<RunningTask> = {}): Promise<SuggestionWithText[]> {
  const { sent, result } = await askWorker<SuggestTask>(service, 'suggest', request, task);
  const now = service.current as ProjectState;
  const coded = [...(now.codingsByCode.get(request.codeId) ?? [])].map((id) => now.codings.get(id)).filter((c) => c !== undefined);
  return result
    .filter((s) => now.documents.get(s.documentId) === sent.get(s.documentId))
    .filter((s) => !coded.some((c) => c.documentId === s.documentId && c.start < s.end && s.start < c.end))
    .map((s) => ({ ...s, text: now.documents.get(s.documentId)!.text.slice(s.start, s.end) }));
}

/** How many hand-made codings of the code the top suggestions per document would have found (in the suggest lane's worker). */
export async function recallFor(service: Suggesting, request: SuggestRequest, task: Partial<RunningTask> = {}): Promise<SuggestionRecall> {
  return (await askWorker<SuggestRecallTask>(service, 'suggestRecall', request, task)).result;
}

/** Speakers per document and for the project. */
export function listSpeakers(service: ProjectService): SpeakersList {
  return projectSpeakers([...service.current.documents.values()].sort(byDocumentOrder));
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
