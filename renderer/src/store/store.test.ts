import { beforeEach, describe, expect, it } from 'vitest';
import { emptyProjectFile, fileFromState } from '../../../shared/model/state';
import { indexFile } from '../../../shared/model/document-index';
import { documentSchema } from '../../../shared/model/schema';
import { setBridge } from '../bridge';
import { useGloss } from './index';
import { loadProject, run, undo } from '../project/actions';
import { selectCodeRows, selectDocumentCodings, selectDocumentList } from './selectors';
import { fakeHost, type FakeHost } from './fake-host';

const coder = { id: 'me', name: 'Ana', color: '#000000' };

function oneDocument() {
  const file = emptyProjectFile('Study', '2024-01-01T00:00:00.000Z');
  // Through the schema, so that fields with defaults can be left out here.
  file.documents.push(documentSchema.parse({ id: 'd1', name: 'Interview', text: 'Nobody trained us on the system.', createdAt: 'x', source: null, attributes: {} }));
  return file;
}

describe('the store mirrors the host through returned changes', () => {
  let host: FakeHost;
  beforeEach(async () => {
    host = fakeHost(oneDocument(), coder);
    setBridge(host.bridge);
    useGloss.setState({ messages: [], history: { undo: null, redo: null } });
    await loadProject();
  });

  it('applies an operation’s change to the mirror, bumps the revision and remembers the code as recent', async () => {
    const before = useGloss.getState().revision;
    const response = await run({ type: 'applyCode', documentId: 'd1', start: 0, end: 14, newCodeName: 'training gaps' });
    expect(response?.ok).toBe(true);
    const state = useGloss.getState();
    expect(state.revision).toBeGreaterThan(before);
    expect(fileFromState(state.project!)).toEqual(indexFile(fileFromState(host.state)));
    expect(selectCodeRows(state).map((r) => [r.code.name, r.count])).toEqual([['training gaps', 1]]);
    expect(selectDocumentList(state).map((d) => [d.name, d.codings])).toEqual([['Interview', 1]]);
    expect(selectDocumentCodings('d1')(state).map((c) => [c.start, c.end])).toEqual([[0, 14]]);
    // The reply's coding comes without the words its document's text gives back.
    expect(selectDocumentCodings('d1')(state)[0]).not.toHaveProperty('quote');
    expect(state.recentCodeIds).toEqual([response!.created.codeId]);
    expect(state.history.undo).toBe('Apply code “training gaps”');
  });

  it('holds documents without their text: their length and content key only', () => {
    const entry = useGloss.getState().project!.documents.get('d1')!;
    expect(entry).not.toHaveProperty('text');
    expect(entry).not.toHaveProperty('structure');
    expect(entry.textLength).toBe('Nobody trained us on the system.'.length);
    expect(entry.contentKey).toMatch(/\S/);
  });

  it('shows the host’s error as a message and changes nothing', async () => {
    const before = fileFromState(useGloss.getState().project!);
    expect(await run({ type: 'renameCode', codeId: 'nope', name: 'x' })).toBeNull();
    expect(useGloss.getState().messages.map((m) => m.text)).toEqual(['there is no code with id nope']);
    expect(fileFromState(useGloss.getState().project!)).toEqual(before);
  });

  it('undo applies the inverse the host returns', async () => {
    await run({ type: 'createCode', name: 'delays' });
    expect(useGloss.getState().project!.codes.size).toBe(1);
    await undo();
    expect(useGloss.getState().project!.codes.size).toBe(0);
    expect(fileFromState(useGloss.getState().project!)).toEqual(indexFile(fileFromState(host.state)));
  });

  it('keeps derived lists identical when a change does not touch them', async () => {
    await run({ type: 'applyCode', documentId: 'd1', start: 0, end: 6, newCodeName: 'a' });
    const s = useGloss.getState();
    const codings = selectDocumentCodings('d1')(s);
    const rows = selectCodeRows(s);
    const documents = selectDocumentList(s);
    await run({ type: 'renameProject', name: 'Renamed' });
    const after = useGloss.getState();
    expect(selectDocumentCodings('d1')(after)).toBe(codings);
    expect(selectCodeRows(after)).toBe(rows);
    expect(selectDocumentList(after)).toBe(documents);
  });

  it('keeps the rows a change did not touch as the same objects', async () => {
    await run({ type: 'addDocuments', documents: [{ name: 'Second', text: 'Another interview.', source: null }] });
    await run({ type: 'createCode', name: 'b' });
    await run({ type: 'applyCode', documentId: 'd1', start: 0, end: 6, newCodeName: 'a' });
    const before = selectDocumentList(useGloss.getState());
    const codesBefore = selectCodeRows(useGloss.getState());
    await run({ type: 'applyCode', documentId: 'd1', start: 7, end: 14, newCodeName: 'a' });
    const after = selectDocumentList(useGloss.getState());
    expect(after.map((d) => [d.name, d.codings])).toEqual([
      ['Interview', 2],
      ['Second', 0],
    ]);
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    const codesAfter = selectCodeRows(useGloss.getState());
    expect(codesAfter.map((r) => [r.code.name, r.count])).toEqual([
      ['a', 2],
      ['b', 0],
    ]);
    expect(codesAfter[1]).toBe(codesBefore[1]);
  });
});
