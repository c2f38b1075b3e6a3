import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ProjectService } from './project-service';
import { SessionSwap, type SwapHooks } from './session-swap';
import { lockPath } from './lock';

const coder = { id: 'c-1', name: 'Ana', color: '#1f77b4' };
let dir: string;
let swap: SessionSwap;
let log: string[];

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-swap-'));
  log = [];
});

afterEach(async () => {
  await swap?.close().catch(() => {});
  await fs.rm(dir, { recursive: true, force: true });
});

function hooks(extra: Partial<SwapHooks> = {}): SwapHooks {
  return {
    onEvent: (event, payload) => log.push(`${event}:${event === 'save-state' ? (payload as { status: string }).status : JSON.stringify(payload)}`),
    adopted: (service) => {
      log.push(`adopted:${path.basename(service.file)}`);
    },
    closeFailed: (file, e) => log.push(`close failed:${path.basename(file)}:${String(e)}`),
    ...extra,
  };
}

const create = (name: string) => (onEvent: Parameters<Parameters<SessionSwap['replace']>[0]>[0]) =>
  ProjectService.create(path.join(dir, name), name, { coder, onEvent, saveDelayMs: 60_000 });

const locked = (name: string) => fs.access(lockPath(path.join(dir, name))).then(() => true, () => false);

describe('SessionSwap', () => {
  it('makes the new project current, saves and closes the old one, then lets the host know, then announces', async () => {
    swap = new SessionSwap(hooks());
    const first = await swap.replace(create('a.gloss'));
    expect(swap.current).toBe(first);
    first!.run({ type: 'createCode', name: 'unsaved until the swap' });
    log.length = 0;

    const second = await swap.replace(create('b.gloss'), true);
    expect(swap.current).toBe(second);
    // The old project was saved on closing, and its lock is gone; the new one holds its own.
    expect(JSON.parse(await fs.readFile(path.join(dir, 'a.gloss'), 'utf8')).codes.map((c: { name: string }) => c.name)).toEqual(['unsaved until the swap']);
    expect(await locked('a.gloss')).toBe(false);
    expect(await locked('b.gloss')).toBe(true);
    // Saving the old project while closing it said nothing to the renderer, which shows the new one.
    expect(log).toEqual(['adopted:b.gloss', 'reload:null']);
  });

  it('passes on the events of the current project only', async () => {
    swap = new SessionSwap(hooks());
    await swap.replace(create('a.gloss'));
    const b = (await swap.replace(create('b.gloss')))!;
    log.length = 0;
    b.run({ type: 'createCode', name: 'x' });
    await b.flush();
    expect(log).toEqual(['save-state:pending', 'save-state:saving', 'save-state:saved']);
    await swap.close();
    expect(swap.current).toBeNull();
    expect(await locked('b.gloss')).toBe(false);
  });

  it('keeps the current project when opening the next fails or is cancelled', async () => {
    swap = new SessionSwap(hooks());
    const a = await swap.replace(create('a.gloss'));
    log.length = 0;
    await expect(swap.replace((onEvent) => ProjectService.open(path.join(dir, 'missing.gloss'), { coder, onEvent }))).rejects.toThrow(/missing\.gloss/);
    expect(await swap.replace(async () => null, true)).toBeNull();
    expect(swap.current).toBe(a);
    expect(log).toEqual([]);
    expect(await locked('a.gloss')).toBe(true);
  });

  it('goes on when the old project cannot be closed, and says so', async () => {
    swap = new SessionSwap(hooks());
    const a = (await swap.replace(create('a.gloss')))!;
    a.close = async () => {
      throw new Error('disk gone');
    };
    await swap.replace(create('b.gloss'));
    expect(path.basename(swap.current!.file)).toBe('b.gloss');
    expect(log).toContain('close failed:a.gloss:Error: disk gone');
  });
});
