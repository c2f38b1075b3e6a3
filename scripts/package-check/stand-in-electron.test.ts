import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeStandIn, SHIPPED_FUSES, shippedFuseWire } from './stand-in-electron';
import { readWindowsResources } from './windows-resources';

const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib'));
const fuses = builderRequire('@electron/fuses') as {
  FuseV1Options: Record<string, number | string>;
  getCurrentFuseWire(binary: string): Promise<Record<string, number | string>>;
};
const names = Object.entries(fuses.FuseV1Options)
  .filter(([key]) => /^\d+$/.test(key))
  .sort(([a], [b]) => Number(a) - Number(b))
  .map(([, name]) => String(name));

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = '';
});

describe('the stand-in Electron', () => {
  it('knows how Electron ships every fuse this @electron/fuses knows', () => {
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const name of names) expect(SHIPPED_FUSES[name], name).toBeTypeOf('boolean');
  });

  it('refuses a fuse it does not know rather than guessing its shipped state', () => {
    expect(() => shippedFuseWire([...names, 'SomeNewFuse'])).toThrow(/SomeNewFuse.*SHIPPED_FUSES/);
  });

  it('carries a fuse wire @electron/fuses reads back as Electron ships it (Linux binary, macOS framework)', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'gloss-stand-in-'));
    await makeStandIn(path.join(dir, 'linux'), 'linux', '42.0.0', names);
    await makeStandIn(path.join(dir, 'darwin'), 'darwin', '42.0.0', names);
    await makeStandIn(path.join(dir, 'win32'), 'win32', '42.0.0', names);
    const expected = Object.fromEntries(names.map((name, i) => [String(i), SHIPPED_FUSES[name] ? 49 : 48]));
    const linux = await fuses.getCurrentFuseWire(path.join(dir, 'linux', 'electron'));
    const mac = await fuses.getCurrentFuseWire(path.join(dir, 'darwin', 'Electron.app'));
    expect(linux).toMatchObject(expected);
    expect(mac).toMatchObject(expected);
    expect(await fuses.getCurrentFuseWire(path.join(dir, 'win32', 'electron.exe'))).toMatchObject(expected);
    expect(await readFile(path.join(dir, 'linux', 'version'), 'utf8')).toBe('42.0.0');
  });

  it('is on Windows a PE file with electron.exe’s version resource, no icon and no asar hash, as electron-builder expects to edit', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'gloss-stand-in-'));
    await makeStandIn(dir, 'win32', '42.0.0', names);
    const exe = await readFile(path.join(dir, 'electron.exe'));
    expect(exe.subarray(0, 2).toString('latin1')).toBe('MZ');
    const resources = readWindowsResources(exe);
    expect(resources.strings.ProductName).toBe('Electron');
    expect(resources.iconSizes).toEqual([]);
    expect(resources.integrity).toBeNull();
  });

  it('runs nothing: started, it says it is a stand-in and exits 1', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'gloss-stand-in-'));
    await makeStandIn(dir, 'linux', '42.0.0', names);
    const started = spawnSync(path.join(dir, 'electron'), ['some.gloss'], { encoding: 'utf8' });
    expect(started.status).toBe(1);
    expect(started.stderr).toContain('stand-in for Electron');
  });
});
