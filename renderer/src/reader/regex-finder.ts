/**
 * Runs the find bar's regular expressions in a Web Worker (find-worker.ts) under a time
 * limit. A pattern such as `(a+)+$` on a long run of a's backtracks for longer than anyone
 * will wait, and exec() cannot be interrupted: run in the window it would freeze it. Here
 * the worker is ended at the limit (or as soon as a newer pattern is asked for while one
 * still runs) and a fresh one takes the next request.
 *
 * Why a worker in the window rather than the host's search channel (which has a time limit
 * too): the reader already holds the document's text, the find bar wants up to 100,000
 * matches without context (the channel pages 10,000 hits with their context), and its
 * finds must not queue behind, or be queued ahead of, the Search view's own search in the
 * host's one search worker.
 */
import { compileQuery, describeProblem } from '../../../shared/analysis/search-query';
import type { FindOptions, Match } from '../../../shared/text/find';
import type { FindReply, FindRequest } from './find-worker';

/**
 * How long one find may run. A sensible pattern over a long document (millions of
 * characters) takes well under a second; only one that backtracks without end, or a
 * machine far too busy to use, gets this far.
 */
export const FIND_TIME_LIMIT_MS = 3000;

/** The matches, or why there are none: the pattern does not compile (saying where), or it ran too long. */
export type RegexFindOutcome = { ok: true; matches: Match[] } | { ok: false; problem: string };

/** The message when a pattern is stopped at the limit: what happened, the likely cause, the way out. */
export function tooLongInDocument(pattern: string, ms: number): string {
  const shown = pattern.length > 60 ? `${pattern.slice(0, 59)}…` : pattern;
  return (
    `Finding ${JSON.stringify(shown)} was stopped after ${ms / 1000} seconds: the pattern takes too long on this document's text. ` +
    'A repeat inside a repeat, such as (a+)+, can try more ways to match than there is time for; make the pattern more specific.'
  );
}

interface Pending {
  id: number;
  resolve: (outcome: RegexFindOutcome | null) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** One document's regular-expression finds, one at a time; `dispose` ends the worker. */
export class RegexFinder {
  private worker: Worker | null = null;
  /** The text the worker holds (so it is sent only when it changed). */
  private sent: string | null = null;
  private pending: Pending | null = null;
  private ids = 0;

  constructor(private readonly limitMs = FIND_TIME_LIMIT_MS) {}

  /**
   * The matches of `query` (a regular expression) in `text`. Resolves to null when a newer
   * find replaced this one before it finished.
   */
  find(text: string, query: string, options: FindOptions): Promise<RegexFindOutcome | null> {
    this.supersede();
    const compiled = compileQuery({ text: query, regex: true, caseSensitive: options.caseSensitive, wholeWord: options.wholeWord });
    if (!compiled.ok) {
      const problem = describeProblem({ text: query, regex: true, caseSensitive: options.caseSensitive, wholeWord: options.wholeWord }, compiled.error);
      return Promise.resolve({ ok: false, problem: problem.charAt(0).toUpperCase() + problem.slice(1) });
    }
    const worker = this.start();
    const id = ++this.ids;
    const request: FindRequest = { id, query, options: { ...options, regex: true } };
    if (this.sent !== text) {
      request.text = text;
      this.sent = text;
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        if (this.pending?.id !== id) return;
        this.pending = null;
        this.stop();
        resolve({ ok: false, problem: tooLongInDocument(query, this.limitMs) });
      }, this.limitMs);
      this.pending = { id, resolve, timer };
      worker.postMessage(request);
    });
  }

  /** Ends the worker and any find still running. */
  dispose(): void {
    this.supersede();
    this.stop();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./find-worker.ts', import.meta.url), { type: 'module', name: 'Find in document' });
    worker.onmessage = (event: MessageEvent<FindReply>) => {
      const pending = this.pending;
      if (!pending || pending.id !== event.data.id) return;
      clearTimeout(pending.timer);
      this.pending = null;
      const spans = event.data.spans;
      const matches: Match[] = new Array(spans.length / 2);
      for (let i = 0; i < matches.length; i++) matches[i] = { start: spans[2 * i]!, end: spans[2 * i + 1]! };
      pending.resolve({ ok: true, matches });
    };
    worker.onerror = (event) => {
      const pending = this.pending;
      this.stop();
      if (!pending) return;
      clearTimeout(pending.timer);
      this.pending = null;
      pending.resolve({ ok: false, problem: `The find could not run: ${event.message || 'its worker failed to start'}.` });
    };
    this.worker = worker;
    return worker;
  }

  /** A find still running when a newer one comes may never end: its worker goes with it. */
  private supersede(): void {
    const pending = this.pending;
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pending = null;
    this.stop();
    pending.resolve(null);
  }

  private stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.sent = null;
  }
}
