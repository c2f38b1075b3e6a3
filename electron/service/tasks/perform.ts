/**
 * The work of each task kind, on the worker's side (and the same code in-process where no
 * worker is wanted): the shared, pure computations, with progress as they go. A request
 * the user must change is thrown as a HandlerError; anything else is a bug.
 */
import { agreementSteps } from '../../../shared/agreement/compute';
import type { AgreementResult } from '../../../shared/agreement/types';
import { mergeProjects } from '../../../shared/merge/merge-projects';
import { HandlerError } from '../handler-error';
import { readCopy } from '../merge-copy';
import { unpackAgreementTables } from './agreement-tables';
import { scanPlan, type SearchResult } from '../../../shared/analysis/search';
import { compileQuery, describeProblem } from '../../../shared/analysis/search-query';
import { previewAutocode, type AutocodePreview } from '../../../shared/ops/autocode';
import { autocodeState } from './autocode-tables';
import { textsOf } from './worker-texts';
import { performAnalysis } from './analysis-task';
import type { AgreementTask, AutocodePreviewTask, MergeOutcome, MergeTask, SearchTask, Task, TaskResult } from './protocol';
import { recallWith, suggestWith } from '../../../shared/analysis/suggest';
import { currentIndex } from './suggest-index';

export type Report = (done: number, total: number) => void;

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function agreement(task: AgreementTask, report: Report): AgreementResult {
  const steps = agreementSteps(unpackAgreementTables(task.tables), task.request);
  for (;;) {
    const next = steps.next();
    if (next.done) {
      if (!next.value.ok) throw new HandlerError(`${sentence(next.value.error)}.`);
      return next.value.value;
    }
    report(next.value.done, next.value.total);
  }
}

function merge(task: MergeTask, report: Report): MergeOutcome {
  const theirs = readCopy(task.other);
  const base = task.base ? readCopy(task.base) : null;
  const merged = mergeProjects({ ours: task.ours, theirs, base, resolutions: task.resolutions, onProgress: report });
  return { report: merged.report, unresolved: merged.unresolved, change: merged.change, audit: merged.audit };
}

function search(task: SearchTask, report: Report): SearchResult {
  // Kept before anything can refuse, as the host's memo already counts them sent.
  const texts = textsOf(task.texts);
  const pattern = compileQuery(task.query);
  if (!pattern.ok) throw new HandlerError(`${sentence(describeProblem(task.query, pattern.error))}.`);
  const plan = { ...task.plan, documents: task.texts.map((t, i) => ({ id: t.id, text: texts[i]! })) };
  return scanPlan(plan, pattern.value, { limit: task.limit }, report);
}

function autocodePreview(task: AutocodePreviewTask): AutocodePreview {
  const texts = textsOf(task.texts);
  task.texts.forEach((t, i) => {
    const doc = task.tables.documents.get(t.id);
    if (doc) task.tables.documents.set(t.id, { ...doc, text: texts[i]! });
  });
  const preview = previewAutocode(autocodeState(task.tables), task.request, task.coderId);
  if (!preview.ok) throw new HandlerError(`${sentence(preview.error)}.`);
  return preview.value;
}

/** Runs `task` to the end, calling `report` after each step. */
export function perform<T extends Task>(task: T, report: Report): TaskResult<T> {
  switch (task.kind) {
    case 'agreement':
      return agreement(task, report) as TaskResult<T>;
    case 'merge':
      return merge(task, report) as TaskResult<T>;
    case 'search':
      return search(task, report) as TaskResult<T>;
    case 'autocodePreview':
      return autocodePreview(task) as TaskResult<T>;
    case 'suggest':
      return suggestWith(currentIndex(task.unit, task.documents, report), task.query, task.limit) as TaskResult<T>;
    case 'suggestRecall':
      return recallWith(currentIndex(task.unit, task.documents, report), task.query, task.limit) as TaskResult<T>;
    case 'analysis':
      return performAnalysis(task, report) as TaskResult<T>;
  }
}
