/** A project is written only by its lock holder, which takes the lock before it reads, and clears crashed writers' leftovers. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeProject } from '../../shared/model/serialize';
import { emptyProjectFile } from '../../shared/model/state';
import { lockPath, type LockInfo } from './lock';
import { ProjectService } from './project-service';

const coder = { id: 'c-1', name: 'Ana', color: '#1f77b4' };
const T0 = '2026-01-01T00:00:00.000Z';
/** A pid above Linux's largest (2^22): no process has it, as after a crash. */
const DEAD = 2 ** 22 + 17;

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-project-lock-'));
  file = path.join(dir, 'study.gloss');
  await fs.writeFile(file, serializeProject(emptyProjectFile('Study', T0)));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const codeNames = (service: ProjectService) => [...service.current.codes.values()].map((c) => c.name);

describe('ProjectService and the lock', () => {
  it('reads the project only once it holds the lock, so it sees what the previous holder saved', async () => {
    // Another gloss command (the test runner's parent process stands in for it) holds the lock.
    const other: LockInfo = { pid: process.ppid, host: os.hostname(), user: 'ben', since: T0, kind: 'cli', nonce: 'other' };
    await fs.writeFile(lockPath(file), JSON.stringify(other));
    let release: () => void = () => {};
    const waitingStarted = new Promise<void>((resolve) => (release = resolve));
    const opening = ProjectService.open(file, { coder, onLockWait: () => release() });
    await waitingStarted;
    // The other command saves its change and lets go.
    const saved = emptyProjectFile('Study', T0);
    saved.codes.push({ id: 'k1', name: 'Saved by the other command', color: '#112233', description: '', parentId: null, codable: true, createdAt: T0 });
    await fs.writeFile(file, serializeProject(saved));
    await fs.rm(lockPath(file));
    const service = await opening;
    try {
      expect(codeNames(service)).toEqual(['Saved by the other command']);
    } finally {
      await service.close();
    }
  });

  it('never writes over the project once its lock was removed or replaced by someone else', async () => {
    const service = await ProjectService.open(file, { coder, saveDelayMs: 10_000, retryDelayMs: 60_000 });
    const before = await fs.readFile(file, 'utf8');
    const theirs = { ...JSON.parse(await fs.readFile(lockPath(file), 'utf8')), nonce: 'someone-else' };
    await fs.writeFile(lockPath(file), JSON.stringify(theirs));
    expect(service.run({ type: 'createCode', name: 'mine' }).ok).toBe(true);
    await expect(service.flush()).rejects.toThrow(/^Could not save study\.gloss: its lock file study\.gloss\.lock was removed or replaced by another program/);
    expect(await fs.readFile(file, 'utf8')).toBe(before);
    await service.discard();
    // Not ours: left alone.
    expect(JSON.parse(await fs.readFile(lockPath(file), 'utf8')).nonce).toBe('someone-else');
  });

  it('removes the temp files crashed writers left beside the project when the lock holder opens it, and only those', async () => {
    const names = {
      crashed: `.study.gloss.${DEAD}.1767225600000.tmp`,
      crashedLockTemp: `.study.gloss.lock.${DEAD}.a1b2c3d4e5f6.tmp`,
      oldGuard: '.study.gloss.lock.0123456789abcdef.1.guard',
      ours: `.study.gloss.${process.pid}.1767225600000.tmp`,
      live: `.study.gloss.${process.ppid}.1767225600000.tmp`,
      otherProject: `.other.gloss.${DEAD}.1767225600000.tmp`,
      notOurPattern: `.study.gloss.${DEAD}.tmp`,
      backup: 'study.gloss.bak',
    };
    for (const name of Object.values(names)) await fs.writeFile(path.join(dir, name), 'x');
    const listing = async () => (await fs.readdir(dir)).filter((n) => n !== 'study.gloss' && n !== 'study.gloss.lock').sort();

    // Opened read-only, it holds no lock and removes nothing: a writer may be at work.
    const reader = await ProjectService.open(file, { coder, readOnly: true });
    await reader.close();
    expect(await listing()).toEqual(Object.values(names).sort());

    const holder = await ProjectService.open(file, { coder });
    try {
      expect(await listing()).toEqual([names.ours, names.live, names.otherProject, names.notOurPattern, names.backup].sort());
    } finally {
      await holder.close();
    }
  });

  it('creates a missing project under the lock, and discarding it removes only what it created', async () => {
    const fresh = path.join(dir, 'fresh.gloss');
    const created = await ProjectService.openOrCreate(fresh, 'Fresh', { coder });
    expect(created.created).toBe(true);
    expect(JSON.parse(await fs.readFile(fresh, 'utf8')).project.name).toBe('Fresh');
    await created.discard();
    expect((await fs.readdir(dir)).sort()).toEqual(['study.gloss']);

    const existing = await ProjectService.openOrCreate(file, 'ignored', { coder });
    expect(existing.created).toBe(false);
    expect(existing.run({ type: 'createCode', name: 'not kept' }).ok).toBe(true);
    await existing.discard();
    expect(JSON.parse(await fs.readFile(file, 'utf8')).codes).toEqual([]);
    await expect(fs.access(lockPath(file))).rejects.toThrow();
  });
});
