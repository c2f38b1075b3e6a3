import { describe, expect, it } from 'vitest';
import { hitKey, resultRows, trimmedContext, type Hit } from './result-rows';

const hit = (documentId: string, start: number): Hit => ({ documentId, start, end: start + 3, before: 'a ', match: 'hit', after: ' b' });

describe('resultRows', () => {
  it('heads each document’s hits with its name and full count, numbers its hits, and ends with the rest to fetch', () => {
    const rows = resultRows([hit('d1', 0), hit('d1', 10), hit('d2', 5)], { d1: 2, d2: 7 }, 9);
    expect(rows.map((r) => (r.kind === 'hit' ? `${r.kind} ${r.key} #${r.number}` : r.kind === 'document' ? `doc ${r.documentId} ${r.count}` : `more ${r.remaining}`))).toEqual([
      'doc d1 2',
      'hit d1:0:3 #1',
      'hit d1:10:13 #2',
      'doc d2 7',
      'hit d2:5:8 #1',
      'more 6',
    ]);
  });

  it('has no "more" row once every hit is loaded, and no rows for no hits', () => {
    expect(resultRows([hit('d', 1)], { d: 1 }, 1).map((r) => r.kind)).toEqual(['document', 'hit']);
    expect(resultRows([], {}, 0)).toEqual([]);
    expect(hitKey({ documentId: 'x', start: 4, end: 9 })).toBe('x:4:9');
  });
});

describe('trimmedContext', () => {
  it('drops a word cut at either edge of a full-width context, and keeps a short one whole', () => {
    expect(trimmedContext('ow did you come into the team, and what ', ' did you have when you started? And then', 40)).toEqual({
      before: '…did you come into the team, and what ',
      after: ' did you have when you started? And…',
    });
    expect(trimmedContext('Officer: No ', ' at all.', 40)).toEqual({ before: 'Officer: No ', after: ' at all.' });
  });
});
