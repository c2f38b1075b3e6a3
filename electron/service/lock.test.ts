import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, describeHolder, guardPath, lockPath, type HolderKind, type LockIdentity, type LockInfo } from './lock';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-lock-'));
  file = path.join(dir, 'study.gloss');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Pretend processes: distinct pids on this host, alive while their pid is in `live`. */
function world() {
  const live = new Set<number>();
  let next = 3_000_001;
  const spawn = (kind: HolderKind = 'cli'): LockIdentity & { pid: number } => {
    const pid = next++;
    live.add(pid);
    const me: LockInfo = { pid, host: os.hostname(), user: `u${pid}`, since: new Date().toISOString(), kind, nonce: `n${pid}` };
    // Each process may stall for a few milliseconds between looking and acting, as a busy machine makes it.
    return { pid, me, isAlive: (p) => live.has(p), pause: () => new Promise((r) => setTimeout(r, Math.random() * 8)) };
  };
  return { live, spawn };
}

const leftovers = async () => (await fs.readdir(dir)).filter((n) => n !== 'study.gloss').sort();

describe('acquireLock', () => {
  it('writes who holds it, including what kind of holder, and releases only its own lock', async () => {
    const result = await acquireLock(file, 'host');
    if (!result.ok) throw new Error('not taken');
    const written = JSON.parse(await fs.readFile(lockPath(file), 'utf8')) as LockInfo;
    expect(written).toMatchObject({ pid: process.pid, host: os.hostname(), kind: 'host' });
    expect(written.nonce).toMatch(/^[0-9a-f]{16}$/);
    expect(describeHolder(written)).toMatch(new RegExp(`^.+ on ${os.hostname()} \\(process ${process.pid}, since .+\\) in the browser host$`));
    expect(await result.lock.isHeld()).toBe(true);
    // Replaced behind its back (by hand, or a buggy tool): it is no longer held, and releasing leaves the other alone.
    await fs.writeFile(lockPath(file), JSON.stringify({ ...written, nonce: 'someone-else' }));
    expect(await result.lock.isHeld()).toBe(false);
    await result.lock.release();
    expect(JSON.parse(await fs.readFile(lockPath(file), 'utf8')).nonce).toBe('someone-else');
  });

  it('reads a lock written by an older Gloss (no kind): held by the app, refused at once, not waited for', async () => {
    await fs.writeFile(lockPath(file), JSON.stringify({ pid: 4242, host: 'lab-pc-7', user: 'ben', since: '2026-01-01T00:00:00.000Z' }));
    let waited = false;
    const started = Date.now();
    const result = await acquireLock(file, 'cli', { waitMs: 5_000, onWait: () => (waited = true) });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result).toEqual({ ok: false, waited: false, holder: { pid: 4242, host: 'lab-pc-7', user: 'ben', since: '2026-01-01T00:00:00.000Z' } });
    expect(waited).toBe(false);
    if (!result.ok) expect(describeHolder(result.holder)).toBe('ben on lab-pc-7 (process 4242, since 2026-01-01T00:00:00.000Z)');
  });

  it('waits for a gloss command holding it and takes it when it is done; the app holding it is not waited for', async () => {
    const { spawn } = world();
    const command = spawn('cli');
    const held = await acquireLock(file, 'cli', {}, command);
    if (!held.ok) throw new Error('not taken');
    const waiter = spawn('cli');
    const told: LockInfo[] = [];
    const waiting = acquireLock(file, 'cli', { waitMs: 10_000, onWait: (h) => told.push(h) }, waiter);
    await new Promise((r) => setTimeout(r, 300));
    await held.lock.release();
    const taken = await waiting;
    expect(taken.ok).toBe(true);
    expect(told.map((h) => h.pid)).toEqual([command.pid]);
    expect(JSON.parse(await fs.readFile(lockPath(file), 'utf8')).pid).toBe(waiter.pid);
    if (taken.ok) await taken.lock.release();

    const app = await acquireLock(file, 'app', {}, spawn('app'));
    if (!app.ok) throw new Error('not taken');
    const refused = await acquireLock(file, 'cli', { waitMs: 10_000, onWait: () => told.push(app.lock.info) }, spawn('cli'));
    expect(refused).toMatchObject({ ok: false, waited: false, holder: { kind: 'app' } });
    expect(told).toHaveLength(1);
  });

  it('gives up on a gloss command that holds it too long, saying it waited', async () => {
    const { spawn } = world();
    const held = await acquireLock(file, 'cli', {}, spawn('cli'));
    expect(held.ok).toBe(true);
    const result = await acquireLock(file, 'cli', { waitMs: 300 }, spawn('cli'));
    expect(result).toMatchObject({ ok: false, waited: true, holder: { kind: 'cli' } });
  });

  it('never takes over a lock file that is being written, but does once it is clearly abandoned', async () => {
    const { spawn } = world();
    // Where hard links are missing, a lock is created empty and then filled in.
    await fs.writeFile(lockPath(file), '');
    const app = spawn('app');
    const taking = acquireLock(file, 'cli', { waitMs: 0 }, spawn('cli'));
    await new Promise((r) => setTimeout(r, 400));
    await fs.writeFile(lockPath(file), JSON.stringify(app.me));
    expect(await taking).toMatchObject({ ok: false, holder: { pid: app.pid, kind: 'app' } });

    await fs.writeFile(lockPath(file), '');
    const old = new Date(Date.now() - 60_000);
    await fs.utimes(lockPath(file), old, old);
    const taker = spawn('cli');
    expect((await acquireLock(file, 'cli', { waitMs: 0 }, taker)).ok).toBe(true);
    expect(JSON.parse(await fs.readFile(lockPath(file), 'utf8')).pid).toBe(taker.pid);
  });

  it('skips the guard of a taker that died mid-takeover, and leaves no guard behind', async () => {
    const { spawn, live } = world();
    const dead = spawn('cli');
    const held = await acquireLock(file, 'cli', {}, dead);
    expect(held.ok).toBe(true);
    live.delete(dead.pid);
    const staleText = await fs.readFile(lockPath(file), 'utf8');
    const diedTaking = spawn('cli');
    await fs.writeFile(guardPath(file, staleText, 1), JSON.stringify(diedTaking.me));
    live.delete(diedTaking.pid);
    const taker = spawn('cli');
    const result = await acquireLock(file, 'cli', { waitMs: 0 }, taker);
    expect(result.ok).toBe(true);
    expect(JSON.parse(await fs.readFile(lockPath(file), 'utf8')).pid).toBe(taker.pid);
    expect(await leftovers()).toEqual(['study.gloss.lock']);
  });

  it('never has two holders, however many take over a dead holder’s lock at the same moment', async () => {
    const { spawn, live } = world();
    const winners: number[] = [];
    for (let round = 0; round < 15; round++) {
      // The last holder died without releasing; twelve writers find its lock at once.
      const contenders = Array.from({ length: 12 }, () => spawn('cli'));
      const results = await Promise.all(contenders.map((me) => acquireLock(file, 'cli', { waitMs: 0 }, me)));
      const held = results.flatMap((r) => (r.ok ? [r.lock] : []));
      // Everyone who believes it holds the lock still does, after the others are done.
      const stillHeld = await Promise.all(held.map((lock) => lock.isHeld()));
      winners.push(stillHeld.filter(Boolean).length === held.length ? held.length : -held.length);
      for (const me of contenders) live.delete(me.pid);
    }
    expect(winners).toEqual(Array(15).fill(1));
    // Only the dead holder's lock is left: no guards, no temp files.
    expect(await leftovers()).toEqual(['study.gloss.lock']);
  }, 60_000);
});
