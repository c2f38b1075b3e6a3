import { beforeEach, describe, expect, it } from 'vitest';
import { emptyProjectFile } from '../../../shared/model/state';
import type { FileRef, GlossBridge, ImportResponse } from '../bridge/channels';
import { setBridge } from '../bridge';
import { useGloss } from '../store';
import { importDocuments, importDropped } from './actions';
import { projectIndex } from '../../../shared/model/document-index';

/** A host that answers every import with `response` and records what it was sent. */
function importingHost(response: ImportResponse) {
  const sent: { channel: string; files: FileRef[] }[] = [];
  const answer = (channel: string) => async (files: FileRef[]) => {
    sent.push({ channel, files });
    return response;
  };
  setBridge({ 'documents:import': answer('documents:import'), 'documents:importCopies': answer('documents:importCopies') } as unknown as GlossBridge);
  return sent;
}

const none: ImportResponse = { result: null, imported: [], failed: [], duplicates: [], notes: [] };

describe('the import pipeline', () => {
  beforeEach(() => {
    useGloss.setState({ messages: [], dialog: null, view: 'excerpts', documentId: null });
    useGloss.getState().loadSnapshot({
      index: projectIndex(emptyProjectFile('Study', 'x')),
      path: '/tmp/study.gloss',
      readOnly: false,
      save: { status: 'saved', at: null },
      history: { undo: null, redo: null },
      coder: { id: 'me', name: 'Ana', color: '#000000' },
      coderUnnamed: false,
      host: 'browser',
      recent: [],
    });
  });

  it('uploads dropped files, names refusals and notes, and offers duplicates as copies', async () => {
    const sent = importingHost({
      ...none,
      failed: [{ name: 'photo.txt', error: 'photo.txt: not text; it was not imported.' }],
      notes: [{ name: 'old.txt', note: 'old.txt: read as Windows-1252.' }],
      duplicates: [{ name: 'again.txt', existing: 'Interview' }],
    });
    await importDropped([new File(['Grüße'], 'photo.txt'), new File(['a'], 'old.txt'), new File(['b'], 'again.txt')]);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.files[0]).toEqual({ name: 'photo.txt', base64: Buffer.from('Grüße').toString('base64') });
    expect(useGloss.getState().messages.map((m) => [m.tone, m.text])).toEqual([
      ['error', 'photo.txt: not text; it was not imported.'],
      ['info', 'old.txt: read as Windows-1252.'],
    ]);
    const dialog = useGloss.getState().dialog;
    expect(dialog).toMatchObject({ kind: 'duplicates', list: [{ name: 'again.txt', existing: 'Interview' }] });

    // Importing the copies sends the same file again, as a copy.
    await importDocuments(dialog?.kind === 'duplicates' ? dialog.files : [], true);
    expect(sent[1]).toEqual({ channel: 'documents:importCopies', files: [{ name: 'again.txt', base64: Buffer.from('b').toString('base64') }] });
  });

  it('sends files chosen in the desktop app by path, and opens the first one imported', async () => {
    const sent = importingHost({ ...none, imported: [{ id: 'd9', name: 'Notes' }] });
    await importDocuments([{ name: 'Notes.txt', path: '/home/ana/Notes.txt' }]);
    expect(sent[0]!.files).toEqual([{ name: 'Notes.txt', path: '/home/ana/Notes.txt' }]);
    expect(useGloss.getState().view).toBe('reader');
    expect(useGloss.getState().documentId).toBe('d9');
    expect(useGloss.getState().messages.map((m) => m.text)).toEqual(['Imported “Notes”.']);
  });

  it('imports nothing into a read-only project, and says so', async () => {
    const sent = importingHost(none);
    useGloss.setState({ readOnly: true });
    await importDropped([new File(['x'], 'x.txt')]);
    expect(sent).toEqual([]);
    expect(useGloss.getState().messages.map((m) => m.text)).toEqual(['This project is open read-only, so nothing can be imported into it.']);
  });
});
