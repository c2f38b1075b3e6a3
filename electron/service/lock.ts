/**
 * One writer per project: a lock file NAME.gloss.lock holding the pid, host and kind of its
 * holder (a short `gloss` command, the desktop app or the browser host). Every writer takes
 * the lock before it reads the project, so none can save a copy older than another's save.
 *
 * The lock file appears in one step, already complete (written beside it, then linked into
 * place), so nobody reads a half-written one. A lock whose holder no longer runs on this host
 * is stale and is taken over; removing it goes through a guard file (see removeStale) so that
 * two processes that saw the same stale lock cannot remove each other's fresh one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What holds a lock: a short `gloss` command (worth waiting for), the desktop app or the browser host. */
export type HolderKind = 'cli' | 'app' | 'host';

export interface LockInfo {
  pid: number;
  host: string;
  user: string;
  since: string;
  /** Missing in locks written by an older Gloss: those are treated as held by the app. */
  kind?: HolderKind;
  /** Tells this lock from a later one taken by the same process. */
  nonce?: string;
}

export const lockPath = (file: string) => `${file}.lock`;

export const lockFileName = (file: string) => path.basename(lockPath(file));

/** How long a `gloss` writer waits for another short `gloss` command holding the lock. */
export const CLI_WAIT_MS = 10_000;

/**
 * A lock file without readable content is being written right now (only where hard links are
 * not supported and it is written in place), or its writer died in between; after this long
 * it is the second.
 */
const HALF_WRITTEN_MS = 2_000;

/** A takeover or a half-written lock is waited for this long even by writers that do not wait for holders. */
const BUSY_WAIT_MS = 3_000;

/** Between two looks at a held lock; jittered so that waiting writers do not move in step. */
const POLL_MS = 60;

/** Guards per stale lock: each one beyond the first means a taker died mid-takeover. */
const MAX_GUARDS = 16;

/** Who is taking a lock, and how to tell whether a pid still runs (a parameter so tests can play many processes). */
export interface LockIdentity {
  me: LockInfo;
  isAlive(pid: number): boolean;
  /**
   * Called between looking at a lock and acting on what was seen, where a real process may
   * be descheduled for a while; tests sleep here at random to try the worst interleavings.
   */
  pause?(): Promise<void>;
}

export interface HeldLock {
  readonly info: LockInfo;
  /** True while the lock file is still this one (nobody removed or replaced it). */
  isHeld(): Promise<boolean>;
  /** Removes the lock file if it is still this one. */
  release(): Promise<void>;
}

export interface LockOptions {
  /** How long to wait while another short `gloss` command holds the lock (0: refuse at once). */
  waitMs?: number;
  /** Called once, when waiting for such a command begins. */
  onWait?: (holder: LockInfo) => void;
}

export type LockResult =
  | { ok: true; lock: HeldLock }
  /** `waited`: the holder is a gloss command that did not finish in time. */
  | { ok: false; holder: LockInfo; waited: boolean };

/** True if a process with this pid runs on this host (it may belong to another user). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function safeUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}

/** This process taking a lock as `kind`. */
export function thisProcess(kind: HolderKind): LockIdentity {
  return {
    me: { pid: process.pid, host: os.hostname(), user: safeUser(), since: new Date().toISOString(), kind, nonce: randomBytes(8).toString('hex') },
    isAlive: processIsAlive,
  };
}

const KINDS: readonly HolderKind[] = ['cli', 'app', 'host'];

/** The holder a lock file's text names, or null when it is not a complete lock. */
export function parseLock(text: string): LockInfo | null {
  try {
    const raw = JSON.parse(text) as Partial<Record<keyof LockInfo, unknown>>;
    if (typeof raw.pid !== 'number' || typeof raw.host !== 'string') return null;
    return {
      pid: raw.pid,
      host: raw.host,
      user: typeof raw.user === 'string' ? raw.user : '',
      since: typeof raw.since === 'string' ? raw.since : '',
      ...(KINDS.includes(raw.kind as HolderKind) ? { kind: raw.kind as HolderKind } : {}),
      ...(typeof raw.nonce === 'string' ? { nonce: raw.nonce } : {}),
    };
  } catch {
    return null;
  }
}

const PLACES: Record<HolderKind, string> = {
  cli: ' in a gloss command',
  app: ' in the Gloss app',
  host: ' in the browser host',
};

/** Who holds a lock, for a message to the user: "ana on lab-pc (process 4242, since …) in the browser host". */
export function describeHolder(info: LockInfo): string {
  return `${info.user || 'someone'} on ${info.host} (process ${info.pid}, since ${info.since})${info.kind ? PLACES[info.kind] : ''}`;
}

/** A short `gloss` command holds it: it will be done in a moment, so writers wait for it. */
export const isShortHolder = (info: LockInfo) => info.kind === 'cli';

/** Its holder no longer runs here (or is this very process, reopening). Holders on other hosts are never judged. */
function isStale(holder: LockInfo, who: LockIdentity): boolean {
  if (holder.host !== who.me.host) return false;
  return holder.pid === who.me.pid || !who.isAlive(holder.pid);
}

async function readText(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** Codes with which a file system says it has no hard links. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Creates `target` holding `text` unless something is there already; false if it was. The
 * text is written to a hidden file beside it and linked into place, so the file never
 * exists half-written. Where links are not supported it is written in place ('wx').
 */
async function createComplete(file: string, target: string, text: string, who: LockIdentity): Promise<boolean> {
  // Named after the lock whatever `target` is, so the holder's clean-up knows them all.
  const temp = path.join(path.dirname(file), `.${lockFileName(file)}.${who.me.pid}.${randomBytes(6).toString('hex')}.tmp`);
  await fs.writeFile(temp, text, { flag: 'wx' });
  try {
    await fs.link(temp, target);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!NO_LINKS.has(code)) throw e;
  } finally {
    await fs.rm(temp, { force: true });
  }
  try {
    await fs.writeFile(target, text, { flag: 'wx' });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/** The start of the names of the guards for the stale lock `staleText`. */
function guardPrefix(file: string, staleText: string): string {
  return `.${lockFileName(file)}.${createHash('sha256').update(staleText).digest('hex').slice(0, 16)}.`;
}

/** The guard that whoever removes the stale lock `staleText` must create first (the k-th, after k-1 takers died). */
export function guardPath(file: string, staleText: string, k: number): string {
  return path.join(path.dirname(file), `${guardPrefix(file, staleText)}${k}.guard`);
}

/**
 * Removes the lock file if it still holds `staleText`. Only the process that created a
 * guard for that text may check and remove, so a fresh lock taken meanwhile by someone else
 * is never removed. A guard left by a taker that died is skipped for the next one; guards
 * are removed once the stale lock is gone (a late taker then finds another text and leaves it).
 * 'busy' when another live process is doing it.
 */
async function removeStale(file: string, staleText: string, who: LockIdentity): Promise<'removed' | 'busy'> {
  const dead: string[] = [];
  for (let k = 1; k <= MAX_GUARDS; k++) {
    const guard = guardPath(file, staleText, k);
    if (await createComplete(file, guard, JSON.stringify(who.me), who)) {
      try {
        const current = await readText(lockPath(file));
        await who.pause?.();
        if (current === staleText) await fs.rm(lockPath(file), { force: true });
        return 'removed';
      } finally {
        for (const g of [...dead, guard]) await fs.rm(g, { force: true });
      }
    }
    const text = await readText(guard);
    // Gone: its taker finished, so the stale lock is gone too; look again.
    if (text === null) return 'removed';
    const owner = parseLock(text);
    const gone = owner !== null && owner.host === who.me.host && owner.pid !== who.me.pid && !who.isAlive(owner.pid);
    if (!gone) return 'busy';
    dead.push(guard);
  }
  return 'busy';
}

async function ageMs(file: string): Promise<number | null> {
  try {
    return Date.now() - (await fs.stat(file)).mtimeMs;
  } catch {
    return null;
  }
}

type Attempt = { state: 'taken'; lock: HeldLock } | { state: 'held'; holder: LockInfo } | { state: 'busy'; holder: LockInfo | null };

function heldLock(file: string, text: string, info: LockInfo): HeldLock {
  const isHeld = async () => (await readText(lockPath(file)).catch(() => null)) === text;
  return {
    info,
    isHeld,
    release: async () => {
      if (await isHeld()) await fs.rm(lockPath(file), { force: true });
    },
  };
}

/** One look: take the lock if free (or stale), else say who holds it. */
async function attempt(file: string, who: LockIdentity): Promise<Attempt> {
  const target = lockPath(file);
  const text = JSON.stringify(who.me);
  for (let round = 0; round < 4; round++) {
    const current = await readText(target);
    if (current === null) {
      if (await createComplete(file, target, text, who)) return { state: 'taken', lock: heldLock(file, text, who.me) };
      continue;
    }
    await who.pause?.();
    const holder = parseLock(current);
    if (holder === null) {
      const age = await ageMs(target);
      if (age === null) continue;
      if (age < HALF_WRITTEN_MS) return { state: 'busy', holder: null };
    } else if (!isStale(holder, who)) {
      return { state: 'held', holder };
    }
    if ((await removeStale(file, current, who)) === 'busy') return { state: 'busy', holder };
  }
  return { state: 'busy', holder: null };
}

const UNKNOWN: LockInfo = { pid: 0, host: 'unknown', user: '', since: '' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes the lock on `file`, or says who holds it. A short `gloss` command holding it is
 * waited for (up to `waitMs`); the app or the browser host holding it is not. Throws the
 * file system's error when the lock cannot be written at all (a read-only folder).
 */
export async function acquireLock(file: string, kind: HolderKind, options: LockOptions = {}, who: LockIdentity = thisProcess(kind)): Promise<LockResult> {
  const waitMs = options.waitMs ?? CLI_WAIT_MS;
  const started = Date.now();
  let told = false;
  for (;;) {
    const result = await attempt(file, who);
    if (result.state === 'taken') return { ok: true, lock: result.lock };
    const holder = result.holder;
    const elapsed = Date.now() - started;
    const short = holder !== null && isShortHolder(holder);
    const canWait = result.state === 'busy' ? elapsed < Math.max(waitMs, BUSY_WAIT_MS) : short && elapsed < waitMs;
    if (!canWait) return { ok: false, holder: holder ?? UNKNOWN, waited: short && told };
    if (short && !told) {
      told = true;
      options.onWait?.(holder);
    }
    await sleep(POLL_MS + Math.random() * POLL_MS);
  }
}

/**
 * Gloss's own lock leftovers beside `file` (a lock's temp file, a takeover guard) that no
 * live process is using; for the lock holder to remove.
 */
export async function staleLockLeftovers(file: string, names: readonly string[], who: LockIdentity = thisProcess('app')): Promise<string[]> {
  const lock = lockFileName(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const temp = new RegExp(`^\\.${lock}\\.(\\d+)\\.[0-9a-f]+\\.tmp$`);
  const guard = new RegExp(`^\\.${lock}\\.[0-9a-f]{16}\\.\\d+\\.guard$`);
  const current = await readText(lockPath(file)).catch(() => null);
  const ownGuard = current === null ? null : guardPrefix(file, current);
  const out: string[] = [];
  for (const name of names) {
    const t = temp.exec(name);
    if (t) {
      const pid = Number(t[1]);
      if (pid !== who.me.pid && !who.isAlive(pid)) out.push(name);
    } else if (guard.test(name) && !(ownGuard && name.startsWith(ownGuard))) {
      // The lock is held, so it is not the stale lock any guard was made for (unless it is
      // this very lock, judged stale by another service in this process).
      out.push(name);
    }
  }
  return out;
}
