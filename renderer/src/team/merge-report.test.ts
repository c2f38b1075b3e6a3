import { describe, expect, it } from 'vitest';
import type { MergeConflict } from '../../../shared/merge/types';
import { allChosen, countsText, matchedText, takeAll } from './merge-report';

const conflict = (id: string): MergeConflict => ({ id, table: 'codes', entityId: id, label: `Code ${id}`, ours: 'A', theirs: 'B', base: null });

describe('merge report in words', () => {
  it('names counts in the file order, singular and plural', () => {
    expect(countsText({ codings: 14, documents: 2, codes: 1 })).toBe('2 documents, 1 code, 14 codings');
    expect(countsText({ memos: 0 })).toBe('nothing');
  });

  it('says how entities were matched, leaving out ways that matched none', () => {
    expect(matchedText({ byId: 12, byTextHash: 1, byCodePath: 0 })).toBe('12 by id, 1 document by text');
    expect(matchedText({ byId: 0, byTextHash: 0, byCodePath: 0 })).toBeNull();
  });

  it('is complete only when every conflict has a side', () => {
    const conflicts = [conflict('a'), conflict('b')];
    expect(allChosen(conflicts, { a: 'ours' })).toBe(false);
    expect(allChosen(conflicts, { a: 'ours', b: 'theirs' })).toBe(true);
    expect(takeAll(conflicts, 'theirs')).toEqual({ a: 'theirs', b: 'theirs' });
    expect(allChosen([], {})).toBe(true);
  });
});
