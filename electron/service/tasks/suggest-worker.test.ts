/**
 * "More like this" in the task worker: the index is built and kept there, and a question
 * asked after a text edit, a new coding or a change of language is answered as an index
 * built afresh in-process would answer it, never from the index built before.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Coding } from '../../../shared/model/schema';
import { applyChange, type ProjectState } from '../../../shared/model/state';
import { buildSuggestionIndex, codeQuery, suggestFor, suggestionRecall, type SuggestionUnit } from '../../../shared/analysis/suggest';
import { NOW, stateWith } from '../../../shared/analysis/fixtures/project';
import { recallFor, suggestionsFor } from '../search';
import { runLaneTask } from './pool';
import { suggestEntries } from './suggest-documents';

const A = 'Nobody trained us on the new radios. The weather was cold. We had no training for the software either.';
const B = 'Training came far too late for the officers. Lunch was at noon. The canteen food was good.';
const C = 'Our training budget was cut, so officers trained themselves. Parking is hard.';

function project(): ProjectState {
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

/** The answer of an index built now, in this thread, from copies of the documents (so nothing kept for the old objects can help). */
function afresh(state: ProjectState, codeId: string, unit: SuggestionUnit = 'sentence', limit = 20) {
  const copy = { ...state, documents: new Map([...state.documents].map(([id, doc]) => [id, { ...doc }])) };
  return suggestFor(copy, buildSuggestionIndex(copy, unit), codeId, limit);
}

/** Asks lane `lane`'s worker for suggestions; also says how many texts went with the question. */
async function ask(lane: string, state: ProjectState, codeId: string, unit: SuggestionUnit = 'sentence', limit = 20) {
  let textsSent = 0;
  const found = await runLaneTask(
    lane,
    (memo) => {
      const documents = suggestEntries(state, memo);
      textsSent = documents.filter((d) => d.text !== undefined).length;
      return { kind: 'suggest', unit, documents, query: codeQuery(state, codeId)!, limit };
    },
    { label: 'Finding passages like these' },
  );
  return { found, textsSent };
}

const words = (state: ProjectState, found: { documentId: string; start: number; end: number }[]) =>
  found.map((s) => state.documents.get(s.documentId)!.text.slice(s.start, s.end));

function putText(state: ProjectState, id: string, text: string): void {
  applyChange(state, { patches: [{ table: 'documents', op: 'put', value: { ...state.documents.get(id)!, text } }] });
}

function addCoding(state: ProjectState, id: string, documentId: string, codeId: string, start: number, end: number): void {
  const text = state.documents.get(documentId)!.text;
  const coding: Coding = { id, documentId, codeId, coderId: 'u', start, end, quote: text.slice(start, end), prefix: '', suffix: '', createdAt: NOW, needsReview: false };
  applyChange(state, { patches: [{ table: 'codings', op: 'put', value: coding }] });
}

describe('suggestions in the task worker', () => {
  it('answers as in-process, and the next question goes without texts, answered from the kept index', async () => {
    const state = project();
    const first = await ask('suggest-test-1', state, 'gaps');
    expect(first.textsSent).toBe(3);
    expect(first.found).toEqual(afresh(state, 'gaps'));
    expect(words(state, first.found)).toEqual(['Our training budget was cut, so officers trained themselves.', 'Training came far too late for the officers.']);
    const again = await ask('suggest-test-1', state, 'gaps');
    expect(again.textsSent).toBe(0);
    expect(again.found).toEqual(first.found);
  });

  it('after a text edit, answers from the new text (only that text sent), not from the index built before', async () => {
    const state = project();
    await ask('suggest-test-2', state, 'gaps');
    putText(state, 'c', 'Parking is hard. Nobody offered the officers any training on radios.');
    const after = await ask('suggest-test-2', state, 'gaps');
    expect(after.textsSent).toBe(1);
    expect(after.found).toEqual(afresh(state, 'gaps'));
    expect(words(state, after.found)).toEqual(['Nobody offered the officers any training on radios.', 'Training came far too late for the officers.']);
    // The old sentence's place in C now holds other words: a stale index would have offered it.
    expect(after.found.some((s) => s.documentId === 'c' && s.start === 0)).toBe(false);
  });

  it('after a new coding of the code, never suggests the passage it covers, and the next best moves up', async () => {
    const state = project();
    const before = await ask('suggest-test-3', state, 'gaps');
    const top = before.found[0]!;
    addCoding(state, 'k9', top.documentId, 'gaps', top.start, top.end);
    const after = await ask('suggest-test-3', state, 'gaps');
    expect(after.textsSent).toBe(0);
    expect(after.found).toEqual(afresh(state, 'gaps'));
    expect(after.found.some((s) => s.documentId === top.documentId && s.start < top.end && top.start < s.end)).toBe(false);
    // The new excerpt's words join the query: B's sentence is still found, now first.
    expect(words(state, after.found)[0]).toBe('Training came far too late for the officers.');
  });

  it('after the language variable changes, reads the document in its new language', async () => {
    const state = stateWith(
      [
        { id: 'a', name: 'A', text: A, attributes: { lang: 'English' } },
        { id: 'c', name: 'C', text: C, attributes: { lang: 'English' } },
      ],
      { gaps: 'gaps' },
      [{ id: 'k1', documentId: 'a', codeId: 'gaps', start: 0, end: A.indexOf(' The weather') }],
      { variables: [{ id: 'lang', name: 'Language', type: 'text', description: '' }] },
    );
    const english = await ask('suggest-test-4', state, 'gaps');
    // In English C's "training" and "trained" are stemmed to "train", as A's excerpt's "trained" is.
    expect(english.found[0]).toMatchObject({ documentId: 'c', terms: ['training', 'trained'] });
    applyChange(state, { patches: [{ table: 'documents', op: 'put', value: { ...state.documents.get('c')!, attributes: { lang: 'German' } } }] });
    const german = await ask('suggest-test-4', state, 'gaps');
    expect(german.found).toEqual(afresh(state, 'gaps'));
    // Read as German, C's words are not stemmed and share no term with the excerpt's English "train".
    expect(german.found.some((s) => s.documentId === 'c')).toBe(false);
    expect(german.found.map((s) => s.documentId)).toEqual(['a']);
  });

  it('suggest:forCode and suggest:recall asked at once share the worker and answer as in-process', async () => {
    const state = project();
    addCoding(state, 'k5', 'c', 'gaps', 0, C.indexOf(' Parking'));
    const host = { current: state, progress: () => {} };
    const [found, recall] = await Promise.all([suggestionsFor(host, { codeId: 'gaps', unit: 'paragraph' }), recallFor(host, { codeId: 'gaps', unit: 'paragraph', limit: 1 })]);
    const paragraphs = buildSuggestionIndex(state, 'paragraph');
    expect(found).toEqual(suggestFor(state, paragraphs, 'gaps').map((s) => ({ ...s, text: state.documents.get(s.documentId)!.text.slice(s.start, s.end) })));
    expect(found.map((s) => s.documentId)).toEqual(['b']);
    expect(recall).toEqual(suggestionRecall(state, paragraphs, 'gaps', 1));
    await expect(suggestionsFor(host, { codeId: 'nope', unit: 'sentence' })).rejects.toThrow('That code no longer exists.');
  });

  it('on random edits and codings, answers as an index built afresh would: never a coded passage, best first', async () => {
    const word = fc.constantFrom('training', 'trained', 'radio', 'radios', 'the', 'cold', 'officer', 'Ünïcode', 'a', '.', '. ', '\n\n', ' ', 'Officer:');
    const text = fc.array(word, { minLength: 1, maxLength: 25 }).map((w) => w.join(' '));
    const step = fc.oneof(
      fc.record({ kind: fc.constant('edit' as const), doc: fc.nat(2), text }),
      fc.record({ kind: fc.constant('code' as const), doc: fc.nat(2), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 3, maxLength: 3 }), fc.array(step, { minLength: 1, maxLength: 4 }), fc.constantFrom('sentence' as const, 'paragraph' as const), async (texts, steps, unit) => {
        const lane = `suggest-property-${run++ % 2}`;
        const state = stateWith(texts.map((t, i) => ({ id: `d${i}`, text: t })), { c: 'c' }, [{ id: 'k0', documentId: 'd0', codeId: 'c', start: 0, end: Math.min(12, texts[0]!.length) }]);
        let n = 0;
        for (const s of [...steps, null]) {
          const { found } = await ask(lane, state, 'c', unit, 10);
          expect(found).toEqual(afresh(state, 'c', unit, 10));
          for (const [i, f] of found.entries()) {
            if (i > 0) expect(f.score).toBeLessThanOrEqual(found[i - 1]!.score);
            for (const id of state.codingsByCode.get('c') ?? []) {
              const k = state.codings.get(id)!;
              if (k.documentId === f.documentId) expect(k.end <= f.start || k.start >= f.end).toBe(true);
            }
          }
          if (!s) break;
          if (s.kind === 'edit') putText(state, `d${s.doc}`, s.text);
          else {
            const t = state.documents.get(`d${s.doc}`)!.text;
            const start = s.at % t.length;
            addCoding(state, `k${++n}`, `d${s.doc}`, 'c', start, Math.min(t.length, start + s.length));
          }
        }
      }),
      { numRuns: 30 },
    );
  });
});
