/**
 * Integrity on open, through the real file path: what the loader refuses is refused with a
 * message naming the file and the problem, and the file is left byte for byte as it was.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ProjectService } from './project-service';
import { ProjectOpenError, backupPath, readProjectFile } from './durable-file';
import { serializeProject } from '../../shared/model/serialize';
import { smallProject } from '../../shared/model/fixtures/small-project';

const coder = { id: 'c1', name: 'Ana', color: '#112233' };
let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-integrity-'));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Opening must fail with a ProjectOpenError whose message matches, and leave the file as it was. */
async function expectRefusedUntouched(file: string, message: RegExp): Promise<ProjectOpenError> {
  const before = await fs.readFile(file);
  const error = await ProjectService.open(file, { coder }).then(
    (s) => s.close().then(() => null),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProjectOpenError);
  expect((error as ProjectOpenError).kind).toBe('invalid');
  expect((error as Error).message).toMatch(message);
  expect(Buffer.compare(await fs.readFile(file), before)).toBe(0);
  await expect(fs.stat(backupPath(file))).rejects.toThrow();
  return error as ProjectOpenError;
}

describe('duplicate ids on open', () => {
  it('refuses a project that repeats a document id, before a save could drop one and shift a coding', async () => {
    const file = path.join(dir, 'dup.gloss');
    const project = smallProject();
    // Written as a hand edit or a bad merge would: the impostor comes after the real d1.
    project.documents.push({ ...project.documents[1]!, id: 'd1', name: 'Impostor' });
    await fs.writeFile(file, JSON.stringify(project));
    await expectRefusedUntouched(file, /^dup\.gloss could not be opened: duplicate id d1 in documents, entries 0 and 2\. The file was left untouched\./);
  });
});

describe('bytes that are not UTF-8', () => {
  it('refuses invalid UTF-8 with its byte offset instead of turning it into U+FFFD', async () => {
    const file = path.join(dir, 'latin.gloss');
    const text = serializeProject(smallProject());
    const at = Buffer.byteLength(text.slice(0, text.indexOf('because')), 'utf8');
    const bytes = Buffer.from(text, 'utf8');
    bytes[at] = 0xe9; // "é" in Latin-1, followed by ASCII: not a UTF-8 sequence
    await fs.writeFile(file, bytes);
    await expectRefusedUntouched(file, new RegExp(`^latin\\.gloss could not be opened: it is not valid UTF-8 \\(byte offset ${at}: `));
  });

  it('refuses a binary file from its first bytes', async () => {
    const file = path.join(dir, 'photo.gloss');
    await fs.writeFile(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    await expectRefusedUntouched(file, /^photo\.gloss could not be opened: it is not a Gloss project: it holds binary data \(byte 0x1a at offset 6\)/);
  });

  it('names a ZIP archive for what it is', async () => {
    const file = path.join(dir, 'export.gloss');
    await fs.writeFile(file, Buffer.from('PK\u0003\u0004rest of a zip', 'latin1'));
    await expectRefusedUntouched(file, /it is not a Gloss project: it is a ZIP archive/);
  });

  it('refuses a file past the size ceiling from its size alone, without reading it', async () => {
    const file = path.join(dir, 'huge.gloss');
    // A sparse file: its size says 1 GiB, yet it takes no room on disk and would take
    // seconds to read; the refusal must come from stat.
    const handle = await fs.open(file, 'w');
    await handle.truncate(1024 ** 3);
    await handle.close();
    // Read, its zeros would be refused as binary data: the size message shows stat refused it.
    await expect(readProjectFile(file)).rejects.toThrow(/^huge\.gloss could not be opened: it is 1\.1 GB, larger than any project Gloss can open \(512 MB\)/);
  });

  it('refuses a folder or a device without reading from it', async () => {
    await expect(readProjectFile(dir)).rejects.toThrow(/is not a project file \(it is a folder or a device\)/);
    await expect(readProjectFile('/dev/zero')).rejects.toMatchObject({ kind: 'unreadable', message: 'zero is not a project file (it is a folder or a device).' });
  });
});

describe('problems the check reports', () => {
  it('open the project, show in its snapshot, go with Repair and come back with Undo', async () => {
    const file = path.join(dir, 'dangling.gloss');
    const project = smallProject();
    project.memos[0]!.target = { kind: 'code', id: 'deleted-code' };
    project.cases[0]!.documentIds.push('deleted-doc');
    await fs.writeFile(file, serializeProject(project));
    const service = await ProjectService.open(file, { coder, saveDelayMs: 10 });
    try {
      expect(service.snapshot('browser').check).toMatchObject({ total: 2, repairable: 2 });
      expect(service.check(1)).toMatchObject({ problems: [{ kind: 'memo-target-missing' }], total: 2 });
      const repaired = service.run({ type: 'repairProject' });
      expect(repaired).toMatchObject({ ok: true, label: 'Repair 2 problems' });
      expect(service.check()).toEqual({ problems: [], total: 0, repairable: 0 });
      expect(service.current.memos.get('m1')).toMatchObject({ target: { kind: 'project' }, text: 'because' });
      service.undo();
      expect(service.check().total).toBe(2);
      expect(service.current.cases.get('p1')!.documentIds).toEqual(['d1', 'deleted-doc']);
    } finally {
      await service.close();
    }
  });
});

describe('record keys of any spelling', () => {
  it('keeps __proto__, constructor and hasOwnProperty keys through open → save → open', async () => {
    const file = path.join(dir, 'keys.gloss');
    const project = smallProject();
    const tricky = Object.fromEntries([['__proto__', 'p'], ['constructor', 2], ['hasOwnProperty', true], ['v1', 'north']]);
    project.documents[0]!.attributes = tricky;
    project.cases[0]!.values = { ...tricky };
    for (const key of ['__proto__', 'constructor', 'hasOwnProperty']) project.variables.push({ id: key, name: `Var ${key}`, type: 'text', description: '' });
    await fs.writeFile(file, serializeProject(project));
    const first = await ProjectService.open(file, { coder, saveDelayMs: 10 });
    expect(first.check().total).toBe(0);
    expect(first.run({ type: 'renameProject', name: 'Saved again' }).ok).toBe(true);
    await first.close();
    const saved = await fs.readFile(file, 'utf8');
    expect(saved).toContain('"attributes":{"__proto__":"p","constructor":2,"hasOwnProperty":true,"v1":"north"}');
    const second = await ProjectService.open(file, { coder, readOnly: true });
    try {
      const doc = second.current.documents.get('d1')!;
      expect(Object.entries(doc.attributes)).toEqual(Object.entries(tricky));
      expect(Object.getPrototypeOf(doc.attributes)).toBe(Object.prototype);
      expect(Object.entries(second.current.cases.get('p1')!.values)).toEqual(Object.entries(tricky));
    } finally {
      await second.close();
    }
  });
});

describe('the shipped sample', () => {
  it('opens with nothing for the project check to report', async () => {
    const { ensureSampleCopy } = await import('./sample');
    const file = await ensureSampleCopy(path.join(dir, 'data'));
    const service = await ProjectService.open(file, { coder, readOnly: true });
    try {
      expect(service.current.codings.size).toBeGreaterThan(10);
      expect(service.check()).toEqual({ problems: [], total: 0, repairable: 0 });
      expect(service.snapshot('browser').check).toEqual({ problems: [], total: 0, repairable: 0 });
    } finally {
      await service.close();
    }
  });
});
