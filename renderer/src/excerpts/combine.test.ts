import { describe, expect, it } from 'vitest';
import { combinedQuery, describeCombined } from './combine';
import { retrieve } from '../../../shared/analysis/retrieval';
import { stateFromFile, emptyProjectFile } from '../../../shared/model/state';
import type { Coding } from '../../../shared/model/schema';

const NOW = '2026-01-01T00:00:00.000Z';
const TEXT = 'abcdefghijklmnopqrstuvwxyz0123456789';
const coding = (id: string, codeId: string, start: number, end: number): Coding => ({
  id, documentId: 'd', codeId, coderId: 'ana', start, end, quote: TEXT.slice(start, end), prefix: '', suffix: '', createdAt: NOW, needsReview: false,
});
const code = (id: string) => ({ id, name: id, color: '#000000', description: '', parentId: null, codable: true, createdAt: NOW });

/** A 0–20, B 10–30, C 25–35 in one document. */
function state() {
  const file = emptyProjectFile('T', NOW);
  return stateFromFile({
    ...file,
    coders: [{ id: 'ana', name: 'Ana', color: '#000000' }],
    documents: [{ id: 'd', name: 'D', text: TEXT, createdAt: NOW, source: null, attributes: {}, structure: [] }],
    codes: [code('A'), code('B'), code('C')],
    codings: [coding('a', 'A', 0, 20), coding('b', 'B', 10, 30), coding('c', 'C', 25, 35)],
  });
}
const spans = (q: ReturnType<typeof combinedQuery>) => retrieve(state(), q!).map((p) => [p.start, p.end]);

describe('combining the chosen codes', () => {
  it('lists every coding, unqueried, when nothing is combined', () => {
    expect(combinedQuery('each', ['A', 'B'])).toBeNull();
    expect(combinedQuery('and', [])).toBeNull();
  });

  it('AND is where all chosen codes overlap, OR where any is, NOT the first without the others', () => {
    expect(spans(combinedQuery('and', ['A', 'B']))).toEqual([[10, 20]]);
    expect(spans(combinedQuery('and', ['A', 'B', 'C']))).toEqual([]);
    expect(spans(combinedQuery('or', ['A', 'C']))).toEqual([[0, 20], [25, 35]]);
    expect(spans(combinedQuery('or', ['A', 'B', 'C']))).toEqual([[0, 35]]);
    expect(spans(combinedQuery('not', ['B', 'A', 'C']))).toEqual([[20, 25]]);
    expect(spans(combinedQuery('not', ['A', 'B']))).toEqual([[0, 10]]);
    // NOT with one code chosen is that code alone.
    expect(spans(combinedQuery('not', ['C']))).toEqual([[25, 35]]);
  });

  it('says in words what is listed, naming the first code of a NOT', () => {
    expect(describeCombined('not', ['Trust', 'Barriers', 'Delays'])).toBe('Passages coded with Trust but not with Barriers or Delays.');
    expect(describeCombined('and', ['Trust', 'Barriers'])).toBe('Passages coded with Trust and Barriers, where they overlap.');
    expect(describeCombined('or', ['A', 'B', 'C'])).toBe('Passages coded with A, B or C.');
  });
});
