import { beforeEach, describe, expect, it } from 'vitest';
import { emptyProjectFile } from '../../../shared/model/state';
import { documentSchema, type ProjectFile } from '../../../shared/model/schema';
import type { Change } from '../../../shared/model/state';
import { useGloss } from '../store';
import { call } from './call';
import type { GlossBridge, OpResponse, Snapshot } from './channels';
import { setBridge } from './index';
import { documentContent, indexChange, projectIndex } from '../../../shared/model/document-index';

const ana = { id: 'ana', name: 'Ana', color: '#000000' };

function snapshot(file: ProjectFile, path: string): Snapshot {
  return { index: projectIndex(file), path, readOnly: false, save: { status: 'saved', at: null }, history: { undo: null, redo: null }, coder: ana, coderUnnamed: true, host: 'browser', recent: [] };
}

/** A host whose channels answer as given; anything else is refused. */
function host(answers: Partial<Record<keyof GlossBridge, (arg: unknown) => unknown>>): GlossBridge {
  return new Proxy({} as GlossBridge, {
    get: (_, channel: string) => async (arg: unknown) => {
      const answer = answers[channel as keyof GlossBridge];
      if (!answer) throw new Error(`${channel} is not available here.`);
      return answer(arg);
    },
  });
}

describe('call, the one road to the host', () => {
  beforeEach(() => {
    useGloss.setState({ messages: [], dialog: null });
    useGloss.getState().loadSnapshot(snapshot(emptyProjectFile('Before', 'x'), '/tmp/before.gloss'));
  });

  it('turns a refused request into a message, and never throws', async () => {
    setBridge(host({}));
    expect(await call('history:undo')).toEqual({ ok: false, error: 'history:undo is not available here.' });
  });

  it('fails an operation the host refused, and changes nothing', async () => {
    setBridge(host({ 'ops:run': () => ({ ok: false, error: 'There is no code with id x.' }) }));
    const revision = useGloss.getState().revision;
    expect(await call('ops:run', { type: 'renameCode', codeId: 'x', name: 'y' })).toEqual({ ok: false, error: 'There is no code with id x.' });
    expect(useGloss.getState().revision).toBe(revision);
  });

  it('opens the project a QDPX import’s reply carries, once, before the caller sees the reply', async () => {
    const imported = emptyProjectFile('From NVivo', 'x');
    setBridge(
      host({
        'exchange:importQdpx': () => ({
          report: { fileName: 'a.qdpx', imported: {}, skipped: [], warnings: [] },
          path: '/tmp/from-nvivo.gloss',
          snapshot: snapshot(imported, '/tmp/from-nvivo.gloss'),
        }),
      }),
    );
    const revision = useGloss.getState().revision;
    useGloss.getState().openDialog({ kind: 'qdpx-options', file: { name: 'a.qdpx', base64: '' } });
    const outcome = await call('exchange:importQdpx', { file: { name: 'a.qdpx', base64: '' }, positions: 'auto' });
    expect(outcome.ok).toBe(true);
    expect(useGloss.getState().path).toBe('/tmp/from-nvivo.gloss');
    expect(useGloss.getState().project?.project.name).toBe('From NVivo');
    expect(useGloss.getState().revision).toBe(revision + 1);
    // Dialogs about the previous project close with it.
    expect(useGloss.getState().dialog).toBeNull();
  });

  it('takes the coder from a coder-name reply and leaves the project as it is', async () => {
    setBridge(host({ 'team:setCoderName': () => ({ coder: { ...ana, name: 'Ana B' }, coderUnnamed: false }) }));
    const project = useGloss.getState().project;
    const revision = useGloss.getState().revision;
    expect((await call('team:setCoderName', 'Ana B')).ok).toBe(true);
    expect(useGloss.getState().coder?.name).toBe('Ana B');
    expect(useGloss.getState().coderUnnamed).toBe(false);
    expect(useGloss.getState().project).toBe(project);
    expect(useGloss.getState().revision).toBe(revision);
  });

  it('applies replies that change the project in the order they arrive, also when the first waits for a text', async () => {
    const file = emptyProjectFile('Before', 'x');
    file.documents.push(documentSchema.parse({ id: 'd1', name: 'Interview', text: 'Old words.', createdAt: 'x', source: null, attributes: {} }));
    useGloss.getState().loadSnapshot(snapshot(file, '/tmp/before.gloss'));
    const oldEntry = useGloss.getState().project!.documents.get('d1')!;
    useGloss.getState().textArrived({ id: 'd1', contentKey: oldEntry.contentKey, text: 'Old words.', structure: [] });

    const rewritten = documentSchema.parse({ id: 'd1', name: 'Interview', text: 'New words, longer.', createdAt: 'x', source: null, attributes: {} });
    const code = (name: string) => ({ id: 'c1', name, color: '#000000', description: '', parentId: null, codable: true, createdAt: 'x' });
    const reply = (change: Change): OpResponse => ({ ok: true, label: 'x', change: indexChange(change), created: {}, history: { undo: 'x', redo: null } });
    let releaseText: () => void = () => {};
    const replies = [
      reply({ patches: [{ table: 'documents', op: 'put', value: rewritten }, { table: 'codes', op: 'put', value: code('first') }] }),
      reply({ patches: [{ table: 'codes', op: 'put', value: code('second') }] }),
    ];
    setBridge(
      host({
        'ops:run': () => replies.shift(),
        'documents:text': () => new Promise((resolve) => (releaseText = () => resolve(documentContent(rewritten)))),
      }),
    );
    const first = call('ops:run', { type: 'renameCode', codeId: 'c1', name: 'first' });
    const second = call('ops:run', { type: 'renameCode', codeId: 'c1', name: 'second' });
    // The second reply is here, but waits for the first, which waits for the new text.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(useGloss.getState().project!.codes.get('c1')).toBeUndefined();
    releaseText();
    await Promise.all([first, second]);
    expect(useGloss.getState().project!.codes.get('c1')?.name).toBe('second');
    const entry = useGloss.getState().project!.documents.get('d1')!;
    expect(useGloss.getState().texts.peek('d1', entry.contentKey)?.text).toBe('New words, longer.');
  });
});
