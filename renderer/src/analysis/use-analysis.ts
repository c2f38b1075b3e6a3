/**
 * Asks the host for an analysis (shared/ipc/analysis-request.ts) and asks again whenever
 * what it counts changes: the codings, documents, codes, cases, sets or variables. An
 * answer that arrives after a newer question was asked is dropped.
 */
import { useEffect, useState } from 'react';
import { useGloss } from '../store';
import { call } from '../bridge/call';
import type { AnalysisReply, AnalysisReplyOf, AnalysisRequest } from '../../../shared/ipc/analysis-request';

export interface AnalysisAnswer<R extends AnalysisRequest> {
  reply: AnalysisReplyOf<R> | null;
  error: string | null;
  busy: boolean;
}

/** The host's answer to `request` (null: ask nothing), kept current with the project. */
export function useAnalysis<R extends AnalysisRequest>(request: R | null): AnalysisAnswer<R> {
  const versions = useGloss((s) => `${s.versions.codings}.${s.versions.documents}.${s.versions.codes}.${s.versions.cases}.${s.versions.sets}.${s.versions.variables}`);
  const key = request ? JSON.stringify(request) : null;
  const [state, setState] = useState<{ key: string | null; reply: AnalysisReply | null; error: string | null }>({ key: null, reply: null, error: null });
  useEffect(() => {
    if (!key) return;
    let current = true;
    void call('analysis:run', JSON.parse(key) as AnalysisRequest).then((outcome) => {
      if (!current) return;
      setState(outcome.ok ? { key: key + versions, reply: outcome.value, error: null } : { key: key + versions, reply: null, error: outcome.error });
    });
    return () => {
      current = false;
    };
  }, [key, versions]);
  const fresh = state.key === (key ?? '') + versions;
  return { reply: (state.reply as AnalysisReplyOf<R> | null) ?? null, error: state.error, busy: Boolean(key) && !fresh };
}

/** One analysis request answered once (the codings behind a number, a workbook). */
export async function ask<R extends AnalysisRequest>(request: R): Promise<{ ok: true; value: AnalysisReplyOf<R> } | { ok: false; error: string }> {
  const outcome = await call('analysis:run', request);
  return outcome.ok ? { ok: true, value: outcome.value as AnalysisReplyOf<R> } : outcome;
}
