/**
 * The real bundled main process (built by build/build-electron.mjs), run in Node against a
 * fake 'electron' module: what can be checked of the Electron shell on a machine that has
 * no Electron binary. Playwright's Electron project covers the rest where one exists.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChosenFile, CoderNamed, ImportResponse, QdpxImported, Snapshot } from '../shared/ipc/contract';
import type { DocumentContent } from '../shared/model/document-index';
import { ProjectService } from './service/project-service';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from './content-policy';
import { createFakeElectron, DEFAULT_DICTIONARY_URL, menuItem, preventable, type FakeFrame, type FakeState, type FakeWindow } from './fixtures/fake-electron';
import type { IpcReply } from './ipc-wire';
import type { AgreementResult } from '../shared/agreement/types';
import { serializeProject } from '../shared/model/serialize';
import { syntheticProject } from '../scripts/bench/synthetic-project';
import { unzipSync } from 'fflate';
import { makeDocx, makePdf } from '../shared/import/fixtures/make-documents';

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

/** Runs a fresh copy of the bundled main process with `args` after `electron .`, on `fake`. */
function loadMain(fake: ReturnType<typeof createFakeElectron>, args: string[], dataDir: string): void {
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
}

/** Launches the bundled main process with `args` after `electron .` and waits for its window. */
async function launch(args: string[], dataDir: string, prepare?: (state: FakeState) => void) {
  const fake = createFakeElectron({ documents: dataDir });
  prepare?.(fake.state);
  loadMain(fake, args, dataDir);
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
    expect(snapshot.index?.documents).toHaveLength(3);
    expect(snapshot.index?.codes.map((c) => c.name).sort()).toEqual(['Data sharing', 'Delays', 'Training gaps', 'Victim support', 'Workload']);
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
    expect(page.url).toBe('app://gloss/index.html');
    expect(await app.invoke('project:snapshot', undefined, null)).toMatchObject({ ok: false });
    expect(await app.invoke('project:snapshot', undefined, { ...page, routingId: 99 })).toMatchObject({ ok: false });
    expect(await app.invoke('project:snapshot', undefined, { ...page, url: 'https://example.org/' })).toMatchObject({ ok: false });
    // The built page opened from disk, where it used to be loaded from, is not the app's page.
    const fromDisk = pathToFileURL(path.join(buildDir, 'renderer', 'index.html')).href;
    expect(await app.invoke('project:snapshot', undefined, { ...page, url: fromDisk })).toMatchObject({ ok: false });
    expect(await app.invoke('project:snapshot', undefined, { ...page, url: 'app://gloss/other.html' })).toMatchObject({ ok: false });
    expect(await app.invoke('project:snapshot', undefined, { ...page, url: 'app://gloss/index.html#codes' })).toMatchObject({ ok: true });
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
    expect(snapshot.index?.project.name).toBe('Locked study');
    expect(app.win.title).toBe('Locked study (read-only) — Gloss');
    expect(menuItem(app.state.menu, 'File', 'Import Documents…').enabled).toBe(false);
  });

  it('opens a project in a folder it cannot write to read-only, saying why and how to keep changes', async () => {
    const dataDir = await tempDir('gloss-main-');
    const folder = path.join(dataDir, 'cd-rom');
    await fs.mkdir(folder);
    const file = path.join(folder, 'Archive.gloss');
    const created = await ProjectService.create(file, 'Archive study', { coder: { id: 'c1', name: 'Ana', color: '#123456' } });
    await created.close();
    // A read-only disk: nothing can be created in that folder (tests cannot mount one).
    const realWriteFile = fs.writeFile;
    const spy = vi.spyOn(fs, 'writeFile').mockImplementation(async (target, ...rest) => {
      if (typeof target === 'string' && target.startsWith(folder)) throw Object.assign(new Error(`EROFS: read-only file system, open '${target}'`), { code: 'EROFS', path: target });
      return realWriteFile(target, ...rest);
    });
    cleanups.push(async () => spy.mockRestore());

    const app = await launch([file], dataDir, (state) => state.answers.messageBox.push(0)); // "Open read-only"
    const snapshot = value<Snapshot>(await app.invoke('project:snapshot'));
    expect(app.state.messageBoxes[0]?.message).toBe('Archive.gloss cannot be changed here: the disk is read-only.');
    expect(app.state.messageBoxes[0]?.detail).toBe(
      'Opened read-only, you can read, search and export, but not change it. Use File > Save As to keep it in a folder you can write to.',
    );
    expect(app.state.messageBoxes[0]?.buttons).toEqual(['Open read-only', 'Cancel']);
    expect(snapshot.readOnly).toBe(true);
    expect(snapshot.index?.project.name).toBe('Archive study');
    expect((await fs.readdir(folder)).sort()).toEqual(['Archive.gloss']);
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
    expect(snapshot.index?.codes.map((c) => c.name)).toEqual(['Kept']);
    expect(await fs.readFile(file, 'utf8')).toBe('{"format": "gloss-project", "version": 1, "project": 7}');
  });

  it('imports documents chosen in the native dialog, read by path in the main process, and exports CSV through the save dialog', async () => {
    const dataDir = await tempDir('gloss-main-');
    const app = await launch([], dataDir);
    await app.invoke('project:snapshot');
    const notes = path.join(dataDir, 'Field notes.txt');
    const binary = path.join(dataDir, 'photo.txt');
    await fs.writeFile(notes, 'Training was cancelled twice.\r\nNobody told us why.');
    await fs.writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0x0d, 0x0a]));
    const talk = path.join(dataDir, 'talk.vtt');
    await fs.writeFile(talk, 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello.\n\n00:00:99999.000 --> 00:00:03.000\nThe lost line.\n');

    // The menu hands Import to the renderer, which runs the one import pipeline of both hosts.
    menuItem(app.state.menu, 'File', 'Import Documents…').click!();
    expect(app.win.events().at(-1)).toEqual({ event: 'menu', payload: 'import' });
    const eventsBefore = app.win.events().length;

    // The renderer asks for the native dialog; the chosen files come back as paths, not bytes.
    app.state.answers.open.push([notes, binary, talk]);
    const chosen = value<ChosenFile[]>(await app.invoke('files:choose', 'documents'));
    expect(chosen).toEqual([
      { name: 'Field notes.txt', path: notes },
      { name: 'photo.txt', path: binary },
      { name: 'talk.vtt', path: talk },
    ]);
    const dialog = app.state.openDialogs.at(-1)!;
    expect(dialog.title).toBe('Import documents');
    expect(dialog.properties).toEqual(['openFile', 'multiSelections']);
    expect(dialog.filters?.[0]?.extensions).toEqual(expect.arrayContaining(['txt', 'docx', 'pdf']));

    // The main process reads them by path and imports what it can; the reply carries the change and the refusals.
    const response = value<ImportResponse>(await app.invoke('documents:import', chosen));
    expect(response.imported.map((d) => d.name)).toEqual(['Field notes', 'talk']);
    expect(response.failed.map((f) => f.name)).toEqual(['photo.txt']);
    // The import report's notes come back with it, each naming its file.
    expect(response.notes.map((n) => n.note)).toContainEqual(expect.stringMatching(/^talk\.vtt: the cue at line 6 has a timing Gloss cannot read/));
    expect(response.failed[0]?.error).toMatch(/^photo\.txt: /);
    expect(response.result).toMatchObject({ ok: true, label: 'Import 2 documents' });
    // No event follows the reply: it carries everything the renderer needs.
    expect(app.win.events().slice(eventsBefore).filter((e) => e.event !== 'save-state' && e.event !== 'progress')).toEqual([]);
    // The snapshot is an index: documents come without their text, which is fetched on its own.
    const snapshot = value<Snapshot>(await app.invoke('project:snapshot'));
    const entry = snapshot.index?.documents.find((d) => d.name === 'Field notes');
    expect(entry).not.toHaveProperty('text');
    expect(value<DocumentContent>(await app.invoke('documents:text', entry?.id)).text).toBe('Training was cancelled twice.\nNobody told us why.');
    // Nor does the Change in the reply carry it.
    expect(JSON.stringify(response.result)).not.toContain('Training was cancelled');

    // A path the dialog did not return is refused, named, and not read.
    const refused = value<ImportResponse>(await app.invoke('documents:import', [{ name: 'settings.json', path: path.join(dataDir, 'settings.json') }]));
    expect(refused.imported).toEqual([]);
    expect(refused.failed).toEqual([{ name: 'settings.json', error: "settings.json was not chosen in Gloss's file dialog; choose it again." }]);
    const preview = await app.invoke('exchange:previewCodebook', { name: 'x.qdc', path: path.join(dataDir, 'x.qdc') });
    expect(preview).toEqual({ ok: false, error: "x.qdc was not chosen in Gloss's file dialog; choose it again." });

    const out = path.join(dataDir, 'out', 'excerpts');
    await fs.mkdir(path.dirname(out));
    app.state.answers.save.push(out);
    const saved = value<{ path: string | null }>(await app.invoke('export:save', 'excerpts-csv'));
    expect(saved.path).toBe(`${out}.csv`);
    expect(app.state.saveDialogs.at(-1)?.defaultPath).toBe(path.join(dataDir, 'Sample project - excerpts.csv'));
    // The filter is the export registry's line: the format's label and extension.
    expect(app.state.saveDialogs.at(-1)?.filters).toEqual([{ name: 'Coded excerpts (CSV)', extensions: ['csv'] }]);
    const csv = await fs.readFile(`${out}.csv`, 'utf8');
    expect(csv.startsWith('\ufeffdocument,code,code_path,coder,start,end,text,memo,created_at')).toBe(true);
    expect(csv).toContain('Support shouldn\'t depend on whether a child is useful to a prosecution.');

    app.state.answers.save.push(null); // cancelled
    expect(value<{ path: string | null }>(await app.invoke('export:save', 'codebook-csv')).path).toBeNull();

    // An export never writes over a project (only its lock holder writes one).
    const other = path.join(dataDir, 'Other study.gloss');
    await fs.writeFile(other, 'a project');
    app.state.answers.save.push(other);
    const overProject = await app.invoke('export:save', 'codebook-csv');
    expect(overProject).toMatchObject({ ok: false, error: 'Other study.gloss is a Gloss project name; choose another name for the export.' });
    expect(await fs.readFile(other, 'utf8')).toBe('a project');
  });

  it('writes CSV cells safe by default; the raw setting is kept in settings.json, and export:save writes what the renderer asks for', async () => {
    const dataDir = await tempDir('gloss-main-');
    const app = await launch([], dataDir);
    await app.invoke('project:snapshot');
    expect(value<{ ok: boolean }>(await app.invoke('ops:run', { type: 'createCode', name: '@risk' })).ok).toBe(true);
    const codeLine = async (file: string) => (await fs.readFile(file, 'utf8')).split('\r\n').find((line) => line.includes('@risk'));

    // File ▸ Export goes to the renderer, which sends the request with the setting it holds.
    menuItem(app.state.menu, 'File', 'Export', 'Codebook (CSV)…').click!();
    expect(app.win.events().at(-1)).toEqual({ event: 'menu', payload: 'export-codebook-csv' });

    expect(value<{ csvRaw: boolean }>(await app.invoke('settings:export'))).toEqual({ csvRaw: false });
    const safe = path.join(dataDir, 'safe');
    app.state.answers.save.push(safe);
    expect(value<{ path: string | null }>(await app.invoke('export:save', { kind: 'codebook-csv', csvRaw: false })).path).toBe(`${safe}.csv`);
    expect(await codeLine(`${safe}.csv`)).toMatch(/^'@risk,'@risk,/);

    expect(value<{ csvRaw: boolean }>(await app.invoke('settings:setExport', { csvRaw: true }))).toEqual({ csvRaw: true });
    expect(JSON.parse(await fs.readFile(path.join(dataDir, 'settings.json'), 'utf8')).csvRaw).toBe(true);
    expect(value<{ csvRaw: boolean }>(await app.invoke('settings:export'))).toEqual({ csvRaw: true });
    const raw = path.join(dataDir, 'raw');
    app.state.answers.save.push(raw);
    await app.invoke('export:save', { kind: 'codebook-csv', csvRaw: true });
    expect(await codeLine(`${raw}.csv`)).toMatch(/^@risk,@risk,/);

    // The kind alone (the form before options existed) means safe cells, whatever the setting.
    const asked = path.join(dataDir, 'asked');
    app.state.answers.save.push(asked);
    await app.invoke('export:save', 'codebook-csv');
    expect(await codeLine(`${asked}.csv`)).toMatch(/^'@risk,/);
  });

  it('exports a workbook as bytes, imports a REFI-QDA project as a new one, and asks the coder’s name once', async () => {
    const dataDir = await tempDir('gloss-main-');
    const app = await launch([], dataDir);
    const first = value<Snapshot>(await app.invoke('project:snapshot'));
    expect(first.coderUnnamed).toBe(true);
    const named = value<CoderNamed>(await app.invoke('team:setCoderName', 'Ruth'));
    // The reply says who codes now, not the whole project.
    expect(Object.keys(named).sort()).toEqual(['coder', 'coderUnnamed']);
    expect(named.coder.name).toBe('Ruth');
    expect(named.coderUnnamed).toBe(false);

    const workbook = path.join(dataDir, 'study');
    app.state.answers.save.push(workbook);
    expect(value<{ path: string | null }>(await app.invoke('export:save', 'xlsx')).path).toBe(`${workbook}.xlsx`);
    expect(app.state.saveDialogs.at(-1)?.filters).toEqual([{ name: 'Workbook (Excel .xlsx)', extensions: ['xlsx'] }]);
    const bytes = await fs.readFile(`${workbook}.xlsx`);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    const qdpx = value<{ content: string; encoding: string }>(await app.invoke('export:content', 'project-qdpx'));
    expect(qdpx.encoding).toBe('base64');
    const target = path.join(dataDir, 'From NVivo');
    app.state.answers.save.push(target);
    const eventsBefore = app.win.events().length;
    const imported = value<QdpxImported | null>(
      await app.invoke('exchange:importQdpx', { file: { name: 'study.qdpx', base64: qdpx.content }, positions: 'auto' }),
    );
    expect(imported?.path).toBe(`${target}.gloss`);
    expect(imported?.report.imported.documents).toBe(3);
    // The reply carries the new project, so no 'reload' event races it.
    expect(imported?.snapshot.path).toBe(`${target}.gloss`);
    expect(imported?.snapshot.index?.documents).toHaveLength(3);
    expect(app.win.events().slice(eventsBefore).map((e) => e.event)).not.toContain('reload');
    // Opened in place of the sample, under the name the .qdpx gave its project.
    expect(app.win.title).toBe('Sample project — Gloss');
    const now = value<Snapshot>(await app.invoke('project:snapshot'));
    expect(now.path).toBe(`${target}.gloss`);
    expect(now.index?.documents).toHaveLength(3);
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
    expect(snapshot.index?.codes.map((c) => c.name)).toContain('Unsaved yet');
    expect(snapshot.recent.slice(0, 2)).toEqual([`${copy}.gloss`, path.join(dataDir, 'Sample project.gloss')]);
    // The original was saved and unlocked when the copy replaced it.
    const original = path.join(dataDir, 'Sample project.gloss');
    expect((await ProjectService.read(original)).codes.map((c) => c.name)).toContain('Unsaved yet');
    await expect(fs.access(`${original}.lock`)).rejects.toThrow();
  });

  it('answers New asked for by the renderer with the new project, and announces one made from the menu', async () => {
    const dataDir = await tempDir('gloss-main-');
    const app = await launch([], dataDir);
    await app.invoke('project:snapshot');
    let before = app.win.events().length;
    app.state.answers.save.push(path.join(dataDir, 'First'));
    const first = value<Snapshot>(await app.invoke('project:newDialog'));
    expect(first.path).toBe(path.join(dataDir, 'First.gloss'));
    // The reply carries the project: a 'reload' as well would load it twice.
    expect(app.win.events().slice(before).map((e) => e.event)).not.toContain('reload');

    before = app.win.events().length;
    app.state.answers.save.push(path.join(dataDir, 'Second'));
    menuItem(app.state.menu, 'File', 'New Project…').click!();
    await until(() => app.win.title === 'Second — Gloss', 'the second project');
    expect(app.win.events().slice(before).map((e) => e.event)).toContain('reload');
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

  it('hands a project opened while Gloss runs to the running app and quits without a window or a lock', async () => {
    const dataDir = await tempDir('gloss-main-');
    const project = path.join(dataDir, 'study.gloss');
    await (await ProjectService.create(project, 'Study', { coder: { id: 'c1', name: 'Ana', color: '#123456' } })).close();
    const second = createFakeElectron({ documents: dataDir });
    second.state.otherInstanceRunning = true;
    loadMain(second, ['study.gloss'], dataDir);
    await until(() => second.state.quitCalls > 0, 'the second launch to quit');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(second.state.windows).toEqual([]);
    expect(second.state.handlers.size).toBe(0);
    await expect(fs.access(`${project}.lock`)).rejects.toThrow();
  });

  it('opens a .gloss double-clicked in the macOS Finder (open-file) in the running window', async () => {
    const dataDir = await tempDir('gloss-main-');
    const app = await launch([], dataDir);
    await app.invoke('project:snapshot');
    const other = path.join(dataDir, 'from finder.gloss');
    await (await ProjectService.create(other, 'From Finder', { coder: { id: 'c1', name: 'Ana', color: '#123456' } })).close();
    const event = preventable();
    app.app.emit('open-file', event, other);
    expect(event.defaultPrevented).toBe(true);
    await until(() => app.win.title === 'From Finder — Gloss', 'the project from the Finder');
    expect(value<Snapshot>(await app.invoke('project:snapshot')).path).toBe(other);
    expect(app.state.windows).toHaveLength(1);
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

  it('shows Help ▸ About with the version, the licence and the project-file format version', async () => {
    const dataDir = await tempDir('gloss-main-');
    const app = await launch([], dataDir);
    await app.invoke('project:snapshot');
    menuItem(app.state.menu, 'Help', 'About Gloss').click!();
    await until(() => app.state.messageBoxes.some((box) => box.message.startsWith('Gloss ')), 'the About box');
    const about = app.state.messageBoxes.find((box) => box.message.startsWith('Gloss '))!;
    expect(about.message).toBe('Gloss 0.0.0-test');
    expect(about.detail).toContain('\nLicence: MIT\n');
    expect(about.detail).toContain('\nProject files: gloss-project format version 1 ');
    expect(about.detail).toContain(`\nData folder: ${dataDir}`);
  });
});

describe('long tasks in the built task worker', () => {
  it('computes agreement in dist/electron/task-worker.cjs and cancels it by id', async () => {
    expect((await fs.stat(path.join(buildDir, 'electron', 'task-worker.cjs'))).isFile()).toBe(true);
    const dataDir = await tempDir('gloss-main-');
    const file = path.join(dataDir, 'Team.gloss');
    await fs.writeFile(file, serializeProject(syntheticProject({ documents: 20, characters: 100_000, codings: 2_000, codes: 30, memos: 0, seed: 3 })));
    const app = await launch([file], dataDir);
    value<Snapshot>(await app.invoke('project:snapshot'));

    const result = value<AgreementResult>(await app.invoke('team:agreement', { unit: 'document' }));
    expect(result.request.coderIds).toHaveLength(2);
    expect(result.rows.filter((row) => row.document === null)).toHaveLength(30);

    const computing = app.invoke('team:agreement', { unit: 'char', taskId: 'in-the-window' });
    expect(value<{ cancelled: boolean }>(await app.invoke('task:cancel', 'in-the-window'))).toEqual({ cancelled: true });
    expect(await computing).toEqual({ ok: false, error: 'Computing agreement was cancelled.' });
  });
});

describe('the window’s origin and the network', () => {
  /** Runs the rest of the test as if on `platform` (restored after the app has quit). */
  function pretendPlatform(platform: NodeJS.Platform): void {
    const real = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { ...real, value: platform });
    cleanups.push(async () => {
      Object.defineProperty(process, 'platform', real);
    });
  }

  it('serves its page from the privileged app:// scheme, with the CSP as a header, and only files of the renderer', async () => {
    const app = await launch([], await tempDir('gloss-main-'));
    await app.invoke('project:snapshot');
    expect(app.state.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(app.win.loads).toEqual([{ url: 'app://gloss/index.html', reason: 'page', outcome: 'served', status: 200 }]);

    const session = app.win.webContents.session;
    expect(session.protocol.isProtocolHandled('app')).toBe(true);
    // The handler the app installed, asked directly: the page with its policy; nothing beside the renderer.
    const page = await session.respond('app://gloss/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<!doctype html><title>Gloss</title>');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    for (const outside of ['app://gloss/../electron/main.cjs', 'app://gloss/%2e%2e/electron/main.cjs', 'app://gloss/..%2felectron%2fmain.cjs', 'app://other/index.html']) {
      const res = await session.respond(outside);
      expect(res.status, outside).toBe(404);
      expect(await res.text(), outside).not.toContain('require(');
    }

    // Navigation stays denied on the new origin too, even to another file of the scheme, and nothing is opened for it.
    for (const url of ['app://gloss/assets/x.html', 'app://gloss/index.html?again', 'file:///etc/passwd']) {
      const navigation = Object.assign(preventable(), { url });
      app.win.webContents.emit('will-navigate', navigation);
      expect(navigation.defaultPrevented, url).toBe(true);
    }
    expect(app.state.opened).toEqual([]);
  });

  it('lets no request leave the machine while starting: no spell-check dictionary download on Linux and Windows', async () => {
    pretendPlatform('linux');
    const app = await launch([], await tempDir('gloss-main-'));
    await app.invoke('project:snapshot');
    const prefs = app.win.options.webPreferences as Record<string, unknown>;
    expect(prefs.spellcheck).toBe(false);
    const session = app.win.webContents.session;
    expect(session.spellCheckerEnabled).toBe(false);
    expect(session.dictionaryDownloadURL).toBe('app://gloss/no-spellcheck-dictionaries/');
    expect(app.state.blockerSaw).toEqual([]);
    expect(app.state.requests.map((r) => [r.url, r.outcome])).toEqual([['app://gloss/index.html', 'served']]);
    // The blocker is in place and would have stopped anything that tried.
    expect(await session.request('https://example.org/tracker.js', 'page')).toMatchObject({ outcome: 'blocked' });
    expect(app.state.blockerSaw).toEqual(['https://example.org/tracker.js']);
  });

  it('keeps the operating system’s spell checker on macOS, which downloads nothing', async () => {
    pretendPlatform('darwin');
    const app = await launch([], await tempDir('gloss-main-'));
    await app.invoke('project:snapshot');
    const prefs = app.win.options.webPreferences as Record<string, unknown>;
    expect(prefs.spellcheck).toBe(true);
    const session = app.win.webContents.session;
    expect(session.spellCheckerEnabled).toBe(true);
    expect(session.dictionaryDownloadURL).toBe(DEFAULT_DICTIONARY_URL);
    expect(app.state.blockerSaw).toEqual([]);
    expect(app.state.requests.every((r) => r.outcome === 'served')).toBe(true);
  });
});

describe('the bundle as packaged, with no node_modules beside it', () => {
  it('finds no package outside itself: the packaged app has none', () => {
    // The test bundle lives in a temp folder, as main.cjs lives in app.asar: nothing above it holds node_modules.
    for (const name of ['pdfjs-dist', 'mammoth', 'exceljs', '@napi-rs/canvas', 'zod']) {
      expect(() => require.resolve(name, { paths: [path.join(buildDir, 'electron')] }), name).toThrow();
    }
  });

  it('imports PDF and Word documents and exports a workbook with only what the bundle holds', async () => {
    const dataDir = await tempDir('gloss-main-');
    const app = await launch([], dataDir);
    await app.invoke('project:snapshot');
    const pdf = path.join(dataDir, 'Interview 4.pdf');
    const docx = path.join(dataDir, 'Interview 5.docx');
    await fs.writeFile(pdf, makePdf([[{ text: 'The training was cancelled twice.', x: 72, y: 700, size: 12 }]]));
    await fs.writeFile(docx, makeDocx());
    app.state.answers.open.push([pdf, docx]);
    const chosen = value<ChosenFile[]>(await app.invoke('files:choose', 'documents'));
    const response = value<ImportResponse>(await app.invoke('documents:import', chosen));
    expect(response.failed).toEqual([]);
    expect(response.imported.map((d) => d.name)).toEqual(['Interview 4', 'Interview 5']);
    // The snapshot is the index; each document's text comes on demand.
    const texts = new Map<string, string>();
    for (const { id, name } of response.imported) texts.set(name, value<DocumentContent>(await app.invoke('documents:text', id)).text);
    expect(texts.get('Interview 4')).toContain('The training was cancelled twice.');
    expect(texts.get('Interview 5')).toContain('The officer said data was late.');

    const workbook = path.join(dataDir, 'study');
    app.state.answers.save.push(workbook);
    expect(value<{ path: string | null }>(await app.invoke('export:save', 'xlsx')).path).toBe(`${workbook}.xlsx`);
    const entries = unzipSync(await fs.readFile(`${workbook}.xlsx`));
    const xml = (name: string) => new TextDecoder().decode(entries[name]);
    for (const sheet of ['Excerpts', 'Codebook', 'Code frequencies']) expect(xml('xl/workbook.xml')).toContain(`name="${sheet}"`);
    const cells = Object.keys(entries).filter((name) => name.startsWith('xl/')).map(xml).join('');
    expect(cells).toContain('Victim support');
  });
});
