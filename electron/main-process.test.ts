/**
 * The real bundled main process (built by build/build-electron.mjs), run in Node against a
 * fake 'electron' module: what can be checked of the Electron shell on a machine that has
 * no Electron binary. Playwright's Electron project covers the rest where one exists.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../shared/ipc/contract';
import { ProjectService } from './service/project-service';
import { createFakeElectron, menuItem, preventable, type FakeFrame, type FakeState, type FakeWindow } from './fixtures/fake-electron';
import type { IpcReply } from './ipc-wire';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

let buildDir: string;
let mainBundle: string;
let fakeModule: unknown = null;
const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const originalLoad = loader._load;

beforeAll(async () => {
  buildDir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-main-build-'));
  const built = spawnSync(process.execPath, [path.join(root, 'build', 'build-electron.mjs'), '--out', buildDir], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build-electron failed: ${built.stderr}`);
  await fs.mkdir(path.join(buildDir, 'renderer'));
  await fs.writeFile(path.join(buildDir, 'renderer', 'index.html'), '<!doctype html><title>Gloss</title>');
  mainBundle = path.join(buildDir, 'electron', 'main.cjs');
  loader._load = function (request: string, ...rest: unknown[]) {
    if (request === 'electron') return fakeModule;
    return originalLoad.call(this, request, ...rest);
  };
}, 60_000);

afterAll(async () => {
  loader._load = originalLoad;
  await fs.rm(buildDir, { recursive: true, force: true });
});

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function tempDir(prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Loads a fresh copy of the bundled main process with `args` after `electron .`. */
async function launch(args: string[], dataDir: string, prepare?: (state: FakeState) => void) {
  const fake = createFakeElectron({ documents: dataDir });
  prepare?.(fake.state);
  fakeModule = fake.module;
  const savedArgv = process.argv;
  const savedDataDir = process.env.GLOSS_DATA_DIR;
  process.argv = [process.execPath, '.', ...args];
  process.env.GLOSS_DATA_DIR = dataDir;
  try {
    delete require.cache[mainBundle];
    require(mainBundle);
  } finally {
    process.argv = savedArgv;
    if (savedDataDir === undefined) delete process.env.GLOSS_DATA_DIR;
    else process.env.GLOSS_DATA_DIR = savedDataDir;
  }
  await until(() => fake.state.windows.length > 0 && fake.state.handlers.size > 0, 'the window');
  const win = fake.state.windows[0]! as FakeWindow;
  const invoke = async (channel: string, arg?: unknown, frame?: FakeFrame | null): Promise<IpcReply> => {
    const handler = fake.state.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return (await handler({ senderFrame: frame === undefined ? win.webContents.mainFrame : frame }, arg)) as IpcReply;
  };
  const quit = async () => {
    fake.app.quit();
    await until(() => fake.state.exited, 'the app to quit');
  };
  cleanups.unshift(async () => {
    if (!fake.state.exited) await quit();
  });
  return { ...fake, win, invoke, quit };
}

function value<T>(reply: IpcReply): T {
  if (!reply.ok) throw new Error(`IPC failed: ${reply.error}`);
  return reply.value as T;
}

describe('the main process', () => {
  it('opens the user’s copy of the sample project when started without one', async () => {
    const dataDir = await tempDir('gloss-main-');
    const app = await launch([], dataDir);
    const snapshot = value<Snapshot>(await app.invoke('project:snapshot'));
    expect(snapshot.path).toBe(path.join(dataDir, 'Sample project.gloss'));
    expect(snapshot.host).toBe('electron');
    expect(snapshot.file?.documents).toHaveLength(3);
    expect(snapshot.file?.codes.map((c) => c.name).sort()).toEqual(['Data sharing', 'Delays', 'Training gaps', 'Victim support', 'Workload']);
    expect(snapshot.recent).toEqual([path.join(dataDir, 'Sample project.gloss')]);
    expect(app.win.title).toBe('Sample project — Gloss');
    expect(app.win.events().map((e) => e.event)).toContain('reload');

    // The window is locked down.
    const prefs = app.win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(prefs.preload).toBe(path.join(buildDir, 'electron', 'preload.cjs'));
    expect(menuItem(app.state.menu, 'File', 'Import Documents…').enabled).toBe(true);
  });

  it('answers IPC only from its own page in its own window, and validates payloads', async () => {
    const app = await launch([], await tempDir('gloss-main-'));
    const page = app.win.webContents.mainFrame;
    expect(await app.invoke('project:snapshot', undefined, null)).toMatchObject({ ok: false });
    expect(await app.invoke('project:snapshot', undefined, { ...page, routingId: 99 })).toMatchObject({ ok: false });
    expect(await app.invoke('project:snapshot', undefined, { ...page, url: 'https://example.org/' })).toMatchObject({ ok: false });
    const bad = await app.invoke('ops:run', { type: 'createCode' });
    expect(bad).toMatchObject({ ok: false });
    expect(bad.ok ? '' : bad.error).toMatch(/^Invalid payload for ops:run: name/);
    const recent = await app.invoke('project:openRecent', '/etc/passwd.gloss');
    expect(recent.ok ? '' : recent.error).toBe('passwd.gloss is not in the list of recent projects.');
  });

  it('runs operations, pushes save states, and saves and unlocks the project before quitting', async () => {
    const dataDir = await tempDir('gloss-main-');
    const app = await launch([], dataDir);
    const file = path.join(dataDir, 'Sample project.gloss');
    const created = value<{ ok: boolean; label: string }>(await app.invoke('ops:run', { type: 'createCode', name: 'Supervision' }));
    expect(created).toMatchObject({ ok: true, label: 'Create code “Supervision”' });
    expect(app.win.events().some((e) => e.event === 'save-state')).toBe(true);
    await expect(fs.access(`${file}.lock`)).resolves.toBeUndefined();

    await app.quit();
    expect((await ProjectService.read(file)).codes.map((c) => c.name)).toContain('Supervision');
    await expect(fs.access(`${file}.lock`)).rejects.toThrow();
    const settings = JSON.parse(await fs.readFile(path.join(dataDir, 'settings.json'), 'utf8')) as { window: unknown; recent: string[] };
    expect(settings.window).toMatchObject({ width: 1000, height: 700 });
    expect(settings.recent).toEqual([file]);
  });

  it('saves and unlocks the project when the window is closed, then quits', async () => {
    const dataDir = await tempDir('gloss-main-');
    const app = await launch([], dataDir);
    const file = path.join(dataDir, 'Sample project.gloss');
    value(await app.invoke('ops:run', { type: 'renameProject', name: 'Renamed before closing' }));
    app.win.close();
    await until(() => app.win.destroyed, 'the window to close');
    expect((await ProjectService.read(file)).project.name).toBe('Renamed before closing');
    await expect(fs.access(`${file}.lock`)).rejects.toThrow();
    if (process.platform !== 'darwin') await until(() => app.state.exited, 'the app to quit');
  });

  it('opens a project named on the command line, read-only when another Gloss holds it', async () => {
    const dataDir = await tempDir('gloss-main-');
    const file = path.join(dataDir, 'Locked.gloss');
    const other = await ProjectService.create(file, 'Locked study', { coder: { id: 'c1', name: 'Other', color: '#123456' } });
    // Held by a live process on this host that is not us: pid 1 always runs.
    const lock = JSON.parse(await fs.readFile(`${file}.lock`, 'utf8')) as Record<string, unknown>;
    await fs.writeFile(`${file}.lock`, JSON.stringify({ ...lock, pid: 1, user: 'ana' }));
    cleanups.push(() => other.close());

    const app = await launch([file], dataDir, (state) => state.answers.messageBox.push(0)); // "Open read-only"
    const snapshot = value<Snapshot>(await app.invoke('project:snapshot'));
    expect(app.state.messageBoxes[0]?.message).toMatch(/^Locked\.gloss is already open in Gloss by ana on /);
    expect(app.state.messageBoxes[0]?.buttons).toEqual(['Open read-only', 'Cancel']);
    expect(snapshot.readOnly).toBe(true);
    expect(snapshot.file?.project.name).toBe('Locked study');
    expect(app.win.title).toBe('Locked study (read-only) — Gloss');
    expect(menuItem(app.state.menu, 'File', 'Import Documents…').enabled).toBe(false);
  });

  it('never overwrites a damaged project and opens its backup as a recovered copy', async () => {
    const dataDir = await tempDir('gloss-main-');
    const file = path.join(dataDir, 'Study.gloss');
    const service = await ProjectService.create(file, 'Study', { coder: { id: 'c1', name: 'Ana', color: '#123456' } });
    service.run({ type: 'createCode', name: 'Kept' });
    await service.close(); // the second write leaves the first as Study.gloss.bak
    const good = await fs.readFile(file, 'utf8');
    await fs.writeFile(`${file}.bak`, good);
    await fs.writeFile(file, '{"format": "gloss-project", "version": 1, "project": 7}');

    const app = await launch([file], dataDir, (state) => {
      state.answers.messageBox.push(0); // "Open the backup"
      state.answers.save.push(path.join(dataDir, 'Study (recovered).gloss'));
    });
    const snapshot = value<Snapshot>(await app.invoke('project:snapshot'));
    expect(app.state.messageBoxes[0]?.detail).toMatch(/^Study\.gloss could not be opened: .*project/);
    expect(app.state.messageBoxes[0]?.buttons).toEqual(['Open the backup', 'Cancel']);
    expect(app.state.saveDialogs[0]?.defaultPath).toBe(path.join(dataDir, 'Study (recovered).gloss'));
    expect(snapshot.path).toBe(path.join(dataDir, 'Study (recovered).gloss'));
    expect(snapshot.file?.codes.map((c) => c.name)).toEqual(['Kept']);
    expect(await fs.readFile(file, 'utf8')).toBe('{"format": "gloss-project", "version": 1, "project": 7}');
  });

  it('imports documents and exports CSV through native dialogs from the menu', async () => {
    const dataDir = await tempDir('gloss-main-');
    const app = await launch([], dataDir);
    await app.invoke('project:snapshot');
    const notes = path.join(dataDir, 'Field notes.txt');
    const binary = path.join(dataDir, 'photo.txt');
    await fs.writeFile(notes, 'Training was cancelled twice.\r\nNobody told us why.');
    await fs.writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0x0d, 0x0a]));

    app.state.answers.open.push([notes, binary]);
    menuItem(app.state.menu, 'File', 'Import Documents…').click!();
    await until(() => app.state.messageBoxes.length > 0, 'the import report');
    const changed = app.win.events().filter((e) => e.event === 'changed');
    expect(changed).toHaveLength(1);
    expect(app.state.messageBoxes[0]?.message).toBe('1 of 2 files were imported.');
    expect(app.state.messageBoxes[0]?.detail).toMatch(/^photo\.txt: /);
    const snapshot = value<Snapshot>(await app.invoke('project:snapshot'));
    expect(snapshot.file?.documents.find((d) => d.name === 'Field notes')?.text).toBe('Training was cancelled twice.\nNobody told us why.');

    const out = path.join(dataDir, 'out', 'excerpts');
    await fs.mkdir(path.dirname(out));
    app.state.answers.save.push(out);
    const saved = value<{ path: string | null }>(await app.invoke('export:save', 'excerpts-csv'));
    expect(saved.path).toBe(`${out}.csv`);
    expect(app.state.saveDialogs.at(-1)?.defaultPath).toBe(path.join(dataDir, 'Sample project - excerpts.csv'));
    const csv = await fs.readFile(`${out}.csv`, 'utf8');
    expect(csv.startsWith('\ufeffdocument,code,code_path,coder,start,end,text,memo,created_at')).toBe(true);
    expect(csv).toContain('Support shouldn\'t depend on whether a child is useful to a prosecution.');

    app.state.answers.save.push(null); // cancelled
    expect(value<{ path: string | null }>(await app.invoke('export:save', 'codebook-csv')).path).toBeNull();
  });

  it('writes CSV cells safe by default; the raw setting is kept in settings.json and obeyed by the File ▸ Export menu and export:save', async () => {
    const dataDir = await tempDir('gloss-main-');
    const app = await launch([], dataDir);
    await app.invoke('project:snapshot');
    expect(value<{ ok: boolean }>(await app.invoke('ops:run', { type: 'createCode', name: '@risk' })).ok).toBe(true);
    const codeLine = async (file: string) => (await fs.readFile(file, 'utf8')).split('\r\n').find((line) => line.includes('@risk'));

    const safe = path.join(dataDir, 'safe');
    app.state.answers.save.push(safe);
    menuItem(app.state.menu, 'File', 'Export', 'Codebook (CSV)…').click!();
    await until(() => app.state.answers.save.length === 0 && existsSync(`${safe}.csv`), 'the codebook export');
    expect(await codeLine(`${safe}.csv`)).toMatch(/^'@risk,'@risk,/);

    expect(value<{ csvRaw: boolean }>(await app.invoke('settings:export'))).toEqual({ csvRaw: false });
    expect(value<{ csvRaw: boolean }>(await app.invoke('settings:setExport', { csvRaw: true }))).toEqual({ csvRaw: true });
    expect(JSON.parse(await fs.readFile(path.join(dataDir, 'settings.json'), 'utf8')).csvRaw).toBe(true);
    const raw = path.join(dataDir, 'raw');
    app.state.answers.save.push(raw);
    menuItem(app.state.menu, 'File', 'Export', 'Codebook (CSV)…').click!();
    await until(() => app.state.answers.save.length === 0 && existsSync(`${raw}.csv`), 'the raw codebook export');
    expect(await codeLine(`${raw}.csv`)).toMatch(/^@risk,@risk,/);

    // The renderer says what it wants with each request; the kind alone means safe cells.
    const asked = path.join(dataDir, 'asked');
    app.state.answers.save.push(asked);
    await app.invoke('export:save', 'codebook-csv');
    expect(await codeLine(`${asked}.csv`)).toMatch(/^'@risk,/);
    app.state.answers.save.push(asked);
    await app.invoke('export:save', { kind: 'codebook-csv', csvRaw: true });
    expect(await codeLine(`${asked}.csv`)).toMatch(/^@risk,/);
  });

  it('exports a workbook as bytes, imports a REFI-QDA project as a new one, and asks the coder’s name once', async () => {
    const dataDir = await tempDir('gloss-main-');
    const app = await launch([], dataDir);
    const first = value<Snapshot>(await app.invoke('project:snapshot'));
    expect(first.coderUnnamed).toBe(true);
    const named = value<Snapshot>(await app.invoke('team:setCoderName', 'Ruth'));
    expect(named.coder.name).toBe('Ruth');
    expect(named.coderUnnamed).toBe(false);

    const workbook = path.join(dataDir, 'study');
    app.state.answers.save.push(workbook);
    expect(value<{ path: string | null }>(await app.invoke('export:save', 'xlsx')).path).toBe(`${workbook}.xlsx`);
    const bytes = await fs.readFile(`${workbook}.xlsx`);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    const qdpx = value<{ content: string; encoding: string }>(await app.invoke('export:content', 'project-qdpx'));
    expect(qdpx.encoding).toBe('base64');
    const target = path.join(dataDir, 'From NVivo');
    app.state.answers.save.push(target);
    const imported = value<{ path: string; report: { imported: Record<string, number> } } | null>(
      await app.invoke('exchange:importQdpx', { file: { name: 'study.qdpx', base64: qdpx.content }, positions: 'auto' }),
    );
    expect(imported?.path).toBe(`${target}.gloss`);
    expect(imported?.report.imported.documents).toBe(3);
    // Opened in place of the sample, under the name the .qdpx gave its project.
    expect(app.win.title).toBe('Sample project — Gloss');
    const now = value<Snapshot>(await app.invoke('project:snapshot'));
    expect(now.path).toBe(`${target}.gloss`);
    expect(now.file?.documents).toHaveLength(3);
  });

  it('saves a copy with Save As and carries on in the copy', async () => {
    const dataDir = await tempDir('gloss-main-');
    const app = await launch([], dataDir);
    await app.invoke('project:snapshot');
    value(await app.invoke('ops:run', { type: 'createCode', name: 'Unsaved yet' }));
    const copy = path.join(dataDir, 'Copy');
    app.state.answers.save.push(copy);
    menuItem(app.state.menu, 'File', 'Save As…').click!();
    await until(() => app.win.title === 'Copy — Gloss', 'the copy to open');
    const snapshot = value<Snapshot>(await app.invoke('project:snapshot'));
    expect(snapshot.path).toBe(`${copy}.gloss`);
    expect(snapshot.file?.codes.map((c) => c.name)).toContain('Unsaved yet');
    expect(snapshot.recent.slice(0, 2)).toEqual([`${copy}.gloss`, path.join(dataDir, 'Sample project.gloss')]);
    // The original was saved and unlocked when the copy replaced it.
    const original = path.join(dataDir, 'Sample project.gloss');
    expect((await ProjectService.read(original)).codes.map((c) => c.name)).toContain('Unsaved yet');
    await expect(fs.access(`${original}.lock`)).rejects.toThrow();
  });

  it('opens a project handed over by a second launch in the same window', async () => {
    const dataDir = await tempDir('gloss-main-');
    const app = await launch([], dataDir);
    await app.invoke('project:snapshot');
    const other = path.join(dataDir, 'other.gloss');
    await (await ProjectService.create(other, 'Other study', { coder: { id: 'c1', name: 'Ana', color: '#123456' } })).close();
    app.app.emit('second-instance', preventable(), ['/usr/bin/electron', '.', 'other.gloss'], dataDir);
    await until(() => app.win.title === 'Other study — Gloss', 'the second project');
    expect(value<Snapshot>(await app.invoke('project:snapshot')).path).toBe(other);
  });

  it('sends Undo from the menu to the renderer and refuses to navigate away', async () => {
    const app = await launch([], await tempDir('gloss-main-'));
    await app.invoke('project:snapshot');
    menuItem(app.state.menu, 'Edit', 'Undo').click!();
    expect(app.win.events().at(-1)).toEqual({ event: 'menu', payload: 'undo' });

    const navigation = Object.assign(preventable(), { url: 'https://example.org/paper' });
    app.win.webContents.emit('will-navigate', navigation);
    expect(navigation.defaultPrevented).toBe(true);
    const sneaky = Object.assign(preventable(), { url: 'file:///etc/passwd' });
    app.win.webContents.emit('will-navigate', sneaky);
    expect(sneaky.defaultPrevented).toBe(true);
    await until(() => app.state.opened.length > 0, 'the browser');
    expect(app.state.opened).toEqual(['https://example.org/paper']);
  });
});
