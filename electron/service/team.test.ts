import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serializeProject } from '../../shared/model/serialize';
import { emptyProjectFile } from '../../shared/model/state';
import { startHost, type RunningHost } from '../host/server';
import { loadSettings } from './settings';
import { sameCoder } from './team';
import type { CoderNamed, Snapshot } from '../../shared/ipc/contract';

const alice = { id: 'alice-1', name: 'Alice', color: '#0072b2' };

describe('sameCoder', () => {
  const me = { id: 'me', name: 'Coder', color: '#000000' };
  it('finds the one coder of that name, ignoring case and spaces', () => {
    expect(sameCoder([alice], ' alice ', me)).toBe(alice);
  });
  it('guesses nothing when the name is mine already, unknown, or shared by two coders', () => {
    expect(sameCoder([alice, { ...me, name: 'Alice' }], 'Alice', me)).toBeUndefined();
    expect(sameCoder([alice], 'Bob', me)).toBeUndefined();
    expect(sameCoder([alice, { id: 'alice-2', name: 'Alice', color: '#ffffff' }], 'Alice', me)).toBeUndefined();
  });
});

describe('naming yourself in a project that knows you', () => {
  let dir: string;
  let host: RunningHost | null = null;
  afterEach(async () => {
    await host?.close();
    host = null;
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('makes the person that coder (same id), in the session and in the settings', async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-team-'));
    const file = emptyProjectFile('Study', '2026-01-01T00:00:00.000Z');
    file.coders.push(alice);
    file.documents.push({ id: 'd1', name: 'Interview', text: 'We never had training.', createdAt: 't', source: null, attributes: {}, structure: [] });
    const projectFile = path.join(dir, 'study.gloss');
    await fs.writeFile(projectFile, serializeProject(file));
    const dataDir = path.join(dir, 'data');
    host = await startHost({ projectFile, dataDir, log: () => {}, saveDelayMs: 20 });
    const first = (await invoke(host, 'project:snapshot', undefined)) as Snapshot;
    expect(first.coderUnnamed).toBe(true);
    expect(first.coder.id).not.toBe('alice-1');

    const named = (await invoke(host, 'team:setCoderName', 'alice')) as CoderNamed;
    // The reply says who codes now; it does not carry the project (issue 15: replies carry changes, not snapshots).
    expect(Object.keys(named).sort()).toEqual(['coder', 'coderUnnamed']);
    expect(named.coder).toMatchObject({ id: 'alice-1', name: 'alice', color: '#0072b2' });
    expect(named.coderUnnamed).toBe(false);
    const coded = host.service.run({ type: 'applyCode', documentId: 'd1', start: 3, end: 8, newCodeName: 'training' });
    expect(coded.ok && host.service.current.codings.get(coded.created.codingId!)?.coderId).toBe('alice-1');
    expect((await loadSettings(dataDir)).coder?.id).toBe('alice-1');
  });
});

/** A channel of the running browser host, over HTTP as the renderer calls it. */
async function invoke(host: RunningHost, channel: string, arg: unknown): Promise<unknown> {
  const res = await fetch(`http://127.0.0.1:${host.port}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': host.token },
    body: JSON.stringify({ arg }),
  });
  const body = (await res.json()) as { ok: boolean; result?: unknown; error?: string };
  if (!body.ok) throw new Error(body.error);
  return body.result;
}
