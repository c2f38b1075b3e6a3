/**
 * The Search view (Ctrl+Shift+F): ask the whole project a question and code the answers.
 * A query (literal and case-insensitive by default; match case, whole words, regular
 * expression), where to look, the hits grouped by document, and beside them auto-code,
 * speakers and "more like this". The search itself runs in the host's task worker: a
 * pattern that would run for ever is stopped at a time limit with a message, and Stop
 * ends any search at once.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { compileQuery, describeProblem } from '../../../shared/analysis/search-query';
import { countOf } from '../common/format-count';
import { useGloss } from '../store';
import { refreshSearch, runSearch, stopSearch } from './actions';
import { AutocodeForm } from './AutocodeForm';
import { ResultsList } from './ResultsList';
import { resultRows } from './result-rows';
import { ScopeFilters } from './ScopeFilters';
import { SpeakersPanel } from './SpeakersPanel';
import { SuggestionsPanel } from './SuggestionsPanel';
import { useSearch, type Panel } from './search-store';
import { isStale } from './staleness';
import './search.css';

/**
 * How long the results wait after a change before searching again: a burst of changes (an
 * auto-code, a few codings in a row, undo pressed twice) is searched once.
 */
const REFRESH_DELAY_MS = 300;

/** Searches again when the project moved past what the shown results read, on coming back to the view too. */
function useFreshResults(): boolean {
  const results = useSearch((s) => s.results);
  const running = useSearch((s) => s.running);
  const stale = useGloss((s) => !!results && isStale(results.where, results.stamp, s.versions));
  useEffect(() => {
    if (!stale || running) return;
    const timer = setTimeout(() => void refreshSearch(), REFRESH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [stale, running, results]);
  return stale;
}

const PANELS: { id: Panel; label: string }[] = [
  { id: 'autocode', label: 'Auto-code' },
  { id: 'speakers', label: 'Speakers' },
  { id: 'suggestions', label: 'More like this' },
];

function Toggle({ label, symbol, pressed, onChange }: { label: string; symbol: string; pressed: boolean; onChange: (on: boolean) => void }) {
  return (
    <button type="button" className="small search-toggle" aria-label={label} title={label} aria-pressed={pressed} onClick={() => onChange(!pressed)}>
      <span aria-hidden="true">{symbol}</span>
    </button>
  );
}

function ResultsAutocode() {
  const results = useSearch((s) => s.results);
  const selected = useSearch((s) => s.selected);
  const [which, setWhich] = useState<'all' | 'selected'>('all');
  const onlySelected = which === 'selected' && selected.size > 0;
  const base = useMemo(() => {
    if (!results || results.total === 0) return null;
    const only = onlySelected
      ? results.hits.filter((h) => selected.has(`${h.documentId}:${h.start}:${h.end}`)).map(({ documentId, start, end }) => ({ documentId, start, end }))
      : undefined;
    return { query: results.query, where: results.where, ...(only ? { only } : {}) };
  }, [results, selected, onlySelected]);
  if (!results || results.total === 0) return <p className="hint">Search first: auto-code codes the hits of a search.</p>;
  return (
    <>
      <fieldset className="autocode-which">
        <legend>Which hits</legend>
        <label className="check">
          <input type="radio" name="autocode-which" checked={!onlySelected} onChange={() => setWhich('all')} />
          All {countOf(results.total, 'hit', 'hits')}
        </label>
        <label className="check">
          <input type="radio" name="autocode-which" checked={onlySelected} disabled={selected.size === 0} onChange={() => setWhich('selected')} />
          Selected ({countOf(selected.size, 'hit', 'hits')})
        </label>
      </fieldset>
      <AutocodeForm base={base} what={onlySelected ? 'the selected hits' : 'the hits'} label="Auto-code the hits" />
    </>
  );
}

export function SearchView() {
  const hasProject = useGloss((s) => !!s.project);
  const { query, results, running, error, stopped, panel, focusRequest, set } = useSearch();
  const input = useRef<HTMLInputElement>(null);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const stale = useFreshResults();

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);

  // Said while typing, before any search: where a regular expression goes wrong.
  const problem = useMemo(() => {
    if (query.text === '' || !query.regex) return null;
    const compiled = compileQuery(query);
    return compiled.ok ? null : describeProblem(query, compiled.error);
  }, [query]);

  const rows = useMemo(() => (results ? resultRows(results.hits, results.perDocument, results.total) : []), [results]);
  const documents = results ? Object.keys(results.perDocument).length : 0;
  const setQuery = (patch: Partial<typeof query>) => set({ query: { ...query, ...patch } });
  // A toggle changes what the results mean: search again when there are results to replace.
  const toggle = (patch: Partial<typeof query>) => {
    setQuery(patch);
    if (results && query.text !== '') queueMicrotask(() => void runSearch());
  };

  if (!hasProject) return null;
  return (
    <section className="search-view" aria-label="Search">
      <form
        className="search-bar"
        role="search"
        aria-label="Search the project"
        onSubmit={(e) => {
          e.preventDefault();
          if (!problem) void runSearch();
        }}
      >
        <input
          ref={input}
          type="search"
          className="search-input"
          aria-label="Search the project"
          placeholder="Search the project"
          autoComplete="off"
          spellCheck={false}
          value={query.text}
          aria-invalid={!!problem}
          aria-describedby={problem ? 'search-problem' : undefined}
          onChange={(e) => setQuery({ text: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && running) {
              e.preventDefault();
              void stopSearch();
            }
          }}
        />
        <Toggle label="Match case" symbol="Aa" pressed={query.caseSensitive} onChange={(caseSensitive) => toggle({ caseSensitive })} />
        <Toggle label="Whole words" symbol="“ab”" pressed={query.wholeWord} onChange={(wholeWord) => toggle({ wholeWord })} />
        <Toggle label="Regular expression" symbol=".*" pressed={query.regex} onChange={(regex) => toggle({ regex })} />
        {running ? (
          <button type="button" className="small" onClick={() => void stopSearch()}>
            Stop
          </button>
        ) : (
          <button type="submit" className="primary small" disabled={query.text === '' || !!problem}>
            Search
          </button>
        )}
      </form>
      {problem && (
        <p id="search-problem" className="error-text search-problem" role="alert">
          {problem}
        </p>
      )}
      <ScopeFilters />
      <div className="search-body">
        <div className="search-results" ref={setScroller}>
          <h2 className="search-summary" aria-live="polite" aria-busy={!!running || stale}>
            {running && !results
              ? 'Searching…'
              : results
                ? results.total === 0
                  ? `No hits for “${results.query.text}”`
                  : `${countOf(results.total, 'hit', 'hits')} in ${countOf(documents, 'document', 'documents')}`
                : 'Type what to look for and press Enter'}
          </h2>
          {error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
          {stopped && <p className="hint search-stopped">The search was stopped before it finished. Press Search to start again.</p>}
          {results && results.total > 0 && (
            <>
              <p className="hint" id="search-hit-keys">
                Enter opens a hit in the reader; Space selects it for auto-code.
              </p>
              <ResultsList rows={rows} query={results.query} scroller={scroller} />
            </>
          )}
        </div>
        <section className="search-side" aria-label="Code the answers">
          <div className="search-panels" role="group" aria-label="Panel">
            {PANELS.map((p) => (
              <button key={p.id} type="button" className="small" aria-pressed={panel === p.id} onClick={() => set({ panel: p.id })}>
                {p.label}
              </button>
            ))}
          </div>
          {panel === 'autocode' && <ResultsAutocode />}
          {panel === 'speakers' && <SpeakersPanel />}
          {panel === 'suggestions' && <SuggestionsPanel />}
        </section>
      </div>
    </section>
  );
}
