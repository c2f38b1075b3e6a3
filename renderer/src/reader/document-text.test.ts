/**
 * Texts fetched on demand and kept current: what the reader is given is always the text
 * the index entry stands for, and a change that rewrites a held text fetches the new one
 * before the change is applied, so no state pairs new codings with an old text.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyProjectFile } from '../../../shared/model/state';
import { documentSchema } from '../../../shared/model/schema';
import { setBridge } from '../bridge';
import type { GlossBridge } from '../bridge/channels';
import { useGloss } from '../store';
import { fakeHost, type FakeHost } from '../store/fake-host';
import { MAX_CACHED_TEXTS } from '../store/text-cache';
import { loadProject, run, undo, redo } from '../project/actions';
import { loadDocumentText } from './document-text';

const coder = { id: 'me', name: 'Ana', color: '#000000' };
const SARAH = 'Sarah: We recieved no training. Sarah said so twice.';

function project(documents = 2) {
  const file = emptyProjectFile('Study', '2024-01-01T00:00:00.000Z');
  file.documents.push(documentSchema.parse({ id: 'd1', name: 'Sarah', text: SARAH, createdAt: 'x', source: null, attributes: {} }));
  for (let i = 2; i <= documents; i++) {
    file.documents.push(documentSchema.parse({ id: `d${i}`, name: `Other ${i}`, text: `Sarah met person ${i}.`, createdAt: 'x', source: null, attributes: {} }));
  }
  return file;
}

/** The text the store would show for a document now (what the reader gets), or null. */
function shown(id: string): string | null {
  const s = useGloss.getState();
  const entry = s.project?.documents.get(id);
  return entry ? (s.texts.peek(id, entry.contentKey)?.text ?? null) : null;
}

/** Records, on every store update, whether the open document's text was at hand for its entry. */
function watchGaps(id: string): { gaps: number; stop: () => void } {
  const watch = { gaps: 0, stop: () => {} };
  watch.stop = useGloss.subscribe(() => {
    if (shown(id) === null) watch.gaps++;
  });
  return watch;
}

describe('document texts on demand', () => {
  let host: FakeHost;
  beforeEach(async () => {
    host = fakeHost(project(), coder);
    setBridge(host.bridge);
    useGloss.setState({ messages: [], history: { undo: null, redo: null } });
    await loadProject();
    useGloss.getState().forgetTexts();
  });

  it('fetches a text once, also when asked for twice at once, and then serves it from the cache', async () => {
    expect(shown('d1')).toBeNull();
    const [a, b] = await Promise.all([loadDocumentText('d1'), loadDocumentText('d1')]);
    expect(a.ok && a.value.text).toBe(SARAH);
    expect(b.ok && b.value.text).toBe(SARAH);
    await loadDocumentText('d1');
    expect(host.textRequests).toEqual(['d1']);
    expect(shown('d1')).toBe(SARAH);
  });

  it('editing a held text fetches the new one with the change: the text and the codings change together', async () => {
    await run({ type: 'applyCode', documentId: 'd1', start: 7, end: 30, newCodeName: 'training' });
    await loadDocumentText('d1');
    const watch = watchGaps('d1');
    const edited = SARAH.replace('recieved', 'received');
    await run({ type: 'editDocumentText', documentId: 'd1', text: edited });
    watch.stop();
    expect(shown('d1')).toBe(edited);
    expect(watch.gaps).toBe(0);
    expect(host.textRequests).toEqual(['d1', 'd1']);
    // The coding was moved with its words, in the same step.
    const coding = [...useGloss.getState().project!.codings.values()][0]!;
    expect(edited.slice(coding.start, coding.end)).toBe('We received no training');

    const undoWatch = watchGaps('d1');
    await undo();
    await redo();
    await undo();
    undoWatch.stop();
    expect(undoWatch.gaps).toBe(0);
    expect(shown('d1')).toBe(SARAH);
  });

  it('anonymising every document fetches again only the texts it holds; the others when shown', async () => {
    await loadDocumentText('d1');
    await run({ type: 'anonymise', name: 'Sarah', placeholder: '[P1]', caseSensitive: true, wholeWord: true });
    expect(host.textRequests).toEqual(['d1', 'd1']);
    expect(shown('d1')).toBe('[P1]: We recieved no training. [P1] said so twice.');
    expect(shown('d2')).toBeNull();
    const other = await loadDocumentText('d2');
    expect(other.ok && other.value.text).toBe('[P1] met person 2.');
  });

  it('a renamed document keeps its text: nothing is fetched again', async () => {
    await loadDocumentText('d1');
    await run({ type: 'renameDocument', documentId: 'd1', name: 'Sarah (first)' });
    expect(shown('d1')).toBe(SARAH);
    expect(host.textRequests).toEqual(['d1']);
  });

  it('added documents come without their text and are fetched when opened', async () => {
    const added = await run({ type: 'addDocuments', documents: [{ name: 'Pasted', text: 'A pasted note.', source: null }] });
    const id = added!.created.documentIds![0]!;
    expect(JSON.stringify(host.replies.at(-1))).not.toContain('A pasted note.');
    expect(useGloss.getState().project!.documents.get(id)!.textLength).toBe('A pasted note.'.length);
    expect(host.textRequests).toEqual([]);
    const loaded = await loadDocumentText(id);
    expect(loaded.ok && loaded.value.text).toBe('A pasted note.');
  });

  it('a text that cannot be fetched with the change is fetched when next shown, never the old one', async () => {
    await loadDocumentText('d1');
    const failing = { ...host.bridge, 'documents:text': async () => Promise.reject(new Error('The host is gone.')) } as GlossBridge;
    setBridge(failing);
    await run({ type: 'editDocumentText', documentId: 'd1', text: 'Rewritten.' });
    expect(shown('d1')).toBeNull();
    const failed = await loadDocumentText('d1');
    expect(failed).toEqual({ ok: false, error: 'The host is gone.' });
    setBridge(host.bridge);
    const loaded = await loadDocumentText('d1');
    expect(loaded.ok && loaded.value.text).toBe('Rewritten.');
  });

  it('a deleted document’s text is refused with a message', async () => {
    await run({ type: 'deleteDocument', documentId: 'd2' });
    expect(await loadDocumentText('d2')).toEqual({ ok: false, error: 'This document is no longer in the project.' });
  });

  it('keeps the texts of the documents shown last, and fetches an evicted one again', async () => {
    host = fakeHost(project(MAX_CACHED_TEXTS + 2), coder, '/tmp/many.gloss');
    setBridge(host.bridge);
    await loadProject();
    for (let i = 1; i <= MAX_CACHED_TEXTS + 1; i++) await loadDocumentText(`d${i}`);
    expect(useGloss.getState().texts.size).toBe(MAX_CACHED_TEXTS);
    expect(shown('d1')).toBeNull();
    expect(shown('d2')).toBe('Sarah met person 2.');
    await loadDocumentText('d1');
    expect(host.textRequests.filter((id) => id === 'd1')).toHaveLength(2);
  });

  it('forgets the texts when another project is opened', async () => {
    await loadDocumentText('d1');
    const other = fakeHost(project(), coder, '/tmp/other.gloss');
    setBridge(other.bridge);
    await loadProject();
    expect(useGloss.getState().texts.size).toBe(0);
  });
});
