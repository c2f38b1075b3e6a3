/**
 * The state of the find bar for one open document: the query and options, the matches
 * (computed from the deferred query, so typing stays responsive in a long text) and which
 * match is current. Moving to a match calls `onGo` so the reader can scroll to it. Plain
 * text is found here at once (it cannot take long); a regular expression is found in a
 * worker under a time limit (regex-finder.ts), so one that would run for ever is stopped
 * with a message instead of freezing the window.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { findMatches, matchAtOrAfter, type FindOptions, type Match } from '../../../shared/text/find';
import { useGloss } from '../store';
import { RegexFinder } from './regex-finder';

export interface FindState {
  open: boolean;
  query: string;
  options: FindOptions;
  matches: readonly Match[];
  /** Why a regular expression finds nothing: it does not compile (saying where), or it ran past the time limit. */
  problem: string | null;
  /** A regular expression is being matched in its worker (the matches shown are the last ones found). */
  searching: boolean;
  /** Index of the current match, -1 when there is none. */
  current: number;
  /** Bumped each time the find bar should take focus (Ctrl+F while it is open, too). */
  focusRequest: number;
  show(): void;
  /** Opens the bar with this query (from the Search view), its current match the one starting at `at`; the bar does not take focus. */
  showQuery(query: string, options: FindOptions, at: number): void;
  close(): void;
  setQuery(query: string): void;
  setOptions(options: FindOptions): void;
  next(): void;
  previous(): void;
}

const NO_MATCHES: readonly Match[] = [];

interface RegexFound {
  matches: readonly Match[];
  problem: string | null;
  searching: boolean;
}

const NOTHING_FOUND: RegexFound = { matches: NO_MATCHES, problem: null, searching: false };

/** The matches of a regular expression, found in a worker under a time limit; nothing while `on` is false. */
function useRegexMatches(on: boolean, text: string, query: string, options: FindOptions): RegexFound {
  const [found, setFound] = useState<RegexFound>(NOTHING_FOUND);
  const finder = useRef<RegexFinder | null>(null);
  useEffect(() => () => finder.current?.dispose(), []);
  useEffect(() => {
    if (!on || query === '') {
      // A find still running (perhaps never to end) is not wanted any more.
      finder.current?.dispose();
      setFound(NOTHING_FOUND);
      return;
    }
    let wanted = true;
    const running = (finder.current ??= new RegexFinder()).find(text, query, options);
    // The last matches stay drawn until the new ones come (no flicker while typing).
    setFound((was) => (was.searching ? was : { ...was, searching: true }));
    void running.then((outcome) => {
      if (!wanted || !outcome) return;
      setFound(outcome.ok ? { matches: outcome.matches, problem: null, searching: false } : { matches: NO_MATCHES, problem: outcome.problem, searching: false });
    });
    return () => {
      wanted = false;
    };
  }, [on, text, query, options]);
  return found;
}

export function useFind(text: string, startOffset: () => number, onGo: (match: Match) => void): FindState {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<FindOptions>({ caseSensitive: false, wholeWord: false });
  const [current, setCurrent] = useState(-1);
  const [focusRequest, setFocusRequest] = useState(0);
  const deferred = useDeferredValue(query);
  const plain = useMemo(() => (open && !options.regex ? findMatches(text, deferred, options) : NO_MATCHES), [open, text, deferred, options]);
  const regex = useRegexMatches(open && !!options.regex, text, deferred, options);
  const matches = options.regex ? regex.matches : plain;

  const latest = useRef({ startOffset, onGo, matches, current });
  latest.current = { startOffset, onGo, matches, current };
  // Where the next matches start from instead of the screen's top: the hit the Search view jumped to.
  const target = useRef<number | null>(null);

  // New matches: start from the first one on screen or after it.
  useEffect(() => {
    const from = target.current ?? latest.current.startOffset();
    const index = matchAtOrAfter(matches, from);
    // Matches computed from a query typed earlier come first; the target waits for its own.
    if (target.current !== null && matches[index]?.start !== target.current) return;
    target.current = null;
    setCurrent(index);
    if (index >= 0) latest.current.onGo(matches[index]!);
  }, [matches]);

  const step = useCallback((by: number) => {
    const { matches: all, current: at, onGo: go } = latest.current;
    if (all.length === 0) return;
    const index = at < 0 ? 0 : (at + by + all.length) % all.length;
    setCurrent(index);
    go(all[index]!);
  }, []);

  return {
    open,
    query,
    options,
    matches,
    problem: options.regex ? regex.problem : null,
    searching: !!options.regex && regex.searching,
    current: current < matches.length ? current : -1,
    focusRequest,
    show: useCallback(() => {
      setOpen(true);
      setFocusRequest((n) => n + 1);
    }, []),
    showQuery: useCallback((text: string, findOptions: FindOptions, at: number) => {
      target.current = at;
      setOpen(true);
      setQuery(text);
      setOptions(findOptions);
    }, []),
    close: useCallback(() => setOpen(false), []),
    setQuery,
    setOptions,
    next: useCallback(() => step(1), [step]),
    previous: useCallback(() => step(-1), [step]),
  };
}

/**
 * The find bar opens (or takes focus) when asked (Ctrl+F and the menu's Find, see
 * shell/commands.ts); F3 / Ctrl+G and Shift with them step through the matches.
 */
export function useFindShortcuts(find: FindState): void {
  const latest = useRef(find);
  latest.current = find;
  const findRequested = useGloss((s) => s.findRequested);
  const findOpened = useGloss((s) => s.findOpened);
  useEffect(() => {
    if (!findRequested) return;
    latest.current.show();
    findOpened();
  }, [findRequested, findOpened]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const key = event.key.toLowerCase();
      const bar = latest.current;
      if (event.key === 'F3' || ((event.ctrlKey || event.metaKey) && key === 'g')) {
        if (!bar.open) return;
        event.preventDefault();
        if (event.shiftKey) bar.previous();
        else bar.next();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
