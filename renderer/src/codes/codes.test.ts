import { describe, expect, it } from 'vitest';
import { codeTree } from '../../../shared/model/codes';
import { stateWith } from '../../../shared/analysis/fixtures/project';
import { filterCodeRows } from './code-search';
import { dropZoneAt } from './code-drag';
import { mergeCounts, mergeMessage } from './merge-counts';

const project = () =>
  stateWith(
    [{ id: 'd', text: 'We never had training. Nobody trusted the forms.' }],
    { top: 'Barriers', mid: ['Data sharing', 'top'], leaf: ['Delays', 'mid'], t: 'Trust', c: 'Confidence', k: ['Kid', 't'] },
    [
      { id: 'g1', documentId: 'd', codeId: 't', start: 23, end: 47 },
      { id: 'g2', documentId: 'd', codeId: 't', start: 3, end: 21 },
      { id: 'g3', documentId: 'd', codeId: 'c', start: 23, end: 47 },
      // Same span as g1 but another coder: not a duplicate.
      { id: 'g4', documentId: 'd', codeId: 'c', start: 3, end: 21, coderId: 'v' },
    ],
  );

describe('filterCodeRows', () => {
  it('keeps the matches with every ancestor, in tree order, and everything for an empty query', () => {
    const state = project();
    const rows = codeTree(state.codes.values());
    const found = filterCodeRows(rows, state.codes, ' DEL ');
    expect(found.rows.map((r) => r.code.name)).toEqual(['Barriers', 'Data sharing', 'Delays']);
    expect([...found.matches]).toEqual(['leaf']);
    expect(filterCodeRows(rows, state.codes, 'a').rows.map((r) => r.code.name)).toEqual(['Barriers', 'Data sharing', 'Delays']);
    expect(filterCodeRows(rows, state.codes, '').rows).toBe(rows);
    expect(filterCodeRows(rows, state.codes, 'zzz').rows).toEqual([]);
  });
});

describe('mergeCounts', () => {
  it('counts codings moved, those collapsing into the same span by the same coder, and sub-codes', () => {
    const counts = mergeCounts(project(), 't', 'c');
    expect(counts).toEqual({ moved: 1, collapsed: 1, subCodes: 1 });
    expect(mergeMessage('Trust', 'Confidence', counts)).toBe(
      '1 coding moves from “Trust” to “Confidence”; 1 coding is already coded “Confidence” on the same passage by the same coder and is kept once; its sub-code moves under “Confidence”. Then “Trust” is removed. A backup is kept, and you can undo this in one step.',
    );
    expect(mergeMessage('A', 'B', { moved: 3, collapsed: 0, subCodes: 0 })).toMatch(/^3 codings move from “A” to “B”\. Then/);
  });
});

describe('dropZoneAt', () => {
  it('reads the top and bottom edges of a row as between rows, the middle as under it', () => {
    expect(dropZoneAt(101, 100, 30)).toBe('before');
    expect(dropZoneAt(115, 100, 30)).toBe('inside');
    expect(dropZoneAt(129, 100, 30)).toBe('after');
  });
});
