import { beforeEach, describe, expect, it } from 'vitest';
import { emptyProjectFile } from '../../../shared/model/state';
import { documentSchema } from '../../../shared/model/schema';
import { setBridge } from '../bridge';
import { loadProject, run } from '../project/actions';
import { useGloss } from './index';
import { fakeHost } from './fake-host';
import { createExcerptList } from './excerpts';

const coder = { id: 'me', name: 'Ana', color: '#000000' };

describe('the excerpt list, memoised per document', () => {
  beforeEach(async () => {
    const file = emptyProjectFile('Study', 'x');
    file.documents.push(
      documentSchema.parse({ id: 'a', name: 'A', text: 'Nobody trained us on the new system at all, not even once, in all those years.', createdAt: 'x', source: null, attributes: {} }),
      documentSchema.parse({ id: 'b', name: 'B', text: 'The forms changed twice that year.', createdAt: 'x', source: null, attributes: {} }),
    );
    setBridge(fakeHost(file, coder).bridge);
    await loadProject();
    await run({ type: 'applyCode', documentId: 'a', start: 7, end: 14, newCodeName: 'training' });
    await run({ type: 'applyCode', documentId: 'b', start: 4, end: 9, newCodeName: 'training' });
  });

  it('lists again only the document a change touched, and is the same list when nothing it shows changed', async () => {
    const list = createExcerptList();
    const codeIds = [...useGloss.getState().project!.codes.keys()];
    const before = list(useGloss.getState(), { filter: 'codes', codeIds });
    expect(before.map((e) => [e.documentName, e.before, e.text, e.after])).toEqual([
      ['A', 'Nobody ', 'trained', ' us on the new system at all,…'],
      ['B', 'The ', 'forms', ' changed twice that year.'],
    ]);
    await run({ type: 'renameProject', name: 'Renamed' });
    expect(list(useGloss.getState(), { filter: 'codes', codeIds })).toBe(before);

    await run({ type: 'applyCode', documentId: 'a', start: 0, end: 6, codeId: codeIds[0]! });
    const after = list(useGloss.getState(), { filter: 'codes', codeIds });
    expect(after.map((e) => e.text)).toEqual(['Nobody', 'trained', 'forms']);
    // B's excerpt was not made again.
    expect(after[2]).toBe(before[1]);
  });
});
