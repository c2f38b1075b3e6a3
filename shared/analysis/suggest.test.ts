import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChange } from '../model/state';
import { stateWith, NOW } from './fixtures/project';
import { buildSuggestionIndex, indexIsCurrent, suggestFor, suggestionRecall } from './suggest';
import { termsIn } from './suggest-terms';

const A = 'Nobody trained us on the new radios. The weather was cold. We had no training for the software either.';
const B = 'Training came far too late for the officers. Lunch was at noon. The canteen food was good.';
const C = 'Our training budget was cut, so officers trained themselves. Parking is hard.';

function project() {
  return stateWith(
    [
      { id: 'a', name: 'A', text: A },
      { id: 'b', name: 'B', text: B },
      { id: 'c', name: 'C', text: C },
    ],
    { gaps: 'training gaps', food: 'food' },
    [
      { id: 'k1', documentId: 'a', codeId: 'gaps', start: 0, end: A.indexOf(' The weather') },
      { id: 'k2', documentId: 'a', codeId: 'gaps', start: A.indexOf('We had'), end: A.length },
      { id: 'k3', documentId: 'b', codeId: 'food', start: B.indexOf('The canteen'), end: B.length },
    ],
  );
}

const text = (state: ReturnType<typeof project>, s: { documentId: string; start: number; end: number }) => state.documents.get(s.documentId)!.text.slice(s.start, s.end);

describe('terms', () => {
  it('lower-cases, drops English stop words and stems, keeping places', () => {
    expect(termsIn('The officers trained, training!', 'en')).toEqual([
      { start: 4, end: 12, term: 'offic' },
      { start: 13, end: 20, term: 'train' },
      { start: 22, end: 30, term: 'train' },
    ]);
    expect(termsIn('Die Schulung fehlte', 'de').map((t) => t.term)).toEqual(['schulung', 'fehlte']);
  });
});

describe('suggestFor', () => {
  it('ranks uncoded sentences sharing the code’s words first, with the shared words and a score', () => {
    const state = project();
    const index = buildSuggestionIndex(state, 'sentence');
    const found = suggestFor(state, index, 'gaps', 3);
    expect(found.map((s) => text(state, s))).toEqual(['Our training budget was cut, so officers trained themselves.', 'Training came far too late for the officers.']);
    expect(found[0]!.terms).toEqual(['training', 'trained']);
    expect(found[0]!.score).toBeGreaterThan(found[1]!.score);
    expect(found[0]!.marks.map((m) => C.slice(m.start, m.end))).toEqual(['training', 'trained']);
  });

  it('never suggests a passage already coded with the code, nor one dismissed for it', () => {
    const state = project();
    const index = buildSuggestionIndex(state, 'sentence');
    expect(suggestFor(state, index, 'gaps').some((s) => s.documentId === 'a')).toBe(false);
    const top = suggestFor(state, index, 'gaps')[0]!;
    const gaps = state.codes.get('gaps')!;
    applyChange(state, {
      patches: [{ table: 'codes', op: 'put', value: { ...gaps, dismissed: [{ documentId: top.documentId, start: top.start, end: top.end, quote: text(state, top), coderId: 'u', at: NOW }] } }],
    });
    expect(suggestFor(state, index, 'gaps').map((s) => text(state, s))).toEqual(['Training came far too late for the officers.']);
  });

  it('suggests paragraphs when asked, and nothing for a code without excerpts', () => {
    const state = project();
    const paragraphs = buildSuggestionIndex(state, 'paragraph');
    // Each text is one paragraph; A's is coded with the code, so only C's and B's are left.
    expect(suggestFor(state, paragraphs, 'gaps').map((s) => s.documentId)).toEqual(['c', 'b']);
    const other = stateWith([{ id: 'x', text: 'Hello.' }], { empty: 'empty' });
    expect(suggestFor(other, buildSuggestionIndex(other, 'sentence'), 'empty')).toEqual([]);
  });

  it('knows when the documents changed since the index was built', () => {
    const state = project();
    const index = buildSuggestionIndex(state, 'sentence');
    expect(indexIsCurrent(index, state)).toBe(true);
    applyChange(state, { patches: [{ table: 'documents', op: 'put', value: { ...state.documents.get('c')!, text: 'Changed.' } }] });
    expect(indexIsCurrent(index, state)).toBe(false);
  });

  it('on random projects: never throws, never suggests a passage overlapping the code, best first', () => {
    const word = fc.constantFrom('training', 'trained', 'radio', 'the', 'cold', 'officer', 'Ünïcode', '😀', 'a', '.', '. ', '\n\n', ' ');
    const doc = fc.array(word, { minLength: 1, maxLength: 30 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 3 }), fc.nat(), fc.nat(), fc.constantFrom('sentence' as const, 'paragraph' as const), (texts, a, b, unit) => {
        const t0 = texts[0]!;
        const start = Math.min(a % t0.length, t0.length - 1);
        const end = Math.min(t0.length, start + 1 + (b % 20));
        const state = stateWith(texts.map((text, i) => ({ id: `d${i}`, text })), { c: 'c' }, [{ id: 'k', documentId: 'd0', codeId: 'c', start, end }]);
        const found = suggestFor(state, buildSuggestionIndex(state, unit), 'c', 50);
        for (const [i, s] of found.entries()) {
          if (s.documentId === 'd0') expect(s.end <= start || s.start >= end).toBe(true);
          if (i > 0) expect(s.score).toBeLessThanOrEqual(found[i - 1]!.score);
          expect(s.terms.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('suggestionRecall', () => {
  it('judges each hand-coded document with the other documents’ excerpts only', () => {
    const state = stateWith(
      [
        { id: 'a', name: 'A', text: A },
        { id: 'c', name: 'C', text: C },
      ],
      { gaps: 'training gaps' },
      [
        { id: 'k1', documentId: 'a', codeId: 'gaps', start: 0, end: A.indexOf(' The weather') },
        // In C, the budget sentence is about training; "Parking is hard." is not.
        { id: 'k2', documentId: 'c', codeId: 'gaps', start: 0, end: C.indexOf(' Parking') },
      ],
    );
    const index = buildSuggestionIndex(state, 'sentence');
    // A's excerpt ranks C's budget sentence first. C's excerpt ranks A's two training
    // sentences: the uncoded "We had no training…" first, so top 1 misses A's coding, top 2 finds it.
    expect(suggestionRecall(state, index, 'gaps', 1)).toEqual({ documents: 2, handCoded: 2, found: 1, recall: 0.5, topN: 1 });
    expect(suggestionRecall(state, index, 'gaps', 2)).toEqual({ documents: 2, handCoded: 2, found: 2, recall: 1, topN: 2 });
  });

  it('leaves out codings that came from an auto-code or a suggestion, and says null when nothing was coded by hand', () => {
    const state = stateWith([{ id: 'a', text: A }], { gaps: 'gaps' }, [{ id: 'k', documentId: 'a', codeId: 'gaps', start: 0, end: 10 }]);
    const coding = state.codings.get('k')!;
    applyChange(state, { patches: [{ table: 'codings', op: 'put', value: { ...coding, origin: { kind: 'suggestion', score: 1, at: NOW } } }] });
    expect(suggestionRecall(state, buildSuggestionIndex(state, 'sentence'), 'gaps')).toEqual({ documents: 0, handCoded: 0, found: 0, recall: null, topN: 20 });
  });
});
