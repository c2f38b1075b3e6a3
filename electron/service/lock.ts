/**
 * One Gloss process per project: a lock file NAME.gloss.lock holding the pid and host of
 * its owner. A lock left by a process that no longer runs on this host is taken over.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LockInfo {
  pid: number;
  host: string;
  user: string;
  since: string;
}

export const lockPath = (file: string) => `${file}.lock`;

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readLock(file: string): Promise<LockInfo | null> {
  try {
    const info = JSON.parse(await fs.readFile(lockPath(file), 'utf8')) as LockInfo;
    return typeof info.pid === 'number' && typeof info.host === 'string' ? info : null;
  } catch {
    return null;
  }
}

/** Describes who holds a lock, for a message to the user. */
export function describeHolder(info: LockInfo): string {
  return `${info.user || 'someone'} on ${info.host} (process ${info.pid}, since ${info.since})`;
}

export type LockResult = { ok: true; release: () => Promise<void> } | { ok: false; holder: LockInfo };

/** Takes the lock on `file`, or returns who holds it. */
export async function acquireLock(file: string): Promise<LockResult> {
  const me: LockInfo = {
    pid: process.pid,
    host: os.hostname(),
    user: safeUser(),
    since: new Date().toISOString(),
  };
  const target = lockPath(file);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await fs.writeFile(target, JSON.stringify(me), { flag: 'wx' });
      return { ok: true, release: () => releaseLock(file, me) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = await readLock(file);
    const stale =
      holder === null || // unreadable or half-written: its writer died
      (holder.host === me.host && (holder.pid === me.pid || !processIsAlive(holder.pid)));
    if (!stale) return { ok: false, holder };
    await fs.rm(target, { force: true });
  }
  const holder = await readLock(file);
  return { ok: false, holder: holder ?? { pid: 0, host: 'unknown', user: '', since: '' } };
}

async function releaseLock(file: string, me: LockInfo): Promise<void> {
  const holder = await readLock(file);
  if (holder && holder.pid === me.pid && holder.host === me.host) await fs.rm(lockPath(file), { force: true });
}

function safeUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}

export const lockFileName = (file: string) => path.basename(lockPath(file));
