import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ProjectService } from './project-service';
import { Backups } from './backups';
import { loadProjectFile } from './durable-file';
import { emptyProjectFile } from '../../shared/model/state';

const ana = { id: 'c-ana', name: 'Ana', color: '#1f77b4' };
let dir: string;
let dataDir: string;
const open: ProjectService[] = [];

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-backups-'));
  dataDir = path.join(dir, 'data');
});

afterEach(async () => {
  for (const s of open.splice(0)) await s.close().catch(() => {});
  await fs.chmod(dataDir, 0o755).catch(() => {});
  await fs.rm(dir, { recursive: true, force: true });
});

async function create(options: { dataDir?: string } = { dataDir: undefined }) {
  const service = await ProjectService.create(path.join(dir, 'p.gloss'), 'Interviews', { coder: ana, saveDelayMs: 10, ...options });
  open.push(service);
  return service;
}

const enc = (s: string) => new TextEncoder().encode(s);

async function coded(service: ProjectService) {
  const imported = await service.importFiles([{ name: 'officer.txt', bytes: enc('We never had training. Data sharing took weeks.') }]);
  const documentId = imported.imported[0]!.id;
  const applied = service.run({ type: 'applyCode', documentId, start: 3, end: 21, newCodeName: 'training gaps' });
  if (!applied.ok) throw new Error(applied.error);
  return { documentId, codeId: applied.created.codeId!, codingId: applied.created.codingId! };
}

describe('Backups', () => {
  it('keeps the newest backups only, newest first, each a whole project on disk', async () => {
    const backups = new Backups(dataDir, path.join(dir, 'p.gloss'), 3);
    const file = emptyProjectFile('Interviews', '2026-01-01T00:00:00.000Z');
    for (let i = 0; i < 5; i++) backups.save({ ...file, project: { ...file.project, name: `v${i}` } }, `Delete code “Trust ${i}”`, new Date(Date.UTC(2026, 0, 1, 10, i)));
    const list = backups.listSync();
    expect(list.map((b) => b.reason)).toEqual(["Delete code 'Trust 4'", "Delete code 'Trust 3'", "Delete code 'Trust 2'"]);
    expect(list[0]!.at).toBe('2026-01-01T10:04:00.000Z');
    expect((await fs.readdir(backups.dir)).sort()).toHaveLength(3);
    expect((await backups.read(list[2]!.id)).project.name).toBe('v2');
  });

  it('keeps two backups made in one millisecond apart, the later listed first', async () => {
    const backups = new Backups(dataDir, path.join(dir, 'p.gloss'));
    const file = emptyProjectFile('Interviews', '2026-01-01T00:00:00.000Z');
    const at = new Date(Date.UTC(2026, 0, 1));
    backups.save({ ...file, project: { ...file.project, name: 'first' } }, 'Delete code “A”', at);
    backups.save({ ...file, project: { ...file.project, name: 'second' } }, 'Delete code “A”', at);
    const list = backups.listSync();
    expect(list).toHaveLength(2);
    expect((await backups.read(list[0]!.id)).project.name).toBe('second');
  });

  it('keeps projects of one name in different folders apart, and reads only names it listed', async () => {
    const a = new Backups(dataDir, path.join(dir, 'a', 'p.gloss'));
    const b = new Backups(dataDir, path.join(dir, 'b', 'p.gloss'));
    expect(a.dir).not.toBe(b.dir);
    a.save(emptyProjectFile('A', '2026-01-01T00:00:00.000Z'), 'Merge');
    expect(b.listSync()).toEqual([]);
    await expect(a.read('../../../etc/passwd')).rejects.toThrow(/There is no backup/);
  });
});

describe('ProjectService backups', () => {
  it('writes a backup holding the code before deleting it, and restoring it brings the code and its codings back', async () => {
    const service = await create({ dataDir });
    const { codeId, codingId } = await coded(service);
    const deleted = service.run({ type: 'deleteCode', codeId });
    expect(deleted.ok).toBe(true);
    expect(service.current.codes.has(codeId)).toBe(false);
    const [backup] = service.listBackups();
    expect(backup!.reason).toBe("Delete code 'training gaps'");
    const saved = await loadProjectFile(path.join(service.backups!.dir, backup!.id));
    expect(saved.codes.map((c) => c.id)).toEqual([codeId]);

    const restored = await service.restoreBackup(backup!.id);
    expect(restored.ok).toBe(true);
    expect(service.current.codes.get(codeId)?.name).toBe('training gaps');
    expect(service.current.codings.get(codingId)?.quote).toBe('never had training');
    // The present was kept first: a second backup, of the project without the code.
    const list = service.listBackups();
    expect(list).toHaveLength(2);
    expect(list[0]!.reason).toMatch(/^Restore the backup from /);
    expect((await service.backups!.read(list[0]!.id)).codes).toEqual([]);
    // Written to the project file itself, not only held in memory.
    await service.flush();
    const onDisk = await loadProjectFile(service.file);
    expect(onDisk.codings.map((c) => c.id)).toEqual([codingId]);
    // One undo takes the restore back.
    expect(service.undo().ok).toBe(true);
    expect(service.current.codes.has(codeId)).toBe(false);
  });

  it('refuses a destructive step whose backup cannot be written, changing nothing', async () => {
    const service = await create({ dataDir });
    const { codeId } = await coded(service);
    await fs.mkdir(dataDir, { recursive: true });
    // A file where the backups folder should be: the backup cannot be written.
    await fs.writeFile(path.join(dataDir, 'backups'), 'not a folder');
    const deleted = service.run({ type: 'deleteCode', codeId });
    expect(deleted.ok).toBe(false);
    expect(!deleted.ok && deleted.error).toMatch(/could not write a backup in .*so “Delete code “training gaps”” was not done and nothing was changed/);
    expect(service.current.codes.has(codeId)).toBe(true);
  });

  it('makes no backup for a step that deletes nothing', async () => {
    const service = await create({ dataDir });
    await coded(service);
    expect(service.listBackups()).toEqual([]);
  });
});

describe('ProjectService.forgetOlderCopies', () => {
  /** Every file under `root` whose bytes contain `words`. */
  async function filesHolding(root: string, words: string): Promise<string[]> {
    const found: string[] = [];
    for (const entry of await fs.readdir(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      if ((await fs.readFile(file, 'utf8')).includes(words)) found.push(path.relative(root, file));
    }
    return found.sort();
  }

  it('after an anonymise, saves and deletes the backups and the previous save that still hold the name', async () => {
    const service = await create({ dataDir });
    const { codeId } = await coded(service);
    await service.importFiles([{ name: 'officer-2.txt', bytes: enc('Sarah said no. Ask Sarah.') }]);
    expect(service.run({ type: 'deleteCode', codeId }).ok).toBe(true);
    await service.flush();
    expect(service.run({ type: 'anonymise', name: 'Sarah', placeholder: '[P1]', caseSensitive: true, wholeWord: true }).ok).toBe(true);
    await service.flush();
    // The project is clean; the backup before the deletion and the previous save are not.
    expect(await filesHolding(dir, 'Sarah')).toEqual([expect.stringMatching(/^data\/backups\/p-[0-9a-f]{10}\/.* Delete code 'training gaps'\.gloss$/), 'p.gloss.bak']);

    expect(await service.forgetOlderCopies()).toEqual({ ok: true, backups: 1, previousSave: true });
    expect(await filesHolding(dir, 'Sarah')).toEqual([]);
    expect(service.listBackups()).toEqual([]);
    expect((await loadProjectFile(service.file)).documents.find((d) => d.name === 'officer-2')!.text).toBe('[P1] said no. Ask [P1].');
    // The project goes on: the next destructive step is backed up again.
    expect(service.run({ type: 'deleteDocument', documentId: service.current.documents.keys().next().value! }).ok).toBe(true);
    expect(service.listBackups()).toHaveLength(1);
  });

  it('deletes nothing in a project opened read-only', async () => {
    const service = await create({ dataDir });
    await coded(service);
    await service.close();
    const reader = await ProjectService.open(service.file, { coder: ana, readOnly: true, dataDir });
    open.push(reader);
    const reply = await reader.forgetOlderCopies();
    expect(reply).toEqual({ ok: false, error: 'p.gloss is open read-only; its older copies are left as they are.' });
  });
});

describe('ProjectService audit trail', () => {
  it('records who did what, on which code and document, written to the file and read back on open', async () => {
    const service = await create();
    const { codeId, documentId } = await coded(service);
    service.run({ type: 'renameCode', codeId, name: 'training' });
    expect(service.undo().ok).toBe(true);
    const trail = service.auditTrail();
    expect(trail.map((e) => e.op)).toEqual(['addDocuments', 'applyCode', 'renameCode', 'undo']);
    expect(trail[1]).toMatchObject({ by: 'c-ana', who: 'Ana', text: 'Apply code “training gaps”', codes: [codeId], docs: [documentId] });
    expect(trail[3]).toMatchObject({ text: 'Undo: Rename code “training gaps” to “training”', codes: [codeId] });
    expect(trail.every((e, i) => i === 0 || e.at >= trail[i - 1]!.at)).toBe(true);
    await service.close();
    const reopened = await ProjectService.open(service.file, { coder: ana, readOnly: true });
    open.push(reopened);
    expect(reopened.auditTrail()).toEqual(trail);
    // The renderer's snapshot leaves the trail out: it is fetched when the History view is shown.
    expect(JSON.stringify(reopened.snapshot('browser'))).not.toContain(trail[0]!.id);
  });

  it('never writes an anonymised name into the trail, through undo and redo either', async () => {
    const service = await create();
    await service.importFiles([{ name: 'sarah.txt', bytes: enc('Sarah said no. Ask Sarah.') }]);
    const request = { type: 'anonymise', name: 'Sarah', placeholder: '[P1]', caseSensitive: true, wholeWord: true };
    expect(service.run(request).ok).toBe(true);
    expect(service.undo().ok).toBe(true);
    expect(service.redo().ok).toBe(true);
    await service.flush();
    const text = await fs.readFile(service.file, 'utf8');
    expect(text).not.toContain('Sarah');
    expect(service.auditTrail().map((e) => e.text)).toEqual([
      'Import “sarah”',
      'Anonymise: a name replaced with “[P1]”',
      'Undo: Anonymise: a name replaced with “[P1]”',
      'Redo: Anonymise: a name replaced with “[P1]”',
    ]);
  });

  it('marks codings made by an auto-code', async () => {
    const service = await create();
    const { codeId } = await coded(service);
    const result = service.run({
      type: 'autocode',
      query: { text: 'weeks', regex: false, caseSensitive: false, wholeWord: true },
      scope: 'match',
      codeId,
    });
    expect(result.ok, !result.ok ? result.error : '').toBe(true);
    expect(service.auditTrail().at(-1)).toMatchObject({ op: 'autocode', via: 'autocode', codes: [codeId] });
  });
});

describe('the cloud-sync warning in the snapshot', () => {
  it('is carried for a project in a folder Dropbox syncs, and only then', async () => {
    await fs.mkdir(path.join(dir, 'Dropbox'), { recursive: true });
    const synced = await ProjectService.create(path.join(dir, 'Dropbox', 'study.gloss'), 'Study', { coder: ana });
    open.push(synced);
    expect(synced.snapshot('browser').cloudSync).toMatch(/^study\.gloss is in a folder Dropbox syncs .*Merge another copy of this project/);
    const plain = await create();
    expect(plain.snapshot('browser').cloudSync).toBeUndefined();
  });
});
