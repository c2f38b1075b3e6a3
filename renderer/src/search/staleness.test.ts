import { describe, expect, it } from 'vitest';
import { freshVersions, type Versions } from '../store/versions';
import { isStale, keptSelection, stampOf } from './staleness';

const moved = (versions: Versions, table: keyof Versions): Versions => ({ ...versions, [table]: versions[table] + 1 });

describe('isStale', () => {
  const at = freshVersions();
  const stamp = stampOf(at);

  it('is fresh at the versions it was asked at', () => {
    expect(isStale({ uncodedOnly: true, setIds: ['s'], insideCode: { codeId: 'c', withSubcodes: true } }, stamp, at)).toBe(false);
  });

  it('is stale after any document change (a text edited, a document deleted or added), whatever the scope', () => {
    expect(isStale({}, stamp, moved(at, 'documents'))).toBe(true);
  });

  it('follows codings only where the scope reads them: uncoded text only, inside codings of a code', () => {
    expect(isStale({}, stamp, moved(at, 'codings'))).toBe(false);
    expect(isStale({ uncodedOnly: true }, stamp, moved(at, 'codings'))).toBe(true);
    expect(isStale({ insideCode: { codeId: 'c', withSubcodes: false } }, stamp, moved(at, 'codings'))).toBe(true);
  });

  it('follows the code tree only inside codings of a code, and sets only with a set filter', () => {
    expect(isStale({ uncodedOnly: true }, stamp, moved(at, 'codes'))).toBe(false);
    expect(isStale({ insideCode: { codeId: 'c', withSubcodes: true } }, stamp, moved(at, 'codes'))).toBe(true);
    expect(isStale({}, stamp, moved(at, 'sets'))).toBe(false);
    expect(isStale({ setIds: [] }, stamp, moved(at, 'sets'))).toBe(false);
    expect(isStale({ setIds: ['s'] }, stamp, moved(at, 'sets'))).toBe(true);
  });

  it('never follows memos, coders or variables alone (variable values live on the documents)', () => {
    for (const table of ['memos', 'coders', 'variables', 'project'] as const) expect(isStale({ uncodedOnly: true, setIds: ['s'] }, stamp, moved(at, table))).toBe(false);
  });
});

describe('keptSelection', () => {
  it('keeps the selected hits that are still there, and only those', () => {
    expect([...keptSelection(new Set(['d:1:3', 'd:5:8', 'e:0:2']), ['d:1:3', 'e:0:2', 'e:9:11'])]).toEqual(['d:1:3', 'e:0:2']);
    expect(keptSelection(new Set(), ['d:1:3']).size).toBe(0);
  });
});
