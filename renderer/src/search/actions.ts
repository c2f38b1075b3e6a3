/**
 * What the Search view asks of the host: a search (in pages, in the host's task worker, so
 * a pattern that backtracks without end is stopped there, never freezing anything), Stop,
 * an auto-code's preview and the auto-code itself, speakers, and suggestions for a code
 * with their accept and dismiss.
 */
import { call } from '../bridge/call';
import { run } from '../project/actions';
import { useGloss } from '../store';
import { cancelTask, newTaskId, wasCancelled } from '../tasks/actions';
import type { AutocodePreview, AutocodeRequest } from '../../../shared/ops/autocode';
import type { SearchRequest } from '../../../shared/ipc/contract';
import { scopeRequest, useSearch } from './search-store';
import { hitKey } from './result-rows';
import { isStale, keptSelection, stampOf } from './staleness';

/** Hits fetched per page: more than any screen shows, few enough to arrive at once. */
export const PAGE = 500;

const search = useSearch.getState;

/** Ctrl+Shift+F: the Search view, with focus in its query field. */
export function openSearch(): void {
  useGloss.getState().setView('search');
  search().set({ focusRequest: search().focusRequest + 1 });
}

async function fetchPage(request: SearchRequest, taskId: string) {
  const outcome = await call('search:run', { ...request, taskId });
  // A newer search (or Stop) took over: this answer is no longer wanted.
  if (search().running !== taskId) return null;
  if (!outcome.ok) {
    const stopped = wasCancelled(taskId);
    search().set({ running: null, stopped, error: stopped ? null : outcome.error });
    return null;
  }
  return outcome.value;
}

/** Searches the project for the view's query in its scope; the first page replaces the results. */
export async function runSearch(): Promise<void> {
  const { query, scope, running } = search();
  if (running) void cancelTask(running);
  if (query.text === '') {
    search().set({ results: null, error: null, stopped: false, running: null, selected: new Set() });
    return;
  }
  const taskId = newTaskId('search');
  const where = scopeRequest(scope);
  const stamp = stampOf(useGloss.getState().versions);
  search().set({ running: taskId, error: null, stopped: false });
  const page = await fetchPage({ query, where, offset: 0, limit: PAGE }, taskId);
  if (!page) return;
  search().set({ running: null, selected: new Set(), results: { query, where, hits: page.hits, total: page.total, perDocument: page.perDocument, stamp } });
}

/** The most hits one refresh fetches again (the channel's largest page). */
const REFRESH_MOST = 10_000;

/**
 * The shown results searched again after the project changed (a passage coded, a text
 * edited, a document deleted): the same query and scope, as many hits as were loaded, the
 * selection kept where its hits still are. The results stay on screen meanwhile.
 */
export async function refreshSearch(): Promise<void> {
  const { results, running } = search();
  if (!results || running) return;
  const taskId = newTaskId('search');
  const stamp = stampOf(useGloss.getState().versions);
  search().set({ running: taskId, error: null, stopped: false });
  const limit = Math.min(REFRESH_MOST, Math.max(PAGE, results.hits.length));
  const page = await fetchPage({ query: results.query, where: results.where, offset: 0, limit }, taskId);
  if (!page) {
    // Stopped or refused (its message is shown): out-of-date hits are not left looking current.
    if (search().results === results && search().running === null) search().set({ results: null, selected: new Set() });
    return;
  }
  const selected = keptSelection(search().selected, page.hits.map(hitKey));
  search().set({ running: null, selected, results: { ...results, hits: page.hits, total: page.total, perDocument: page.perDocument, stamp } });
}

/** The next page of the current results, appended. */
export async function loadMore(): Promise<void> {
  const { results, running } = search();
  if (!results || running || results.hits.length >= results.total) return;
  // Pages of a search the project has moved past would not fit the first: search again instead.
  if (isStale(results.where, results.stamp, useGloss.getState().versions)) return refreshSearch();
  const taskId = newTaskId('search');
  search().set({ running: taskId });
  const page = await fetchPage({ query: results.query, where: results.where, offset: results.hits.length, limit: PAGE }, taskId);
  if (!page) return;
  const now = search().results;
  if (now !== results) return;
  search().set({ running: null, results: { ...results, hits: [...results.hits, ...page.hits], total: page.total, perDocument: page.perDocument } });
}

/** Stops the search that is running; the view says it was stopped. */
export async function stopSearch(): Promise<void> {
  const { running } = search();
  if (running) await cancelTask(running);
}

/** Selects or unselects one hit for auto-code. */
export function toggleHit(hit: { documentId: string; start: number; end: number }): void {
  const selected = new Set(search().selected);
  const key = hitKey(hit);
  if (selected.has(key)) selected.delete(key);
  else selected.add(key);
  search().set({ selected });
}

/** The preview's outcome: what it would do, or why not (stopped at its time limit, a bad request). */
export type PreviewOutcome = { ok: true; preview: AutocodePreview; taskId: string } | { ok: false; error: string | null };

/** What an auto-code would do; changes nothing. Cancelled by its task id (null error when it was). */
export async function previewAutocode(request: AutocodeRequest, onTask: (taskId: string) => void = () => {}): Promise<PreviewOutcome> {
  const taskId = newTaskId('autocode');
  onTask(taskId);
  const outcome = await call('ops:previewAutocode', { ...request, taskId });
  if (outcome.ok) return { ok: true, preview: outcome.value, taskId };
  return { ok: false, error: wasCancelled(taskId) ? null : outcome.error };
}

/** Runs the auto-code as one undoable step; resolves to its label, or null when refused (the reason is shown). */
export async function autocode(request: AutocodeRequest): Promise<string | null> {
  const done = await run(request);
  return done ? done.label : null;
}
