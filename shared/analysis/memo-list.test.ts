import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { memoList } from './memo-list';
import { analysisFile } from './fixtures/analysis-project';
import { stateFromFile } from '../model/state';
import type { Memo, MemoTarget } from '../model/schema';

function project(memos: Memo[]) {
  const file = analysisFile({
    documents: { d1: 'We never had any training at all, not even once in all those years.' },
    codes: { Barriers: null, Training: 'Barriers' },
    codings: [['d1', 'Training', 0, 60]],
  });
  file.coders.push({ id: 'ben', name: 'Ben', color: '#000000' });
  file.memos = memos;
  return stateFromFile(file);
}

const memo = (id: string, target: MemoTarget, title: string, text: string, modifiedAt: string, coderId = 'ana'): Memo => ({ id, target, title, text, coderId, createdAt: modifiedAt, modifiedAt });

const memos = [
  memo('m1', { kind: 'project' }, 'Week 1', 'Started coding.', '2026-03-01T09:00:00.000Z'),
  memo('m2', { kind: 'document', id: 'd1' }, '', 'The Café owner trusted nobody.', '2026-03-02T10:00:00.000Z', 'ben'),
  memo('m3', { kind: 'code', id: 'Training' }, 'Scope', 'Induction only; data on refreshers is thin.', '2026-03-03T11:00:00.000Z'),
  memo('m4', { kind: 'coding', id: 'c00000' }, '', 'Strong quote.', '2026-03-01T18:00:00.000Z'),
  memo('m5', { kind: 'code', id: 'gone' }, '', 'Orphan.', '2026-02-01T00:00:00.000Z'),
];

describe('the memo list', () => {
  it('lists every memo, newest first, with what it is about', () => {
    expect(memoList(project(memos)).map((r) => [r.memo.id, r.kind, r.about, r.coderName])).toEqual([
      ['m3', 'code', 'Barriers > Training', 'ana'],
      ['m2', 'document', 'd1', 'Ben'],
      ['m4', 'coding', 'd1: “We never had any training at all, not e…”', 'ana'],
      ['m1', 'project', 'Project journal', 'ana'],
      ['m5', 'code', '(missing code)', 'ana'],
    ]);
  });

  it('filters by words (case and accents aside, all of them, anywhere), kind, coder and dates', () => {
    const state = project(memos);
    const ids = (filter: Parameters<typeof memoList>[1]) => memoList(state, filter).map((r) => r.memo.id);
    expect(ids({ words: 'cafe TRUST' })).toEqual(['m2']);
    expect(ids({ words: 'data thin' })).toEqual(['m3']);
    expect(ids({ words: 'week' })).toEqual(['m1']);
    expect(ids({ kinds: ['code', 'coding'] })).toEqual(['m3', 'm4', 'm5']);
    expect(ids({ coderIds: ['ben'] })).toEqual(['m2']);
    // A date as the end of the range includes its whole day.
    expect(ids({ from: '2026-03-01', to: '2026-03-01' })).toEqual(['m4', 'm1']);
  });

  it('each filter only ever narrows the list', () => {
    const kinds = fc.subarray(['project', 'document', 'code', 'coding'] as const);
    fc.assert(
      fc.property(kinds, fc.constantFrom('', 'data', 'the', 'q'), (k, words) => {
        const state = project(memos);
        const all = memoList(state).map((r) => r.memo.id);
        const some = memoList(state, { kinds: k, words }).map((r) => r.memo.id);
        expect(some.every((id) => all.includes(id))).toBe(true);
        expect(memoList(state, { kinds: k }).length).toBe(memos.filter((m) => k.includes(m.target.kind)).length);
      }),
    );
  });
});
