import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeProject } from '../../shared/model/serialize';
import { emptyProjectFile } from '../../shared/model/state';
import type { Coder } from '../../shared/model/schema';
import { coderAmong } from '../service/coder';
import { changeProject } from './project-session';

const alice: Coder = { id: 'alice-1', name: 'Alice', color: '#0072b2' };

describe('changeProject with a coder chosen once the project is open', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-session-'));
    file = path.join(dir, 'study.gloss');
    const project = emptyProjectFile('Study', '2026-01-01T00:00:00.000Z');
    project.coders.push(alice);
    project.documents.push({ id: 'd1', name: 'Interview', text: 'We never had training.', createdAt: 't', source: null, attributes: {}, structure: [] });
    await fs.writeFile(file, serializeProject(project));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('codes as the project’s own coder of that name, keeping its id', async () => {
    const dataDir = path.join(dir, 'settings');
    await changeProject(file, (project) => coderAmong(project.coders.values(), ' Alice ', dataDir), (service) => {
      const response = service.run({ type: 'applyCode', documentId: 'd1', start: 9, end: 22, newCodeName: 'Training' });
      if (!response.ok) throw new Error(response.error);
    });
    const saved = JSON.parse(await fs.readFile(file, 'utf8'));
    expect(saved.coders).toEqual([alice]);
    expect(saved.codings[0].coderId).toBe('alice-1');
    // A known name needs nothing from the settings.
    await expect(fs.access(dataDir)).rejects.toThrow();
  });

  it('leaves the project as it was, and unlocked, when choosing the coder fails', async () => {
    const before = await fs.readFile(file, 'utf8');
    const failing = () => Promise.reject(new Error('no settings'));
    await expect(changeProject(file, failing, () => {})).rejects.toThrow('no settings');
    expect(await fs.readFile(file, 'utf8')).toBe(before);
    await changeProject(file, alice, () => {});
  });
});
