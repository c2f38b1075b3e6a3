/**
 * What the host and a task worker say to each other. A task is one long, pure computation
 * over copies of the project's tables (agreement, a merge); the worker answers with
 * progress now and then and one result. Everything here crosses a worker_threads port, so
 * it is structured-cloneable data (Maps included), never functions or class instances.
 */
import type { AuditEntry } from '../../../shared/model/schema';
import type { AgreementRequest, AgreementResult } from '../../../shared/agreement/types';
import type { MergeConflict, MergeReport, Side } from '../../../shared/merge/types';
import type { ProjectFile } from '../../../shared/model/schema';
import type { Change } from '../../../shared/model/state';
import type { SearchPlan, SearchResult } from '../../../shared/analysis/search';
import type { SearchQuery } from '../../../shared/model/schema';
import type { AutocodePreview, AutocodeRequest } from '../../../shared/ops/autocode';
import type { PackedAgreementTables } from './agreement-tables';
import type { AutocodeTables } from './autocode-tables';
import type { TextEntry } from './worker-texts';
import type { CodeQuery, Suggestion, SuggestionRecall, SuggestionUnit } from '../../../shared/analysis/suggest';
import type { SuggestDocumentEntry } from './suggest-documents';
import type { PackedAnalysisTables } from './analysis-tables';
import type { ComputedReply, ComputedRequest } from './analysis-task';

/** A copy of a project sent for merging: its name (for messages) and its bytes. */
export interface CopyBytes {
  name: string;
  bytes: Uint8Array;
}

export interface AgreementTask {
  kind: 'agreement';
  tables: PackedAgreementTables;
  request: AgreementRequest;
}

export interface MergeTask {
  kind: 'merge';
  ours: ProjectFile;
  other: CopyBytes;
  base: CopyBytes | null;
  resolutions: Record<string, Side>;
}

/** A project search: the plan gathered by the host (texts and coded spans), scanned here. */
export interface SearchTask {
  kind: 'search';
  /** The plan without its texts, which come as `texts` (in the plan's document order). */
  plan: Omit<SearchPlan, 'documents'>;
  texts: TextEntry[];
  query: SearchQuery;
  /** Hits to return at most (all are counted). */
  limit: number;
}

/** What an auto-code would do, worked out on the tables its scope reads. */
export interface AutocodePreviewTask {
  kind: 'autocodePreview';
  /** The tables, the documents' texts left empty: they come as `texts`. */
  tables: AutocodeTables;
  texts: TextEntry[];
  request: AutocodeRequest;
  coderId: string;
}

/**
 * "More like this" for a code, from the index the worker of the 'suggest' lane keeps
 * (suggest-index.ts): built there, or built again when the documents changed. 'suggest'
 * answers the suggestions, 'suggestRecall' how many hand-made codings they would have found.
 */
interface SuggestQuestion {
  unit: SuggestionUnit;
  /** Every document of the project, its text only where the worker lacks it. */
  documents: SuggestDocumentEntry[];
  /** The code's codings and dismissals, as they are now. */
  query: CodeQuery;
  limit: number;
}

export interface SuggestTask extends SuggestQuestion {
  kind: 'suggest';
}

export interface SuggestRecallTask extends SuggestQuestion {
  kind: 'suggestRecall';
}

/**
 * An analysis view's figures (analysis-task.ts). The tables come only when the worker does
 * not hold `version` of them (the lane's memo says), the texts only for a request that
 * reads them.
 */
export interface AnalysisTask {
  kind: 'analysis';
  version: number;
  tables: PackedAnalysisTables | null;
  texts: TextEntry[] | null;
  request: ComputedRequest;
}

export type Task = AgreementTask | MergeTask | SearchTask | AutocodePreviewTask | SuggestTask | SuggestRecallTask | AnalysisTask;

/** What a merge sends back: everything but the merged file itself, which the host does not need. */
export interface MergeOutcome {
  report: MergeReport;
  unresolved: MergeConflict[];
  /** The step turning ours into the merged project. */
  change: Change;
  /** Both copies' audit trails merged (not part of the change). */
  audit?: AuditEntry[];
}

export interface TaskResults {
  agreement: AgreementResult;
  merge: MergeOutcome;
  search: SearchResult;
  autocodePreview: AutocodePreview;
  suggest: Suggestion[];
  suggestRecall: SuggestionRecall;
  analysis: ComputedReply;
}

export type TaskResult<T extends Task> = TaskResults[T['kind']];

/** A task as sent to the worker: with how often it may report progress. */
export interface TaskMessage {
  task: Task;
  /** Progress at most this often (ms); 0 reports every step. Nothing is reported before this much time has passed. */
  progressEveryMs: number;
  /**
   * For end-to-end tests only (GLOSS_TEST_TASK_STEP_DELAY_MS in the host's environment):
   * the worker waits this long after every step, so Stop and Cancel can be tested against
   * a task that is surely still running, however fast the machine.
   */
  stepDelayMs?: number;
  /**
   * For a task that stops between steps when asked (TaskControl.stopBetweenSteps): one
   * Int32 over shared memory the host sets to 1; the worker checks it at each step, stops,
   * and stays alive with what it holds (an analysis lane's tables and texts).
   */
  stopFlag?: Int32Array;
}

export type WorkerReply =
  /** The worker has the task and starts on it (a time limit counts from here, not from a worker still loading). */
  | { type: 'started' }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; value: TaskResults[Task['kind']] }
  /** A refusal the user should read (a HandlerError: bad request, unreadable copy). */
  | { type: 'refused'; message: string }
  /** The task saw its stop flag and stopped; the worker is ready for the next one. */
  | { type: 'stopped' }
  /** A bug: logged with its stack, shown plainly. */
  | { type: 'failed'; message: string; stack: string | undefined };
