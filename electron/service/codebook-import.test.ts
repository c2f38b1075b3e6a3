import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ProjectService } from './project-service';
import { HandlerError } from './handler-error';
import { importCodebook, previewCodebook } from './codebook-import';

const coder = { id: 'c-1', name: 'Ana', color: '#1f77b4' };
let dir: string;
let service: ProjectService;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-codebook-'));
  service = await ProjectService.create(path.join(dir, 'p.gloss'), 'Interviews', { coder, saveDelayMs: 20 });
});

afterEach(async () => {
  await service.close().catch(() => {});
  await fs.rm(dir, { recursive: true, force: true });
});

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const CSV = file('codes.csv', 'code,code_path,description,color\nTrust,Themes > Trust,,#112233\nThemes,Themes,folder,\n');

describe('codebook import on the service', () => {
  it('previews without changing anything, then imports as one undoable step', async () => {
    const preview = await previewCodebook(service, CSV);
    expect(preview).toMatchObject({ fileName: 'codes.csv', added: ['Themes', 'Themes > Trust'], matched: [], warnings: [] });
    expect(service.current.codes.size).toBe(0);
    expect(service.history().undo).toBeNull();

    const { result, preview: shown } = await importCodebook(service, CSV);
    expect(shown).toEqual(preview);
    expect(result.ok && result.label).toBe('Import codebook “codes.csv”');
    expect([...service.current.codes.values()].map((c) => c.name).sort()).toEqual(['Themes', 'Trust']);
    expect(service.history().undo).toBe('Import codebook “codes.csv”');

    const again = await importCodebook(service, CSV);
    expect(again.preview.added).toEqual([]);
    expect(again.result.ok && again.result.change.patches).toEqual([]);
    expect(service.history().undo).toBe('Import codebook “codes.csv”');

    expect(service.undo().ok).toBe(true);
    expect(service.current.codes.size).toBe(0);
  });

  it('refuses an unreadable codebook with a message naming the file', async () => {
    await expect(previewCodebook(service, file('notes.txt', 'x'))).rejects.toThrow(HandlerError);
    await expect(importCodebook(service, file('C:\\data\\bad.qdc', '<CodeBook><Codes>'))).rejects.toThrow(
      'bad.qdc: its content is not well-formed XML (line 1, column 1: the file ends before all its elements are closed); nothing was imported.',
    );
    expect(service.current.codes.size).toBe(0);
  });
});
