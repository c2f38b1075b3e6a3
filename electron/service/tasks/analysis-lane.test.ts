/**
 * The analysis views in the task worker's "analysis" lane: the same figures as in-process
 * (codings named by the host's ids again), progress as they count, the tables sent again
 * after the project changed, and a cancelled count that gives no result and leaves the
 * lane ready for the next one. The packing itself is checked on random small projects:
 * every view on the packed tables equals the view on the live state.
 */
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stateFromFile, applyChange, type ProjectState } from '../../../shared/model/state';
import { syntheticProject } from '../../../scripts/bench/synthetic-project';
import type { Progress } from '../../../shared/ipc/contract';
import { analysisProject } from '../../../shared/analysis/fixtures/analysis-project';
import { arbitraryProject, CODE_IDS } from '../../../shared/analysis/fixtures/arbitrary-project';
import { ANALYSIS_LANE, runAnalysis } from '../analysis';
import { analyse, performAnalysis, type ComputedReply, type ComputedRequest } from './analysis-task';
import { codingIdsOf, packAnalysisTables } from './analysis-tables';
import { textEntries } from './worker-texts';
import { runLaneTask, TaskCancelled } from './pool';

const SIZE = { documents: 40, characters: 200_000, codings: 6_000, codes: 60, memos: 0, seed: 11 };

let state: ProjectState;
let a: string;
let b: string;

beforeAll(() => {
  state = stateFromFile(syntheticProject(SIZE));
  [a, b] = [...state.codingsByCode.entries()].sort((x, y) => y[1].size - x[1].size).map(([id]) => id) as [string, string];
});

afterEach(() => {
  delete process.env.GLOSS_TEST_TASK_STEP_DELAY_MS;
});

/** A stand-in for the service: its state, its revision, and the progress it was told. */
function serviceOf(current: ProjectState) {
  const told: (Progress | null)[] = [];
  return { current, changeCount: 0, progress: (p: Progress | null) => void told.push(p), told };
}

const requests = (): ComputedRequest[] => [
  { view: 'frequencies', filter: {} },
  { view: 'cooccurrence', within: 'overlap', filter: {} },
  { view: 'cooccurrence', within: 'paragraph', filter: {} },
  { view: 'matrix', columns: { kind: 'documents' }, withSubcodes: true, filter: {} },
  { view: 'framework', rows: 'documents', withSubcodes: false, filter: {} },
  { view: 'retrieve', query: { and: [{ code: a }, { code: b }] }, filter: {} },
  { view: 'pairs', codeA: a, codeB: b, within: 'overlap', filter: {} },
  { view: 'codings', codeId: a, withSubcodes: true, filter: {} },
];

describe('the analysis lane', () => {
  it('answers every view as computing in-process does, codings named by their ids', async () => {
    const service = serviceOf(state);
    for (const request of requests()) {
      const reply = await runAnalysis(service, request);
      expect(reply, request.view).toEqual(analyse(state, request));
    }
    // Real ids came back, not places.
    const pairs = (await runAnalysis(service, { view: 'pairs', codeA: a, codeB: b, within: 'overlap', filter: {} })) as Extract<ComputedReply, { view: 'pairs' }>;
    expect(pairs.pairs.length).toBeGreaterThan(0);
    for (const p of pairs.pairs) expect(state.codings.get(p.a)?.codeId).toBe(a);
  });

  it('counts the project as it is after a change: the tables go to the worker again', async () => {
    const file = syntheticProject({ ...SIZE, seed: 12 });
    const live = stateFromFile(file);
    const service = serviceOf(live);
    const before = await runAnalysis(service, { view: 'frequencies', filter: {} });
    const victim = [...live.codings.values()][0]!;
    applyChange(live, { label: 'Delete coding', patches: [{ table: 'codings', op: 'delete', id: victim.id }] } as never);
    service.changeCount++;
    const after = await runAnalysis(service, { view: 'frequencies', filter: {} });
    expect(after).toEqual(analyse(live, { view: 'frequencies', filter: {} }));
    const row = (reply: typeof before) => (reply as Extract<ComputedReply, { view: 'frequencies' }>).rows.find((r) => r.codeId === victim.codeId)!.codings;
    expect(row(after)).toBe(row(before) - 1);
  });

  it('reports progress as documents counted, under the task id, and clears it at the end', async () => {
    // Slowed, so that a report surely falls due.
    process.env.GLOSS_TEST_TASK_STEP_DELAY_MS = '5';
    const service = serviceOf(state);
    await runAnalysis(service, { view: 'matrix', columns: { kind: 'documents' }, withSubcodes: false, filter: {} }, { id: 'analysis-1' });
    const reports = service.told.filter((p): p is Progress => p !== null);
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((p) => p.task === 'Counting the matrix' && p.taskId === 'analysis-1' && p.total === SIZE.documents && p.done <= p.total)).toBe(true);
    expect(service.told.at(-1)).toBeNull();
  });

  it('gives no result for a cancelled count, and the lane counts the next one', async () => {
    process.env.GLOSS_TEST_TASK_STEP_DELAY_MS = '20';
    const service = serviceOf(state);
    const controller = new AbortController();
    let results = 0;
    const cancelled = runAnalysis(service, { view: 'cooccurrence', within: 'overlap', filter: {} }, { id: 'analysis-2', signal: controller.signal }).then(() => results++);
    // Cancelled once it is surely under way: at its first progress report.
    const poll = setInterval(() => {
      if (service.told.some((p) => p !== null)) controller.abort();
    }, 5);
    await expect(cancelled).rejects.toBeInstanceOf(TaskCancelled);
    clearInterval(poll);
    await expect(cancelled).rejects.toThrow('Counting co-occurrence was cancelled.');
    expect(results).toBe(0);
    delete process.env.GLOSS_TEST_TASK_STEP_DELAY_MS;
    // A fresh worker in the lane, sent the tables again (the memo went with the old worker).
    const request: ComputedRequest = { view: 'cooccurrence', within: 'overlap', filter: {} };
    expect(await runAnalysis(service, request)).toEqual(analyse(state, request));
  });

  it('stops a cancelled count at its next document, keeping the worker and the tables it holds', async () => {
    process.env.GLOSS_TEST_TASK_STEP_DELAY_MS = '20';
    const { tables } = packAnalysisTables(state);
    const request: ComputedRequest = { view: 'matrix', columns: { kind: 'cases' }, withSubcodes: true, filter: {} };
    const controller = new AbortController();
    const steps: number[] = [];
    const control = { label: 'Counting', progressEveryMs: 0, stopBetweenSteps: true, waitForLane: true };
    const cancelled = runLaneTask(ANALYSIS_LANE, () => ({ kind: 'analysis', version: -10, tables, texts: null, request }), {
      ...control,
      signal: controller.signal,
      onProgress: (done) => {
        steps.push(done);
        if (steps.length === 3) controller.abort();
      },
    });
    // Asked while the first is stopping: it waits for the lane's worker rather than starting another.
    const next = runLaneTask(ANALYSIS_LANE, () => ({ kind: 'analysis', version: -10, tables: null, texts: null, request }), control);
    await expect(cancelled).rejects.toBeInstanceOf(TaskCancelled);
    expect(steps.length).toBeLessThan(SIZE.documents);
    delete process.env.GLOSS_TEST_TASK_STEP_DELAY_MS;
    // No tables sent with it: the worker that was stopped still held them.
    const reply = await next;
    expect(reply).toEqual(analyse(state, request));
  });

  it('refuses a task for tables the worker does not hold, rather than counting other ones', async () => {
    const { tables } = packAnalysisTables(state);
    const request: ComputedRequest = { view: 'frequencies', filter: {} };
    await runLaneTask(ANALYSIS_LANE, () => ({ kind: 'analysis', version: -1, tables, texts: null, request }), { label: 'Counting' });
    await expect(runLaneTask(ANALYSIS_LANE, () => ({ kind: 'analysis', version: -2, tables: null, texts: null, request }), { label: 'Counting' })).rejects.toThrow(
      'does not hold version -2',
    );
  });
});

describe('the packed tables', () => {
  it('give every view the figures of the live state, on random small projects', () => {
    let version = 1000;
    fc.assert(
      fc.property(arbitraryProject, fc.constantFrom(...CODE_IDS), fc.constantFrom(...CODE_IDS), fc.constantFrom('overlap' as const, 'paragraph' as const), (spec, x, y, within) => {
        const live = analysisProject(spec);
        const { tables, codingIds } = packAnalysisTables(live);
        const all: ComputedRequest[] = [
          { view: 'frequencies', filter: { coderIds: ['ana'] } },
          { view: 'cooccurrence', within, filter: {} },
          { view: 'matrix', columns: { kind: 'variable', variableId: 'region' }, withSubcodes: true, filter: {} },
          { view: 'matrix', columns: { kind: 'cases' }, withSubcodes: false, filter: {} },
          { view: 'framework', rows: 'cases', withSubcodes: true, filter: {} },
          { view: 'retrieve', query: { or: [{ code: x, withSubcodes: true }, { not: { code: y } }] }, filter: {} },
          { view: 'pairs', codeA: x, codeB: y, within, filter: {} },
        ];
        const memo = new Map<string, number>();
        const v = ++version;
        all.forEach((request, i) => {
          const texts = request.view === 'retrieve' || within === 'paragraph' ? textEntries([...live.documents.values()], memo) : null;
          const reply = performAnalysis({ kind: 'analysis', version: v, tables: i === 0 ? tables : null, texts, request }, () => {});
          const named =
            reply.view === 'retrieve'
              ? { ...reply, passages: reply.passages.map((p) => ({ ...p, codingIds: codingIdsOf(p.codingIds, codingIds) })) }
              : reply.view === 'pairs'
                ? { ...reply, pairs: reply.pairs.map((p) => ({ ...p, a: codingIds[Number(p.a)]!, b: codingIds[Number(p.b)]! })) }
                : reply;
          expect(named).toEqual(analyse(live, request));
        });
      }),
      { numRuns: 150 },
    );
  });
});
