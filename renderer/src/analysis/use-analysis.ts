/**
 * Asks the host for an analysis (shared/ipc/analysis-request.ts) and asks again whenever
 * what it counts changes: the codings, documents, codes, cases, sets or variables. The host
 * counts in its task worker; each request goes with a task id, so the view can show its
 * progress and Stop it, and a request a newer one replaces (another option, an edit) is
 * cancelled there rather than left to finish for nothing. An answer that arrives after a
 * newer question was asked is dropped.
 */
import { useCallback, useEffect, useState } from 'react';
import { useGloss } from '../store';
import { call } from '../bridge/call';
import { cancelTask, newTaskId, wasCancelled } from '../tasks/actions';
import type { AnalysisReply, AnalysisReplyOf, AnalysisRequest } from '../../../shared/ipc/analysis-request';

export interface AnalysisAnswer<R extends AnalysisRequest> {
  reply: AnalysisReplyOf<R> | null;
  error: string | null;
  busy: boolean;
  /** The host's task counting now (its progress events carry this id); null when none is. */
  taskId: string | null;
  /** The last request was stopped before it finished (Stop, or Cancel in the status line). */
  stopped: boolean;
  /** Stops the count under way. */
  stop: () => void;
  /** Asks again (after a stop). */
  again: () => void;
}

interface Answered {
  key: string | null;
  reply: AnalysisReply | null;
  error: string | null;
  stopped: boolean;
}

/** The host's answer to `request` (null: ask nothing), kept current with the project. */
export function useAnalysis<R extends AnalysisRequest>(request: R | null): AnalysisAnswer<R> {
  const versions = useGloss((s) => `${s.versions.codings}.${s.versions.documents}.${s.versions.codes}.${s.versions.cases}.${s.versions.sets}.${s.versions.variables}`);
  const key = request ? JSON.stringify(request) : null;
  const [asked, setAsked] = useState(0);
  const [state, setState] = useState<Answered>({ key: null, reply: null, error: null, stopped: false });
  const [taskId, setTaskId] = useState<string | null>(null);
  useEffect(() => {
    if (!key) return;
    let current = true;
    let answered = false;
    const id = newTaskId('analysis');
    const at = `${key}${versions}#${asked}`;
    setTaskId(id);
    void call('analysis:run', { ...(JSON.parse(key) as AnalysisRequest), taskId: id }).then((outcome) => {
      // Asked, and forgotten, either way: a superseded request's cancel is no news.
      answered = true;
      const cancelled = wasCancelled(id);
      if (!current) return;
      setTaskId(null);
      if (outcome.ok) setState({ key: at, reply: outcome.value, error: null, stopped: false });
      else if (cancelled) setState({ key: at, reply: null, error: null, stopped: true });
      else setState({ key: at, reply: null, error: outcome.error, stopped: false });
    });
    return () => {
      current = false;
      // Replaced by a newer request, or the view closed: the host stops counting for it.
      if (!answered) void cancelTask(id);
    };
  }, [key, versions, asked]);
  const stop = useCallback(() => {
    if (taskId) void cancelTask(taskId);
  }, [taskId]);
  const again = useCallback(() => setAsked((n) => n + 1), []);
  const fresh = state.key === `${key ?? ''}${versions}#${asked}`;
  return {
    reply: (state.reply as AnalysisReplyOf<R> | null) ?? null,
    error: state.error,
    busy: Boolean(key) && !fresh,
    taskId: fresh ? null : taskId,
    stopped: fresh && state.stopped,
    stop,
    again,
  };
}

/** One analysis request answered once (the codings behind a number, a workbook). */
export async function ask<R extends AnalysisRequest>(request: R): Promise<{ ok: true; value: AnalysisReplyOf<R> } | { ok: false; error: string }> {
  const outcome = await call('analysis:run', request);
  return outcome.ok ? { ok: true, value: outcome.value as AnalysisReplyOf<R> } : outcome;
}
