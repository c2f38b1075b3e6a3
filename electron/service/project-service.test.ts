import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ProjectService } from './project-service';
import { ProjectOpenError, backupPath } from './durable-file';
import { lockPath } from './lock';
import type { SaveState } from '../../shared/ipc/contract';

const coder = { id: 'c-1', name: 'Ana', color: '#1f77b4' };
let dir: string;
const open: ProjectService[] = [];

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-service-'));
});

afterEach(async () => {
  for (const s of open.splice(0)) await s.close().catch(() => {});
  await fs.chmod(dir, 0o755).catch(() => {});
  await fs.rm(dir, { recursive: true, force: true });
});

async function create(name = 'p.gloss', options: Partial<Parameters<typeof ProjectService.open>[1]> = {}) {
  const service = await ProjectService.create(path.join(dir, name), 'Interviews', { coder, saveDelayMs: 20, ...options });
  open.push(service);
  return service;
}

const enc = (s: string) => new TextEncoder().encode(s);

async function withCoding(service: ProjectService) {
  const imported = await service.importFiles([{ name: 'officer.txt', bytes: enc('We never had training.\r\nData sharing took weeks.') }]);
  const documentId = imported.imported[0]!.id;
  const applied = service.run({ type: 'applyCode', documentId, start: 3, end: 21, newCodeName: 'training gaps' });
  if (!applied.ok) throw new Error(applied.error);
  return { documentId, codingId: applied.created.codingId!, codeId: applied.created.codeId! };
}

describe('ProjectService', () => {
  it('saves durably to disk and reopens with the same codings', async () => {
    const service = await create();
    const { codingId } = await withCoding(service);
    await service.close();
    const text = await fs.readFile(service.file, 'utf8');
    expect(text).toContain('"quote":"never had training"');
    const reopened = await ProjectService.open(service.file, { coder });
    open.push(reopened);
    const coding = reopened.current.codings.get(codingId)!;
    expect(coding).toMatchObject({ start: 3, end: 21, quote: 'never had training' });
    expect(reopened.current.documents.get(coding.documentId)!.text).toBe('We never had training.\nData sharing took weeks.');
  });

  it('writes a byte-identical file when an unchanged project is saved again, and keeps a .bak', async () => {
    const service = await create();
    await withCoding(service);
    await service.flush();
    const first = await fs.readFile(service.file);
    // A change and its undo bring the state back; the saved bytes must be the same (modifiedAt aside).
    const rename = service.run({ type: 'renameProject', name: 'Other' });
    expect(rename.ok).toBe(true);
    service.undo();
    await service.flush();
    const second = await fs.readFile(service.file, 'utf8');
    // The audit trail records the rename and its undo (it is never taken back); all else is the same bytes.
    const trail = (s: string) => s.slice(s.indexOf(',\n"audit": ['));
    const strip = (s: string) => s.slice(0, s.indexOf(',\n"audit": [')).replace(/"modifiedAt":"[^"]+"/, '');
    expect(strip(second)).toBe(strip(first.toString('utf8')));
    expect(trail(second).split('\n').length - trail(first.toString('utf8')).split('\n').length).toBe(2);
    expect(trail(second)).toContain('"op":"undo","text":"Undo: Rename project"');
    expect((await fs.readFile(backupPath(service.file))).length).toBeGreaterThan(0);
    await service.close();
    const reopened = await ProjectService.open(service.file, { coder, saveDelayMs: 20 });
    open.push(reopened);
    reopened.run({ type: 'renameProject', name: 'Interviews' }); // same name: a no-op change of content
    await reopened.flush();
    const third = await fs.readFile(service.file, 'utf8');
    expect(strip(third)).toBe(strip(second));
  });

  it('coalesces a burst of edits into one write', async () => {
    const service = await create('burst.gloss', { saveDelayMs: 100 });
    const states: SaveState['status'][] = [];
    await service.close();
    const live = await ProjectService.open(service.file, {
      coder,
      saveDelayMs: 100,
      onEvent: (event, payload) => {
        if (event === 'save-state') states.push((payload as SaveState).status);
      },
    });
    open.push(live);
    for (let i = 0; i < 20; i++) live.run({ type: 'createCode', name: `code ${i}` });
    await live.flush();
    expect(states.filter((s) => s === 'saving')).toHaveLength(1);
    expect(states.at(-1)).toBe('saved');
    const reopened = JSON.parse(await fs.readFile(service.file, 'utf8'));
    expect(reopened.codes).toHaveLength(20);
  });

  it('undoes and redoes every step, also after saving', async () => {
    const service = await create();
    const { codingId, codeId } = await withCoding(service);
    await service.flush();
    service.run({ type: 'renameCode', codeId, name: 'Training gaps' });
    expect(service.history().undo).toBe('Rename code “training gaps” to “Training gaps”');
    expect(service.undo().ok).toBe(true);
    expect(service.current.codes.get(codeId)!.name).toBe('training gaps');
    expect(service.undo().ok).toBe(true); // the coding and its new code, one step
    expect(service.current.codings.has(codingId)).toBe(false);
    expect(service.current.codes.has(codeId)).toBe(false);
    expect(service.undo().ok).toBe(true); // the import
    expect(service.current.documents.size).toBe(0);
    expect(service.undo()).toEqual({ ok: false, error: 'Nothing to undo.' });
    service.redo();
    service.redo();
    service.redo();
    expect(service.current.codes.get(codeId)!.name).toBe('Training gaps');
    expect(service.current.codings.get(codingId)!.quote).toBe('never had training');
    await service.close();
    const saved = JSON.parse(await fs.readFile(service.file, 'utf8'));
    expect(saved.codings).toHaveLength(1);
  });

  it('keeps work in memory when a save fails, says why, and retries until it succeeds', async () => {
    const service = await create('retry.gloss', { saveDelayMs: 10, retryDelayMs: 50 });
    await service.flush();
    const live = service;
    const original = service.file;
    // Make the write fail: the temp file is created beside the project, so remove the folder's write access,
    // or (as root, which ignores permissions) put a directory where the .bak copy must go.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      await fs.rm(backupPath(original), { force: true });
      await fs.mkdir(backupPath(original));
    }
    else await fs.chmod(dir, 0o555);
    live.run({ type: 'createCode', name: 'kept in memory' });
    const failed = await live.flush().then(
      () => null,
      (e: Error) => e.message,
    );
    expect(failed).toMatch(/^Could not save retry\.gloss: .+ Your work is kept in memory/);
    expect(live.save.status).toBe('error');
    expect([...live.current.codes.values()].map((c) => c.name)).toEqual(['kept in memory']);
    expect(JSON.parse(await fs.readFile(original, 'utf8')).codes).toHaveLength(0);
    if (asRoot) await fs.rm(backupPath(original), { recursive: true });
    else await fs.chmod(dir, 0o755);
    const deadline = Date.now() + 3000;
    while (live.save.status !== 'saved' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(live.save.status).toBe('saved');
    expect(JSON.parse(await fs.readFile(original, 'utf8')).codes[0].name).toBe('kept in memory');
  });

  it('reports progress while importing many files, and clears it at the end', async () => {
    const events: unknown[] = [];
    const service = await create('progress.gloss', {
      onEvent: (event, payload) => {
        if (event === 'progress') events.push(payload);
      },
    });
    await service.importFiles([
      { name: 'a.txt', bytes: enc('one') },
      { name: 'b.txt', bytes: enc('two') },
    ]);
    expect(events).toEqual([
      { task: 'Importing documents', done: 0, total: 2, current: 'a.txt' },
      { task: 'Importing documents', done: 1, total: 2, current: undefined },
      { task: 'Importing documents', done: 1, total: 2, current: 'b.txt' },
      { task: 'Importing documents', done: 2, total: 2, current: undefined },
      null,
    ]);
  });

  it('refuses to overwrite an existing file when creating', async () => {
    const service = await create('exists.gloss');
    await service.close();
    await expect(ProjectService.create(service.file, 'x', { coder })).rejects.toThrow('exists.gloss already exists');
  });

  it('imports what it can and names each file it refused', async () => {
    const service = await create();
    const result = await service.importFiles([
      { name: 'good.txt', bytes: enc('fine') },
      { name: 'photo.txt', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]) },
      { name: 'slides.pptx', bytes: enc('x') },
    ]);
    expect(result.imported.map((d) => d.name)).toEqual(['good']);
    expect(result.failed.map((f) => f.error)).toEqual([
      'photo.txt: it looks like a binary file, not text; it was not imported.',
      expect.stringMatching(/^slides\.pptx: \.pptx is not a format Gloss can import yet/),
    ]);
    const doc = service.current.documents.get(result.imported[0]!.id)!;
    expect(doc.source).toMatchObject({ fileName: 'good.txt', type: 'text/plain', size: 4 });
    // sha256("fine")
    expect(doc.source!.sha256).toBe('d14a58bae804a2b80b5b76a010239c88ffca1fc7951a90f8e9131beda1e23c1b');
  });
});

describe('opening', () => {
  it('names the file and the first problem for a corrupt project, offers the backup, and never overwrites it', async () => {
    const service = await create('broken.gloss');
    await withCoding(service);
    await service.flush();
    service.run({ type: 'createCode', name: 'second save' });
    await service.close();
    const good = await fs.readFile(service.file, 'utf8');
    const broken = good.replace('"quote":"never had training"', '"quote":42');
    await fs.writeFile(service.file, broken);
    const error = await ProjectService.open(service.file, { coder }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProjectOpenError);
    expect((error as ProjectOpenError).message).toMatch(/^broken\.gloss could not be opened: codings\[0\]\.quote: .*string.*The file was left untouched\. A backup of the previous save exists \(broken\.gloss\.bak\)\./);
    expect((error as ProjectOpenError).backup).toBe(backupPath(service.file));
    expect(await fs.readFile(service.file, 'utf8')).toBe(broken);
    await expect(fs.access(lockPath(service.file))).rejects.toThrow();
    // The backup itself opens.
    const fromBackup = await ProjectService.read(backupPath(service.file));
    expect(fromBackup.codings).toHaveLength(1);
  });

  it('says a file that is not JSON is not JSON', async () => {
    const file = path.join(dir, 'notes.gloss');
    await fs.writeFile(file, 'hello');
    await expect(ProjectService.open(file, { coder })).rejects.toThrow(/^notes\.gloss could not be opened: it is not valid JSON/);
    expect(await fs.readFile(file, 'utf8')).toBe('hello');
  });

  it('refuses a project written by a newer Gloss', async () => {
    const service = await create('future.gloss');
    await service.close();
    const file = JSON.parse(await fs.readFile(service.file, 'utf8'));
    await fs.writeFile(service.file, JSON.stringify({ ...file, version: 99 }));
    await expect(ProjectService.open(service.file, { coder })).rejects.toThrow(
      'future.gloss could not be opened: it was written by a newer Gloss (file format version 99; this Gloss reads up to version 1). Update Gloss to open it.',
    );
  });

  it('locks a project: a second opener is told who holds it and may open read-only', async () => {
    const service = await create('locked.gloss');
    const lock = JSON.parse(await fs.readFile(lockPath(service.file), 'utf8'));
    expect(lock).toMatchObject({ pid: process.pid, host: os.hostname() });
    // Pretend another live process on another host holds it.
    await fs.writeFile(lockPath(service.file), JSON.stringify({ ...lock, host: 'lab-pc-7', user: 'ben', pid: 4242 }));
    await expect(ProjectService.open(service.file, { coder })).rejects.toThrow(
      /^locked\.gloss is already open in Gloss by ben on lab-pc-7 \(process 4242/,
    );
    const readOnly = await ProjectService.open(service.file, { coder, readOnly: true });
    expect(readOnly.run({ type: 'createCode', name: 'x' })).toEqual({
      ok: false,
      error: 'locked.gloss is open read-only; changes are not allowed.',
    });
    await readOnly.close();
    expect(JSON.parse(await fs.readFile(lockPath(service.file), 'utf8')).host).toBe('lab-pc-7');
  });

  it('takes over a stale lock left by a dead process on this host', async () => {
    const service = await create('stale.gloss');
    await service.close();
    await expect(fs.access(lockPath(service.file))).rejects.toThrow();
    // A pid far above any live process stands for a crashed Gloss.
    await fs.writeFile(lockPath(service.file), JSON.stringify({ pid: 2 ** 22 + 17, host: os.hostname(), user: 'x', since: '' }));
    const reopened = await ProjectService.open(service.file, { coder });
    open.push(reopened);
    expect(JSON.parse(await fs.readFile(lockPath(service.file), 'utf8')).pid).toBe(process.pid);
  });
});

describe('exports', () => {
  it('says in the status line that a big export is under way, and that it ended', async () => {
    const events: unknown[] = [];
    const service = await create('big.gloss', { onEvent: (event, payload) => event === 'progress' && events.push(payload) });
    const words = Array.from({ length: 2_100 }, (_, i) => `w${i}`).join(' ');
    const imported = await service.importFiles([{ name: 'long.txt', bytes: enc(words) }]);
    const documentId = imported.imported[0]!.id;
    const created = service.run({ type: 'createCode', name: 'theme' });
    if (!created.ok) throw new Error(created.error);
    let at = 0;
    for (let i = 0; i < 2_000; i++) {
      const end = words.indexOf(' ', at);
      const applied = service.run({ type: 'applyCode', documentId, start: at, end, codeId: created.created.codeId! });
      if (!applied.ok) throw new Error(applied.error);
      at = end + 1;
    }
    const small = await create('small.gloss', { onEvent: (event, payload) => event === 'progress' && events.push(payload) });
    await small.exportContent('xlsx');
    expect(events).toEqual([]);

    const workbook = await service.exportContent('xlsx');
    expect(workbook.encoding).toBe('base64');
    expect(events).toEqual([{ task: 'Exporting Workbook (Excel .xlsx)', done: 0, total: 0 }, null]);
  });
});
