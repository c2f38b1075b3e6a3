/**
 * The search, auto-code preview and suggestion channels: project search with context and
 * pages, what an auto-code would do, and "more like this" for a code. The suggestion index
 * is kept per session and unit, and rebuilt only when a document's text changed.
 */
import type { SearchRequest, SearchResponse, SpeakersList, SuggestRequest } from '../../shared/ipc/contract';
import { byDocumentOrder, hitContext, searchProject } from '../../shared/analysis/search';
import { projectSpeakers } from '../../shared/analysis/speaker-turns';
import { describeProblem } from '../../shared/analysis/search-query';
import { previewAutocode, type AutocodePreview, type AutocodeRequest } from '../../shared/ops/autocode';
import type { Suggestion, SuggestionIndex, SuggestionRecall, SuggestionUnit } from '../../shared/analysis/suggest';
import type { ProjectState } from '../../shared/model/state';
import type { ProjectService } from './project-service';
import { HandlerError } from './handler-error';

/** Hits per page when the request names no limit. */
const PAGE = 500;

/** One page of a project search: hits from `offset`, with the text around each. */
export function runSearch(service: ProjectService, request: SearchRequest): SearchResponse {
  const offset = request.offset ?? 0;
  const limit = request.limit ?? PAGE;
  const state = service.current as ProjectState;
  const result = searchProject(state, request.query, request.where ?? {}, { limit: offset + limit });
  if (!result.ok) throw new HandlerError(`${capitalise(describeProblem(request.query, result.error))}.`);
  const { hits, total, perDocument } = result.value;
  return {
    hits: hits.slice(offset).map((hit) => ({ ...hit, ...hitContext(state.documents.get(hit.documentId)!.text, hit) })),
    total,
    perDocument: Object.fromEntries(perDocument),
    offset,
  };
}

/** What an auto-code would do for this session's coder; changes nothing. */
export function previewAutocodeFor(service: ProjectService, request: AutocodeRequest): AutocodePreview {
  const preview = previewAutocode(service.current as ProjectState, request, service.coder.id);
  if (!preview.ok) throw new HandlerError(`${capitalise(preview.error)}.`);
  return preview.value;
}

const indexes = new WeakMap<ProjectService, Map<SuggestionUnit, SuggestionIndex>>();

/** The session's index for `unit`, built on first use and again after a text changed. */
async function indexFor(service: ProjectService, request: SuggestRequest) {
  // The stemmer and the stop-word lists load when suggestions are first asked for.
  const suggest = await import('../../shared/analysis/suggest');
  const state = service.current as ProjectState;
  if (!state.codes.has(request.codeId)) throw new HandlerError('That code no longer exists.');
  let byUnit = indexes.get(service);
  if (!byUnit) indexes.set(service, (byUnit = new Map()));
  let index = byUnit.get(request.unit);
  if (!index || !suggest.indexIsCurrent(index, state)) byUnit.set(request.unit, (index = suggest.buildSuggestionIndex(state, request.unit)));
  return { suggest, state, index };
}

/** Suggestions for a code, best first. */
export async function suggestionsFor(service: ProjectService, request: SuggestRequest): Promise<Suggestion[]> {
  const { suggest, state, index } = await indexFor(service, request);
  return suggest.suggestFor(state, index, request.codeId, request.limit ?? 20);
}

/** How many hand-made codings of the code the top suggestions per document would have found. */
export async function recallFor(service: ProjectService, request: SuggestRequest): Promise<SuggestionRecall> {
  const { suggest, state, index } = await indexFor(service, request);
  return suggest.suggestionRecall(state, index, request.codeId, request.limit ?? 20);
}

/** Speakers per document and for the project. */
export function listSpeakers(service: ProjectService): SpeakersList {
  return projectSpeakers([...service.current.documents.values()].sort(byDocumentOrder));
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
