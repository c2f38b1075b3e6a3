import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Preferences } from './preferences';
import { loadSettings } from './service/settings';

let dataDir: string;
beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-prefs-'));
});
afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('Preferences', () => {
  it('keeps every update when several are made at once', async () => {
    const changes: string[][] = [];
    const prefs = await Preferences.load(dataDir, (recent) => changes.push(recent));
    const a = path.resolve('/data/a.gloss');
    const b = path.resolve('/data/b.gloss');
    // Not awaited one by one: the writes must not overwrite each other.
    void prefs.rememberRecent(a);
    void prefs.saveWindow({ x: 5, y: 6, width: 900, height: 700, maximized: false });
    void prefs.rememberRecent(b);
    await prefs.settled();

    expect(prefs.recent).toEqual([b, a]);
    expect(changes).toEqual([[a], [b, a]]);
    const saved = await loadSettings(dataDir);
    expect(saved.recent).toEqual([b, a]);
    expect(saved.window).toEqual({ x: 5, y: 6, width: 900, height: 700, maximized: false });

    await prefs.forgetRecent(a);
    expect(prefs.recent).toEqual([b]);
    await prefs.clearRecent();
    expect((await loadSettings(dataDir)).recent).toEqual([]);
    expect(changes.at(-1)).toEqual([]);

    const reloaded = await Preferences.load(dataDir, () => {});
    expect(reloaded.window?.width).toBe(900);
  });

  it('keeps raw CSV cells off by default and remembers turning them on beside the other settings', async () => {
    const prefs = await Preferences.load(dataDir, () => {});
    expect(prefs.csvRaw).toBe(false);
    const a = path.resolve('/data/a.gloss');
    void prefs.rememberRecent(a);
    void prefs.setCsvRaw(true);
    await prefs.settled();
    expect(prefs.csvRaw).toBe(true);
    expect(await loadSettings(dataDir)).toMatchObject({ csvRaw: true, recent: [a] });
    expect((await Preferences.load(dataDir, () => {})).csvRaw).toBe(true);
  });

  it('carries on in memory when the settings cannot be written', async () => {
    const file = path.join(dataDir, 'not-a-folder');
    await fs.writeFile(file, '');
    const prefs = await Preferences.load(file, () => {});
    await expect(prefs.saveWindow({ width: 800, height: 600 })).resolves.toBeUndefined();
    expect(prefs.window).toEqual({ width: 800, height: 600 });
  });
});
