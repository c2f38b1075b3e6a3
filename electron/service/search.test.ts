/** The search, auto-code and suggestion channels against a real project service. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ProjectService } from './project-service';
import { createHandlers, invokeChannel, type HostContext } from './handlers';
import { literalQuery } from '../../shared/analysis/search-query';
import { guardAutocode, runSearch, previewAutocodeFor, SEARCH_TIME_LIMIT_MS, tooLongMessage } from './search';
import { TaskCancelled, TaskTimedOut } from './tasks/pool';
import type { AutocodeRequest } from '../../shared/ops/autocode';

const coder = { id: 'c-1', name: 'Ana', color: '#1f77b4' };
const TRANSCRIPT = 'Interviewer: Any training?\nOfficer: No training at all. We guessed.\nInterviewer: And now?\nOfficer: Training is monthly now.\n';
let dir: string;
let service: ProjectService;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-search-service-'));
  service = await ProjectService.create(path.join(dir, 'study.gloss'), 'Study', { coder, saveDelayMs: 20 });
  await service.importFiles([{ name: 'officer.txt', bytes: new TextEncoder().encode(TRANSCRIPT) }]);
});

afterEach(async () => {
  await service.close().catch(() => {});
  await fs.rm(dir, { recursive: true, force: true });
});

function handlers() {
  const ctx: HostContext = { kind: 'browser', session: () => service, coder: () => coder, recent: () => [] };
  return createHandlers(ctx);
}

/** Codes "No training at all." with a new code, Gaps, in the transcript: where it starts, and the ids. */
function codeNoTrainingAsGaps(): { documentId: string; start: number; codeId: string } {
  const documentId = [...service.current.documents.keys()][0]!;
  const start = TRANSCRIPT.indexOf('No training');
  const applied = service.run({ type: 'applyCode', documentId, start, end: start + 'No training at all.'.length, newCodeName: 'Gaps' });
  if (!applied.ok) throw new Error(applied.error);
  return { documentId, start, codeId: applied.created.codeId! };
}

describe('search, auto-code and suggestion channels', () => {
  it('speakers:list names each document’s speakers and the project’s, with their turns', async () => {
    await service.importFiles([{ name: 'second.txt', bytes: new TextEncoder().encode('OFFICER: Yes.\nChief: No.\nOfficer: Maybe.\n') }]);
    const [first, second] = [...service.current.documents.values()].sort((a, b) => a.name.localeCompare(b.name)).map((d) => d.id);
    await expect(invokeChannel(handlers(), 'speakers:list', undefined)).resolves.toEqual({
      documents: [
        { documentId: first, speakers: [{ speaker: 'Interviewer', turns: 2 }, { speaker: 'Officer', turns: 2 }] },
        { documentId: second, speakers: [{ speaker: 'OFFICER', turns: 2 }, { speaker: 'Chief', turns: 1 }] },
      ],
      project: [
        { speaker: 'Interviewer', turns: 2, documents: 1 },
        { speaker: 'Officer', turns: 4, documents: 2 },
        { speaker: 'Chief', turns: 1, documents: 1 },
      ],
    });
  });

  it('search:run answers a page of hits with context and every count, and refuses a bad pattern saying where', async () => {
    const h = handlers();
    const documentId = [...service.current.documents.keys()][0]!;
    const page = await invokeChannel(h, 'search:run', { query: literalQuery('training'), offset: 1, limit: 1 });
    expect(page).toEqual({
      hits: [{ documentId, start: TRANSCRIPT.indexOf('training at'), end: TRANSCRIPT.indexOf('training at') + 8, before: 'Officer: No ', match: 'training', after: ' at all. We guessed.' }],
      total: 3,
      perDocument: { [documentId]: 3 },
      offset: 1,
    });
    await expect(invokeChannel(h, 'search:run', { query: literalQuery('(', { regex: true }) })).rejects.toThrow(
      'Not a valid regular expression: a group opened with ( is never closed at character 1 ("(" in "(").',
    );
  });

  it('ops:previewAutocode counts without changing anything; ops:run then does it as one undoable step', async () => {
    const h = handlers();
    const request = { type: 'autocode', query: literalQuery('training'), scope: 'speaker', newCode: { names: ['Training'], parentId: null } } as const;
    const before = service.history();
    await expect(invokeChannel(h, 'ops:previewAutocode', request)).resolves.toEqual({
      hits: 3,
      created: 3,
      alreadyCoded: 0,
      merged: 0,
      skipped: 0,
      documents: 1,
      codeName: 'Training',
    });
    expect(service.history()).toEqual(before);
    const ran = (await invokeChannel(h, 'ops:run', request)) as { ok: boolean; label: string };
    expect(ran).toMatchObject({ ok: true, label: 'Auto-code “training” with “Training” (3 codings)' });
    expect([...service.current.codings.values()].map((c) => c.quote).sort()).toEqual(['Any training?', 'No training at all. We guessed.', 'Training is monthly now.']);
    expect(service.undo().ok).toBe(true);
    expect(service.current.codings.size).toBe(0);
    expect(service.current.codes.size).toBe(0);
  });

  it('suggest:forCode lists passages like the code’s, and accepting one codes it', async () => {
    const h = handlers();
    const { documentId, start, codeId } = codeNoTrainingAsGaps();
    const found = (await invokeChannel(h, 'suggest:forCode', { codeId, unit: 'sentence' })) as { start: number; end: number; score: number; terms: string[] }[];
    expect(found.map((s) => TRANSCRIPT.slice(s.start, s.end))).toEqual(['Any training?', 'Training is monthly now.']);
    expect(found[0]!.terms).toEqual(['training']);
    await invokeChannel(h, 'ops:run', { type: 'acceptSuggestion', codeId, documentId, start: found[0]!.start, end: found[0]!.end, score: found[0]!.score });
    const again = (await invokeChannel(h, 'suggest:forCode', { codeId, unit: 'sentence' })) as { start: number }[];
    expect(again.map((s) => s.start)).toEqual([found[1]!.start]);
    // One document coded by hand: nothing else to judge it by, so nothing found.
    await expect(invokeChannel(h, 'suggest:recall', { codeId, unit: 'sentence', limit: 5 })).resolves.toEqual({ documents: 1, handCoded: 1, found: 0, recall: 0, topN: 5 });
  });

  it('search:run passes the scope on to the worker: inside codings of a code, and uncoded only', async () => {
    const h = handlers();
    const { documentId, start, codeId } = codeNoTrainingAsGaps();
    const inside = (await invokeChannel(h, 'search:run', { query: literalQuery('training'), where: { insideCode: { codeId, withSubcodes: true } } })) as { hits: { start: number }[]; total: number };
    expect(inside.hits.map((hit) => hit.start)).toEqual([start + 3]);
    const outside = (await invokeChannel(h, 'search:run', { query: literalQuery('training'), where: { uncodedOnly: true } })) as { hits: { start: number }[]; total: number };
    expect(outside.hits.map((hit) => hit.start)).toEqual([TRANSCRIPT.indexOf('training?'), TRANSCRIPT.indexOf('Training is')]);
    expect(outside.total).toBe(2);
  });
});

describe('a pattern that backtracks without end', () => {
  // (a+)+$ on a's followed by a b: every way of splitting the a's is tried, 2^n of them.
  const CATASTROPHIC = { ...literalQuery('(a+)+$', { regex: true }) };

  beforeEach(async () => {
    await service.importFiles([{ name: 'aaa.txt', bytes: new TextEncoder().encode(`${'a'.repeat(60)}b\n`) }]);
  });

  it('is stopped at its time limit with a message that says why and what to do, and the host answers meanwhile', async () => {
    let turns = 0;
    let running = true;
    const spin = (async () => {
      while (running) {
        turns++;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const started = Date.now();
    await expect(runSearch(service, { query: CATASTROPHIC }, {}, 1500)).rejects.toThrow(new TaskTimedOut(tooLongMessage('The search', 1500)));
    running = false;
    await spin;
    // Searched on this thread, no timer could have fired until the pattern gave up (never).
    expect(turns).toBeGreaterThan(20);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(tooLongMessage('The search', 1500)).toContain('(a+)+');
    expect(SEARCH_TIME_LIMIT_MS).toBe(10_000);
    // And the next search runs.
    const after = await runSearch(service, { query: literalQuery('training') });
    expect(after.total).toBe(3);
  });

  it('stops the auto-code preview, and the auto-code itself before it reaches the host, at the time limit', async () => {
    const request: AutocodeRequest = { type: 'autocode', query: CATASTROPHIC, scope: 'match', newCode: { names: ['A'], parentId: null } };
    await expect(previewAutocodeFor(service, request, {}, 1500)).rejects.toBeInstanceOf(TaskTimedOut);
    await expect(guardAutocode(service, request, 1500)).rejects.toThrow('The preview was stopped after 2 seconds');
    // A request refused for another reason is left to the operation, which says why in its own words.
    await expect(guardAutocode(service, { ...request, query: literalQuery('training'), codeId: 'nope' })).resolves.toBeUndefined();
  });

  it('is cancelled through task:cancel by the id its request named', async () => {
    const h = handlers();
    const searching = invokeChannel(h, 'search:run', { query: CATASTROPHIC, taskId: 'search-1' });
    // Give the worker the task before cancelling it (the cancel must reach a running search).
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(invokeChannel(h, 'task:cancel', 'search-1')).resolves.toEqual({ cancelled: true });
    await expect(searching).rejects.toBeInstanceOf(TaskCancelled);
    await expect(searching).rejects.toThrow('Searching was cancelled.');
    // The search worker was stopped with the texts it held; the next one is sent them again.
    const after = await runSearch(service, { query: literalQuery('training') });
    expect(after.total).toBe(3);
    expect(after.hits[0]!.match).toBe('training');
  });
});
