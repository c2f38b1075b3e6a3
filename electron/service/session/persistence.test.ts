import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import type { ProjectFile } from '../../../shared/model/schema';
import { emptyProjectFile } from '../../../shared/model/state';
import type { SaveState } from '../../../shared/ipc/contract';
import type { HeldLock } from '../lock';
import { LockLostError, MAX_RETRY_MS, Persistence, type PersistenceOptions } from './persistence';

/** An in-memory store whose writes fail while `failures` lasts, each write stamped with the fake clock. */
class FakeStore implements Adapter<ProjectFile> {
  written: { name: string; at: number }[] = [];
  attempts: number[] = [];
  failures = 0;
  async read(): Promise<ProjectFile | null> {
    return null;
  }
  async write(data: ProjectFile): Promise<void> {
    this.attempts.push(Date.now());
    if (this.failures > 0) {
      this.failures--;
      throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
    }
    this.written.push({ name: data.project.name, at: Date.now() });
  }
}

function fakeLock(held = true): HeldLock & { released: number; held: boolean } {
  const lock = {
    info: { pid: 1, host: 'h', user: 'u', since: '' },
    held,
    released: 0,
    isHeld: async () => lock.held,
    release: async () => {
      lock.released++;
    },
  };
  return lock;
}

function setup(options: PersistenceOptions = {}, lock: HeldLock | null = null, file = '/nowhere/p.gloss') {
  const store = new FakeStore();
  const project = emptyProjectFile('v0', '2024-01-01T00:00:00.000Z');
  const states: SaveState[] = [];
  const persistence = new Persistence(file, new Low(store, project), lock, () => project, {
    ...options,
    onSaveState: (state) => states.push(state),
  });
  /** Simulates an edit: the next write carries `name`. */
  const edit = (name: string) => {
    project.project = { ...project.project, name };
    persistence.changed();
  };
  return { store, persistence, states, edit };
}

describe('Persistence', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes a burst of edits once, after the save delay, and says pending → saving → saved', async () => {
    const { store, persistence, states, edit } = setup({ saveDelayMs: 100 });
    for (let i = 1; i <= 20; i++) edit(`v${i}`);
    expect(persistence.save.status).toBe('pending');
    await vi.advanceTimersByTimeAsync(99);
    expect(store.attempts).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(store.written.map((w) => w.name)).toEqual(['v20']);
    // Each edit says "pending" (the status line may have shown "saved" in between); one write follows.
    expect(states.map((s) => s.status)).toEqual([...Array<string>(20).fill('pending'), 'saving', 'saved']);
    expect(persistence.hasWritten()).toBe(true);
    expect(persistence.revision).toBe(20);
  });

  it('writes again an edit made while a write was under way', async () => {
    const { store, persistence, edit } = setup({ saveDelayMs: 10 });
    edit('first');
    await vi.advanceTimersByTimeAsync(10);
    edit('second');
    await persistence.flush();
    expect(store.written.map((w) => w.name)).toEqual(['first', 'second']);
    expect(persistence.save.status).toBe('saved');
  });

  it('retries a failed save, doubling the wait up to a minute, and keeps the work until it succeeds', async () => {
    const { store, persistence, states, edit } = setup({ saveDelayMs: 10, retryDelayMs: 20_000 });
    store.failures = 4;
    const start = Date.now();
    edit('kept');
    await vi.advanceTimersByTimeAsync(10 + 20_000 + 40_000 + MAX_RETRY_MS + MAX_RETRY_MS);
    // 10 ms, then 20 s, 40 s, and twice the one-minute cap.
    expect(store.attempts.map((t) => t - start)).toEqual([10, 20_010, 60_010, 120_010, 180_010]);
    expect(store.written.map((w) => w.name)).toEqual(['kept']);
    const error = states.find((s) => s.status === 'error');
    expect(error).toEqual({
      status: 'error',
      message: expect.stringMatching(/^Could not save p\.gloss: .+\. Your work is kept in memory and Gloss will keep trying\./),
    });
    expect(persistence.save.status).toBe('saved');
  });

  it('starts the backoff over after a save succeeds', async () => {
    const { store, edit } = setup({ saveDelayMs: 10, retryDelayMs: 1000 });
    store.failures = 2;
    edit('a');
    await vi.advanceTimersByTimeAsync(10 + 1000 + 2000);
    expect(store.written).toHaveLength(1);
    store.failures = 1;
    const start = Date.now();
    edit('b');
    await vi.advanceTimersByTimeAsync(10 + 1000);
    expect(store.attempts.slice(-2).map((t) => t - start)).toEqual([10, 1010]);
    expect(store.written.map((w) => w.name)).toEqual(['a', 'b']);
  });

  it('flush throws the save message, with the file system error as its cause', async () => {
    const { store, persistence, edit } = setup({ saveDelayMs: 10 });
    store.failures = 1;
    edit('x');
    const failure = await persistence.flush().catch((e: Error) => e);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/^Could not save p\.gloss: /);
    expect(((failure as Error).cause as NodeJS.ErrnoException).code).toBe('EIO');
  });

  it('never writes once its lock was taken away, and does not retry', async () => {
    // Real timers: the check looks at the real folder.
    vi.useRealTimers();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-persist-'));
    try {
      const lock = fakeLock();
      const { store, persistence, edit } = setup({ saveDelayMs: 10, retryDelayMs: 10 }, lock, path.join(dir, 'p.gloss'));
      lock.held = false;
      edit('lost');
      await expect(persistence.flush()).rejects.toThrow(/lock file p\.gloss\.lock was removed or replaced/);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(store.attempts).toEqual([]);
      expect(persistence.save).toEqual({
        status: 'error',
        message: `Could not save p.gloss: ${new LockLostError(path.join(dir, 'p.gloss')).message}. Your work is kept in memory; keep it with Save As under another name.`,
      });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('close writes what is pending and releases the lock, even when the write fails', async () => {
    const lock = fakeLock();
    const { store, persistence, edit } = setup({ saveDelayMs: 60_000 }, lock);
    edit('pending');
    await persistence.close(true);
    expect(store.written.map((w) => w.name)).toEqual(['pending']);
    expect(lock.released).toBe(1);

    const failing = setup({ saveDelayMs: 60_000 }, fakeLock());
    failing.store.failures = 1;
    failing.edit('lost');
    await expect(failing.persistence.close(true)).rejects.toThrow(/^Could not save/);
    // Closed: no retry is left scheduled.
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(failing.store.attempts).toHaveLength(1);
  });

  it('discard writes nothing, and removes a file it created only while never saved and still locked', async () => {
    vi.useRealTimers();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-persist-'));
    try {
      const file = path.join(dir, 'new.gloss');
      await fs.writeFile(file, 'created');
      const lock = fakeLock();
      const { store, persistence, edit } = setup({ saveDelayMs: 60_000 }, lock, file);
      edit('never written');
      await persistence.discard(true);
      expect(store.attempts).toEqual([]);
      await expect(fs.access(file)).rejects.toThrow();
      expect(lock.released).toBe(1);

      await fs.writeFile(file, 'someone else’s');
      const notOurs = fakeLock(false);
      await setup({}, notOurs, file).persistence.discard(true);
      expect(await fs.readFile(file, 'utf8')).toBe('someone else’s');

      const kept = setup({ saveDelayMs: 10 }, fakeLock(), file);
      kept.edit('saved once');
      await kept.persistence.flush();
      await kept.persistence.discard(true);
      expect(await fs.readFile(file, 'utf8')).toBe('someone else’s');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
