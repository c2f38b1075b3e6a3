/**
 * What the channels send the renderer (issue 15): a snapshot that is an index without
 * document texts, replies that carry Changes without texts, and 'documents:text', which
 * sends one document's text and structure with the key the index has for them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ProjectService } from './project-service';
import { createHandlers, HandlerError, invokeChannel, type Handlers } from './handlers';
import type { ImportResponse, IndexReply, Snapshot } from '../../shared/ipc/contract';
import type { DocumentContent, IndexChange } from '../../shared/model/document-index';
import { codingsFromColumns, wholeCoding } from '../../shared/model/coding-columns';

const coder = { id: 'c-1', name: 'Ana', color: '#1f77b4' };
const SARAH = 'Interviewer: What went wrong?\nSarah: We recieved no training. Sarah’s team had none either.\n';
const TOM = 'Interviewer: And you?\nTom: Sarah told me the same.\n';
let dir: string;
let service: ProjectService;
let handlers: Handlers;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-replies-'));
  service = await ProjectService.create(path.join(dir, 'study.gloss'), 'Study', { coder, saveDelayMs: 20 });
  handlers = createHandlers({ kind: 'browser', session: () => service, coder: () => coder, recent: () => [] });
});

afterEach(async () => {
  await service.close().catch(() => {});
  await fs.rm(dir, { recursive: true, force: true });
});

const invoke = <T>(channel: string, arg?: unknown) => invokeChannel(handlers, channel, arg) as Promise<T>;
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** The document puts of a Change (their values are index entries). */
function documentPuts(change: IndexChange) {
  return change.patches.flatMap((p) => (p.table === 'documents' && p.op === 'put' ? [p.value] : []));
}

async function imported(): Promise<{ sarah: string; tom: string; reply: ImportResponse<IndexChange> }> {
  const reply = await invoke<ImportResponse<IndexChange>>('documents:import', [
    { name: 'sarah.txt', base64: base64(SARAH) },
    { name: 'tom.txt', base64: base64(TOM) },
  ]);
  const id = (name: string) => reply.imported.find((d) => d.name === name)!.id;
  return { sarah: id('sarah'), tom: id('tom'), reply };
}

describe('replies to the renderer', () => {
  it('an import’s Change names the new documents without their texts', async () => {
    const { reply } = await imported();
    expect(reply.result?.ok).toBe(true);
    const change = (reply.result as Extract<IndexReply, { ok: true }>).change;
    expect(documentPuts(change).map((d) => [d.name, d.textLength])).toEqual([
      ['sarah', SARAH.length],
      ['tom', TOM.length],
    ]);
    expect(JSON.stringify(reply)).not.toContain('no training');
  });

  it('the snapshot is an index: no document’s text, and every entry’s key is that of its text', async () => {
    const { sarah } = await imported();
    const snapshot = await invoke<Snapshot>('project:snapshot');
    expect(snapshot.index?.documents.map((d) => d.name).sort()).toEqual(['sarah', 'tom']);
    expect(JSON.stringify(snapshot)).not.toContain('no training');
    const content = await invoke<DocumentContent>('documents:text', sarah);
    expect(content.text).toBe(SARAH);
    expect(content.contentKey).toBe(snapshot.index?.documents.find((d) => d.id === sarah)?.contentKey);
  });

  it('codings reach the renderer without their words, in the snapshot (as columns) and in replies, and the text gives them back', async () => {
    const { sarah } = await imported();
    const start = SARAH.indexOf('recieved no training');
    const applied = await invoke<IndexReply>('ops:run', { type: 'applyCode', documentId: sarah, start, end: start + 'recieved no training'.length, newCodeName: 'training' });
    expect(applied.ok).toBe(true);
    const put = (applied as Extract<IndexReply, { ok: true }>).change.patches.find((p) => p.table === 'codings' && p.op === 'put');
    expect(put?.op === 'put' && put.value).not.toHaveProperty('quote');

    const snapshot = await invoke<Snapshot>('project:snapshot');
    const columns = snapshot.index!.codings;
    expect(JSON.stringify(columns)).not.toContain('no training');
    const [entry] = codingsFromColumns(columns);
    const content = await invoke<DocumentContent>('documents:text', sarah);
    const end = start + 'recieved no training'.length;
    expect(wholeCoding(entry!, content.text)).toMatchObject({ start, end, quote: 'recieved no training', prefix: SARAH.slice(start - 32, start), suffix: SARAH.slice(end, end + 32) });
  });

  it('edit text, anonymise, undo and redo reply with Changes whose documents carry a new key and no text', async () => {
    const { sarah, tom } = await imported();
    const keyOf = async (id: string) => (await invoke<DocumentContent>('documents:text', id)).contentKey;
    const original = await keyOf(sarah);

    const edited = await invoke<IndexReply>('ops:run', { type: 'editDocumentText', documentId: sarah, text: SARAH.replace('recieved', 'received') });
    expect(edited.ok).toBe(true);
    const afterEdit = documentPuts((edited as Extract<IndexReply, { ok: true }>).change);
    expect(afterEdit.map((d) => d.id)).toEqual([sarah]);
    expect(afterEdit[0]!.contentKey).not.toBe(original);
    expect(afterEdit[0]!.contentKey).toBe(await keyOf(sarah));
    expect(JSON.stringify(edited)).not.toContain('received no training');

    const anonymised = await invoke<IndexReply>('ops:run', { type: 'anonymise', name: 'Sarah', placeholder: '[P1]', caseSensitive: true, wholeWord: true });
    const puts = documentPuts((anonymised as Extract<IndexReply, { ok: true }>).change);
    expect(puts.map((d) => d.id).sort()).toEqual([sarah, tom].sort());
    expect(JSON.stringify(anonymised)).not.toMatch(/no training|told me/);
    expect((await invoke<DocumentContent>('documents:text', tom)).text).toBe('Interviewer: And you?\nTom: [P1] told me the same.\n');

    const undone = await invoke<IndexReply>('history:undo');
    expect(JSON.stringify(undone)).not.toMatch(/no training|told me/);
    expect(documentPuts((undone as Extract<IndexReply, { ok: true }>).change).find((d) => d.id === tom)?.textLength).toBe(TOM.length);
    await invoke('history:undo');
    expect(await keyOf(sarah)).toBe(original);
    const redone = await invoke<IndexReply>('history:redo');
    expect(JSON.stringify(redone)).not.toContain('no training');
  });

  it('documents:text refuses a document that is not in the project, and an empty id', async () => {
    await expect(invoke('documents:text', 'gone')).rejects.toThrow(new HandlerError('This document is no longer in the project; it may have been deleted.'));
    await expect(invoke('documents:text', '')).rejects.toThrow(/^Invalid payload for documents:text: /);
  });
});
