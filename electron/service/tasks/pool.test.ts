/**
 * Long tasks in worker threads: the same results as computing in-process, progress as
 * they go, refusals with their message, and cancellation, both directly and through the
 * host's 'task:cancel' channel while 'team:agreement' runs.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeAgreement } from '../../../shared/agreement/compute';
import type { AgreementRequest } from '../../../shared/agreement/types';
import type { HostEvents } from '../../../shared/ipc/contract';
import { serializeProject } from '../../../shared/model/serialize';
import { stateFromFile, type ProjectState } from '../../../shared/model/state';
import { syntheticProject } from '../../../scripts/bench/synthetic-project';
import { createHandlers, invokeChannel, type HostContext } from '../handlers';
import { HandlerError } from '../handler-error';
import { ProjectService } from '../project-service';
import { agreement } from '../agreement';
import { packAgreementTables } from './agreement-tables';
import { idleWorkers, runTask, TaskCancelled, warmTaskWorker } from './pool';
import { RunningTasks } from './running-tasks';

/** Big enough that agreement takes a while (a few hundred codes' worth of steps), small enough to build in a blink. */
const SIZE = { documents: 40, characters: 400_000, codings: 8_000, codes: 300, memos: 0, seed: 7 };

let state: ProjectState;
let dir: string;

beforeAll(async () => {
  const file = syntheticProject(SIZE);
  state = stateFromFile(file);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-tasks-'));
  await fs.writeFile(path.join(dir, 'study.gloss'), serializeProject(file));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const tables = () => packAgreementTables(state);

describe('runTask', () => {
  // First in the file: the pool is module state, and no task has run yet.
  it('starts one worker ahead, which the next task takes and gives back', async () => {
    expect(idleWorkers()).toBe(0);
    warmTaskWorker();
    warmTaskWorker();
    expect(idleWorkers()).toBe(1);
    let during = -1;
    await runTask({ kind: 'agreement', tables: tables(), request: { unit: 'document' } }, { label: 'Computing agreement', progressEveryMs: 0, onProgress: () => (during = idleWorkers()) });
    expect(during).toBe(0);
    expect(idleWorkers()).toBe(1);
  });

  it('computes agreement in a worker exactly as in-process, reporting progress code by code', async () => {
    const request: AgreementRequest = { unit: 'segment', minOverlap: 0.5 };
    const steps: [number, number][] = [];
    const result = await runTask({ kind: 'agreement', tables: tables(), request }, { label: 'Computing agreement', progressEveryMs: 0, onProgress: (done, total) => steps.push([done, total]) });
    const expected = computeAgreement(state, request);
    expect(expected.ok).toBe(true);
    expect(result).toEqual(expected.ok && expected.value);
    expect(steps).toHaveLength(SIZE.codes);
    expect(steps[0]).toEqual([1, SIZE.codes]);
    expect(steps.at(-1)).toEqual([SIZE.codes, SIZE.codes]);
  });

  it('keeps the calling thread free while the worker computes', async () => {
    let turns = 0;
    let running = true;
    const spin = async () => {
      while (running) {
        turns++;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    };
    const spinning = spin();
    await runTask({ kind: 'agreement', tables: tables(), request: { unit: 'char' } }, { label: 'Computing agreement' });
    running = false;
    await spinning;
    // Computed on this thread, the timer could not fire until the result was there.
    expect(turns).toBeGreaterThan(2);
  });

  it('passes a refusal on with its message, as a HandlerError', async () => {
    const refused = runTask({ kind: 'agreement', tables: tables(), request: { unit: 'char', coderIds: ['nobody', 'no one'] } }, { label: 'Computing agreement' });
    await expect(refused).rejects.toThrow(new HandlerError('This project has no coder with id nobody.'));
  });

  it('stops at once when cancelled, says so, and the next task still runs', async () => {
    const controller = new AbortController();
    const after: number[] = [];
    let cancelled = false;
    const running = runTask(
      { kind: 'agreement', tables: tables(), request: { unit: 'char' } },
      {
        label: 'Computing agreement',
        progressEveryMs: 0,
        signal: controller.signal,
        onProgress: (done) => {
          if (cancelled) after.push(done);
          else if (done >= 3) {
            cancelled = true;
            controller.abort();
          }
        },
      },
    );
    await expect(running).rejects.toThrow(new TaskCancelled('Computing agreement was cancelled.'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(after).toEqual([]);

    const again = await runTask({ kind: 'agreement', tables: tables(), request: { unit: 'document' } }, { label: 'Computing agreement' });
    expect(again.rows.length).toBeGreaterThan(SIZE.codes);
  });

  it('refuses at once a task whose signal was aborted before it started', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runTask({ kind: 'agreement', tables: tables(), request: { unit: 'char' } }, { label: 'Merging x.gloss', signal: controller.signal })).rejects.toThrow(
      'Merging x.gloss was cancelled.',
    );
  });
});

describe('RunningTasks', () => {
  it('cancels a running task by its id, and knows nothing of finished or unknown ones', async () => {
    const tasks = new RunningTasks();
    let seen: AbortSignal | null = null;
    const running = tasks.run('t-1', async (task) => {
      expect(task.id).toBe('t-1');
      seen = task.signal;
      await new Promise((resolve) => task.signal.addEventListener('abort', resolve));
      return 'stopped';
    });
    expect(tasks.cancel('t-2')).toBe(false);
    expect(tasks.cancel('t-1')).toBe(true);
    await expect(running).resolves.toBe('stopped');
    expect(seen!.aborted).toBe(true);
    expect(tasks.cancel('t-1')).toBe(false);
  });

  it('gives a task without an id (or with one in use) an id of its own', async () => {
    const tasks = new RunningTasks();
    const ids: string[] = [];
    let release = () => {};
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const first = tasks.run('same', async (task) => (ids.push(task.id), blocked));
    const second = tasks.run('same', async (task) => void ids.push(task.id));
    const third = tasks.run(undefined, async (task) => void ids.push(task.id));
    await Promise.all([second, third]);
    release();
    await first;
    expect(ids[0]).toBe('same');
    expect(new Set(ids).size).toBe(3);
  });
});

describe("'team:agreement' and 'task:cancel' through the host's handlers", () => {
  async function openService(onProgress: (progress: HostEvents['progress']) => void) {
    const coder = state.coders.values().next().value!;
    const service = await ProjectService.open(path.join(dir, 'study.gloss'), {
      coder,
      readOnly: true,
      onEvent: (event, payload) => event === 'progress' && onProgress(payload as HostEvents['progress']),
    });
    const ctx: HostContext = { kind: 'browser', session: () => service, coder: () => coder, recent: () => [] };
    return { service, handlers: createHandlers(ctx) };
  }

  it('cancels the computation the request named, with a plain message, and then knows it no more', async () => {
    const { service, handlers } = await openService(() => {});
    try {
      const computing = invokeChannel(handlers, 'team:agreement', { unit: 'char', taskId: 'agreement-1' });
      await expect(invokeChannel(handlers, 'task:cancel', 'agreement-1')).resolves.toEqual({ cancelled: true });
      // A HandlerError, so both hosts pass its message on to the page as it is.
      await expect(computing).rejects.toBeInstanceOf(HandlerError);
      await expect(computing).rejects.toThrow('Computing agreement was cancelled.');
      await expect(invokeChannel(handlers, 'task:cancel', 'agreement-1')).resolves.toEqual({ cancelled: false });
      // The host goes on computing for the next request.
      const result = (await invokeChannel(handlers, 'team:agreement', { unit: 'document' })) as { rows: unknown[] };
      expect(result.rows.length).toBeGreaterThan(SIZE.codes);
    } finally {
      await service.close();
    }
  });

  it('sends its progress with the task id, for the status line to cancel it by, and clears it at the end', async () => {
    const events: HostEvents['progress'][] = [];
    const { service } = await openService((progress) => events.push(progress));
    try {
      const controller = new AbortController();
      const result = await agreement(service, { unit: 'document' }, 0, { id: 'agreement-2', signal: controller.signal });
      expect(result.rows.length).toBeGreaterThan(SIZE.codes);
      expect(events).toHaveLength(SIZE.codes + 1);
      expect(events[0]).toEqual({ task: 'Computing agreement', done: 1, total: SIZE.codes, taskId: 'agreement-2' });
      expect(events.at(-1)).toBeNull();
    } finally {
      await service.close();
    }
  });
});
