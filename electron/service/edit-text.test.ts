/** Editing and anonymising through the service, with a real project file on disk. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ProjectService } from './project-service';
import { createHandlers, HandlerError, invokeChannel, type HostContext } from './handlers';

const coder = { id: 'c-1', name: 'Ana', color: '#1f77b4' };
const TRANSCRIPT = 'Interviewer: What went wrong?\r\nSarah: We recieved no training. Sarah\'s team had none either.\r\n';
let dir: string;
const open: ProjectService[] = [];

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-edit-'));
});

afterEach(async () => {
  for (const s of open.splice(0)) await s.close().catch(() => {});
  await fs.rm(dir, { recursive: true, force: true });
});

async function coded() {
  const service = await ProjectService.create(path.join(dir, 'study.gloss'), 'Study', { coder, saveDelayMs: 20 });
  open.push(service);
  const imported = await service.importFiles([{ name: 'sarah.txt', bytes: new TextEncoder().encode(TRANSCRIPT) }]);
  const documentId = imported.imported[0]!.id;
  const text = service.current.documents.get(documentId)!.text;
  const apply = (quote: string) => {
    const start = text.indexOf(quote);
    const applied = service.run({ type: 'applyCode', documentId, start, end: start + quote.length, newCodeName: 'training gaps' });
    if (!applied.ok) throw new Error(applied.error);
    return applied.created.codingId!;
  };
  return { service, documentId, typo: apply('We recieved no training'), team: apply('team had none either') };
}

/** The file without its modification time and audit trail (which records the edit and its undo: it is never taken back). */
const strip = (json: string) => json.slice(0, json.includes(',\n"audit": [') ? json.indexOf(',\n"audit": [') : undefined).replace(/"modifiedAt":"[^"]+"/, '');

describe('ProjectService text edits', () => {
  it('edit, undo and redo each save a file that reopens with the codings where they belong', async () => {
    const { service, documentId, typo, team } = await coded();
    await service.flush();
    const original = await fs.readFile(service.file, 'utf8');

    const text = service.current.documents.get(documentId)!.text.replace('recieved', 'received');
    const edited = service.run({ type: 'editDocumentText', documentId, text });
    expect(edited).toMatchObject({ ok: true, label: 'Edit the text of “sarah”', report: { kept: 1, moved: 0, edited: 1, unplaced: 0 } });
    await service.flush();
    const saved = JSON.parse(await fs.readFile(service.file, 'utf8'));
    expect(saved.documents[0].text).toBe("Interviewer: What went wrong?\nSarah: We received no training. Sarah's team had none either.\n");
    expect(saved.codings.map((c: { quote: string }) => c.quote).sort()).toEqual(['We received no training', 'team had none either']);

    expect(service.undo()).toMatchObject({ ok: true, label: 'Edit the text of “sarah”' });
    await service.flush();
    expect(strip(await fs.readFile(service.file, 'utf8'))).toBe(strip(original));

    expect(service.redo().ok).toBe(true);
    await service.close();
    const reopened = await ProjectService.open(service.file, { coder });
    open.push(reopened);
    const slice = (id: string) => {
      const c = reopened.current.codings.get(id)!;
      return reopened.current.documents.get(c.documentId)!.text.slice(c.start, c.end);
    };
    expect([slice(typo), slice(team)]).toEqual(['We received no training', 'team had none either']);
    expect([...reopened.current.codings.values()].every((c) => !c.needsReview)).toBe(true);
  });

  it('keeps a coding whose passage was deleted, flagged for review, through save and reopen', async () => {
    const { service, documentId, typo } = await coded();
    const text = service.current.documents.get(documentId)!.text.replace('We recieved no training. ', '');
    expect(service.run({ type: 'editDocumentText', documentId, text })).toMatchObject({ ok: true, report: { kept: 1, unplaced: 1 } });
    await service.close();
    const saved = JSON.parse(await fs.readFile(service.file, 'utf8'));
    const coding = saved.codings.find((c: { id: string }) => c.id === typo);
    expect(coding).toMatchObject({ needsReview: true, quote: 'We recieved no training' });
    expect(coding.end).toBeGreaterThan(coding.start);
    await expect(ProjectService.read(service.file)).resolves.toMatchObject({ codings: [{}, {}] });
  });

  it('previews and runs an anonymise through the channel handlers, refusing bad payloads by name', async () => {
    const { service, documentId } = await coded();
    const ctx: HostContext = { kind: 'browser', session: () => service, coder: () => coder, recent: () => [] };
    const handlers = createHandlers(ctx);
    const request = { type: 'anonymise', name: 'Sarah', placeholder: '[P1]', caseSensitive: true, wholeWord: true };

    const before = service.history();
    await expect(invokeChannel(handlers, 'ops:previewAnonymise', request)).resolves.toEqual({
      occurrences: 2,
      documents: [{ id: documentId, name: 'sarah', occurrences: 2 }],
      codingsTouched: 0,
    });
    expect(service.history()).toEqual(before); // the preview changed nothing
    await expect(invokeChannel(handlers, 'ops:previewAnonymise', { ...request, wholeWord: false })).rejects.toThrow(
      /^Invalid payload for ops:previewAnonymise: wholeWord: /,
    );
    await expect(invokeChannel(handlers, 'ops:previewAnonymise', { ...request, documentId: 'gone' })).rejects.toThrow(
      new HandlerError('There is no document with id gone.'),
    );

    const response = await invokeChannel(handlers, 'ops:run', request);
    expect(response).toMatchObject({ ok: true, label: 'Replace “Sarah” with “[P1]”', report: { kept: 2, replacements: 2 } });
    expect(service.current.documents.get(documentId)!.text).toBe("Interviewer: What went wrong?\n[P1]: We recieved no training. [P1]'s team had none either.\n");
    await service.close();
    expect(await fs.readFile(service.file, 'utf8')).not.toContain('Sarah');
    // The trail records the anonymise without the name it took out.
    expect(service.auditTrail().at(-1)).toMatchObject({ op: 'anonymise', text: 'Anonymise: a name replaced with “[P1]”' });
  });

  it('previews on a project open read-only, where running is refused', async () => {
    const { service } = await coded();
    await service.close();
    const reader = await ProjectService.open(service.file, { coder, readOnly: true });
    open.push(reader);
    const request = { type: 'anonymise', name: 'sarah', placeholder: 'X', caseSensitive: false, wholeWord: true } as const;
    expect(reader.previewAnonymise(request)).toMatchObject({ ok: true, value: { occurrences: 2, codingsTouched: 0 } });
    expect(reader.run(request)).toEqual({ ok: false, error: 'study.gloss is open read-only; changes are not allowed.' });
  });
});
