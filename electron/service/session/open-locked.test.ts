import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lockPath } from '../lock';
import { createLocked, openLocked, openOrCreateLocked } from './open-locked';

let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-open-locked-'));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const locked = (file: string) => fs.access(lockPath(file)).then(() => true, () => false);

describe('opening under the lock', () => {
  it('creates a new file holding its lock, and refuses an existing one without keeping the lock', async () => {
    const file = path.join(dir, 'p.gloss');
    const opened = await createLocked(file, 'Pilot', {});
    expect(opened).toMatchObject({ file, readOnly: false, created: true });
    expect(opened.low.data.project.name).toBe('Pilot');
    expect(await locked(file)).toBe(true);
    await opened.lock!.release();

    await expect(createLocked(file, 'Other', {})).rejects.toThrow('p.gloss already exists; choose another name.');
    expect(await locked(file)).toBe(false);
    expect(JSON.parse(await fs.readFile(file, 'utf8')).project.name).toBe('Pilot');
  });

  it('opens or creates, deciding under the lock, and says which', async () => {
    const file = path.join(dir, 'q.gloss');
    const first = await openOrCreateLocked(file, 'Q', {});
    expect(first.created).toBe(true);
    await first.lock!.release();
    const second = await openOrCreateLocked(file, 'ignored', {});
    expect(second.created).toBe(false);
    expect(second.low.data.project.name).toBe('Q');
    await second.lock!.release();
  });

  it('reads a project read-only without taking its lock, and releases the lock when a read fails', async () => {
    const file = path.join(dir, 'r.gloss');
    await (await createLocked(file, 'R', {})).lock!.release();
    const readOnly = await openLocked(file, { readOnly: true });
    expect(readOnly).toMatchObject({ lock: null, readOnly: true });
    expect(await locked(file)).toBe(false);

    await fs.writeFile(file, 'not json');
    await expect(openLocked(file, {})).rejects.toThrow(/^r\.gloss could not be opened: it is not valid JSON/);
    expect(await locked(file)).toBe(false);
  });
});
