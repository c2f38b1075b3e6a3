/** Merging another copy into the open project: a preview that changes nothing, then one undoable step. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportFile, Progress } from '../../shared/ipc/contract';
import type { ProjectFile } from '../../shared/model/schema';
import { serializeProject } from '../../shared/model/serialize';
import { fileFromState } from '../../shared/model/state';
import { applyMerge, previewMerge } from './merge';
import { ProjectService } from './project-service';

const ana = { id: 'c-ana', name: 'Ana', color: '#1f77b4' };
const ben = { id: 'c-ben', name: 'Ben', color: '#d62728' };
let dir: string;
let service: ProjectService;
const progress: (Progress | null)[] = [];

const asImport = (name: string, file: ProjectFile): ImportFile => ({ name, base64: Buffer.from(serializeProject(file)).toString('base64') });

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-merge-service-'));
  progress.length = 0;
  service = await ProjectService.create(path.join(dir, 'p.gloss'), 'Interviews', {
    coder: ana,
    saveDelayMs: 20,
    onEvent: (event, payload) => {
      if (event === 'progress') progress.push(payload as Progress | null);
    },
  });
  await service.importFiles([{ name: 'officer.txt', bytes: new TextEncoder().encode('We never had training. Data sharing took weeks.') }]);
});

afterEach(async () => {
  await service.close();
  await fs.rm(dir, { recursive: true, force: true });
});

/** The handed-out file and Ben's copy of it: Ben coded a passage and renamed the document. */
function copies(): { base: ProjectFile; theirs: ProjectFile } {
  const base = structuredClone(fileFromState(service.current)) as ProjectFile;
  const theirs = structuredClone(base);
  const doc = theirs.documents[0]!;
  theirs.coders.push(ben);
  theirs.codes.push({ id: 'k-data', name: 'Data sharing', color: '#2ca02c', description: '', parentId: null, codable: true, createdAt: base.project.createdAt });
  theirs.codings.push({
    id: 'g-ben', documentId: doc.id, codeId: 'k-data', coderId: ben.id, start: 23, end: 46,
    quote: 'Data sharing took weeks', prefix: 'We never had training. ', suffix: '.', createdAt: base.project.createdAt, needsReview: false,
  });
  theirs.documents[0] = { ...doc, name: 'Officer (Ben)' };
  return { base, theirs };
}

describe('merging a copy into the open project', () => {
  it('previews without changing anything, then applies as one step that undo takes back', async () => {
    const { base, theirs } = copies();
    const before = serializeProject(fileFromState(service.current));
    const preview = await previewMerge(service, { other: asImport('ben.gloss', theirs), base: asImport('base.gloss', base) });
    expect(preview.report.addedFromTheirs).toEqual({ coders: 1, codes: 1, codings: 1 });
    expect(preview.conflicts).toEqual([]);
    expect(serializeProject(fileFromState(service.current))).toBe(before);
    expect(progress.at(-1)).toBeNull();
    expect(progress[0]).toMatchObject({ task: 'Merging ben.gloss', done: 0 });

    const { result, report } = await applyMerge(service, { other: asImport('ben.gloss', theirs), base: asImport('base.gloss', base) });
    expect(result.ok && result.label).toBe('Merge ben.gloss');
    expect(report.addedFromTheirs.codings).toBe(1);
    expect(service.current.codings.get('g-ben')?.coderId).toBe(ben.id);
    expect([...service.current.documents.values()][0]!.name).toBe('Officer (Ben)');
    expect(service.history().undo).toBe('Merge ben.gloss');

    service.undo();
    expect(service.current.codings.has('g-ben')).toBe(false);
    expect(service.current.coders.has(ben.id)).toBe(false);
    expect([...service.current.documents.values()][0]!.name).toBe('officer');
  });

  it('refuses to apply while a conflict has no side, and applies the side chosen', async () => {
    const { base, theirs } = copies();
    const docId = [...service.current.documents.keys()][0]!;
    service.run({ type: 'renameDocument', documentId: docId, name: 'Officer (Ana)' });
    const request = { other: asImport('ben.gloss', theirs), base: asImport('base.gloss', base) };
    const preview = await previewMerge(service, request);
    expect(preview.conflicts.map((c) => [c.id, c.ours, c.theirs, c.base])).toEqual([[`documents:${docId}:name`, 'Officer (Ana)', 'Officer (Ben)', 'officer']]);
    await expect(applyMerge(service, request)).rejects.toThrow(
      'ben.gloss was not merged: one conflict has no side chosen: Document "Officer (Ana)" renamed two ways (ours "Officer (Ana)", theirs "Officer (Ben)"). Choose ours or theirs for each.',
    );
    expect(service.current.codings.has('g-ben')).toBe(false);
    await applyMerge(service, { ...request, resolutions: { [`documents:${docId}:name`]: 'theirs' } });
    expect(service.current.documents.get(docId)!.name).toBe('Officer (Ben)');
  });

  it('names a file that is not a project', async () => {
    await expect(previewMerge(service, { other: { name: 'notes.gloss', base64: Buffer.from('hello').toString('base64') } })).rejects.toThrow(
      /^notes\.gloss cannot be merged: it is not valid JSON \(.+\)\. Nothing was changed\.$/,
    );
  });

  it('merges in a worker while the project stays open, and refuses a merge made against a project that changed meanwhile', async () => {
    const { base, theirs } = copies();
    const request = { other: asImport('ben.gloss', theirs), base: asImport('base.gloss', base) };
    const merging = applyMerge(service, request);
    // The host answers other requests while the merge runs, and this one changes the project.
    const created = service.run({ type: 'createCode', name: 'Made meanwhile' });
    expect(created.ok).toBe(true);
    await expect(merging).rejects.toThrow('ben.gloss was not merged: the project changed while the merge ran. Nothing was changed; merge it again.');
    expect(service.current.codings.has('g-ben')).toBe(false);
    expect(service.history().undo).toBe(created.ok && created.label);
    // Merged again, against the project as it is now.
    await applyMerge(service, request);
    expect(service.current.codings.has('g-ben')).toBe(true);
    expect([...service.current.codes.values()].map((c) => c.name).sort()).toEqual(['Data sharing', 'Made meanwhile']);
  });

  it('stops a merge that is cancelled, changes nothing, and clears the status line', async () => {
    const { base, theirs } = copies();
    const controller = new AbortController();
    const merging = applyMerge(service, { other: asImport('ben.gloss', theirs), base: asImport('base.gloss', base) }, { id: 'merge-1', signal: controller.signal });
    expect(progress[0]).toEqual({ task: 'Merging ben.gloss', done: 0, total: 0, taskId: 'merge-1' });
    controller.abort();
    await expect(merging).rejects.toThrow('Merging ben.gloss was cancelled.');
    expect(service.current.codings.has('g-ben')).toBe(false);
    expect(service.history().undo).not.toBe('Merge ben.gloss');
    expect(progress.at(-1)).toBeNull();
  });
});
