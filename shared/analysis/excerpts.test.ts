import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyProjectFile, stateFromFile } from '../model/state';
import type { z } from 'zod';
import { projectFileSchema, type ProjectFile } from '../model/schema';
import { memoLinesByCoding } from '../model/memos';
import { projectIndex, stateFromIndex } from '../model/document-index';
import { quoteAt } from '../text/quote';
import { codingsNeedingReview, codingsOfCodes, documentExcerpts, excerptOf, excerptsFor, listingNeedingReview, listingOfCodes, reviewExcerpts } from './excerpts';

const now = '2024-01-01T00:00:00.000Z';

/** Built through the schema, so that fields with defaults can be left out here. */
function project(): ProjectFile {
  const text = 'To be honest with you, we never had any training on this. Nobody told us how the new system worked, so we guessed.';
  const start = text.indexOf('Nobody');
  const end = text.indexOf(', so');
  const coding = (id: string, documentId: string, codeId: string, from: number, to: number, quote: string) =>
    ({ id, documentId, codeId, coderId: 'u', start: from, end: to, quote, prefix: '', suffix: '', createdAt: now });
  const code = (id: string, name: string, color: string) => ({ id, name, color, description: '', parentId: null, codable: true, createdAt: now });
  const input: z.input<typeof projectFileSchema> = {
    ...emptyProjectFile('Test', now),
    documents: [
      { id: 'd2', name: 'B interview', text: 'Short.', createdAt: now, source: null, attributes: {} },
      { id: 'd1', name: 'A interview', text, createdAt: now, source: null, attributes: {} },
    ],
    coders: [{ id: 'u', name: 'Ana', color: '#000000' }],
    codes: [code('c1', 'training gaps', '#e69f00'), code('c2', 'other', '#56b4e9')],
    codings: [
      coding('k1', 'd1', 'c1', start, end, text.slice(start, end)),
      coding('k2', 'd2', 'c1', 0, 5, 'Short'),
      coding('k3', 'd1', 'c2', 0, 2, 'To'),
    ],
    memos: [{ id: 'm', target: { kind: 'coding', id: 'k1' }, title: 'Note', text: 'systemic', coderId: 'u', createdAt: now, modifiedAt: now }],
  };
  return projectFileSchema.parse(input);
}

describe('excerptsFor', () => {
  it('lists the chosen codes’ codings by document name, with text from the document and context cut at words', () => {
    const list = excerptsFor(stateFromFile(project()), ['c1']);
    expect(list.map((e) => [e.documentName, e.text])).toEqual([
      ['A interview', 'Nobody told us how the new system worked'],
      ['B interview', 'Short'],
    ]);
    const first = list[0]!;
    expect(first.before).toBe('…you, we never had any training on this. ');
    expect(first.after).toBe(', so we guessed.');
    expect(first.coderName).toBe('Ana');
    expect(first.memos).toEqual(['Note: systemic']);
  });

  it('returns nothing when no code is chosen', () => {
    expect(excerptsFor(stateFromFile(project()), [])).toEqual([]);
  });
});

describe('codingsOfCodes and excerptOf: the list first, each card when it is shown', () => {
  it('lists the codings without their text, in the order excerptsFor shows them, and builds each card alike', () => {
    const state = stateFromFile(project());
    const codings = codingsOfCodes(state, ['c1', 'c2']);
    expect(codings.map((c) => c.id)).toEqual(['k3', 'k1', 'k2']);
    const memos = memoLinesByCoding(state);
    expect(codings.map((c) => excerptOf(state, c, memos.get(c.id)))).toEqual(excerptsFor(state, ['c1', 'c2']));
    expect(codingsOfCodes(state, ['c2'], (c) => c.coderId !== 'u')).toEqual([]);
  });

  it('keeps paragraph breaks in the passage and its context', () => {
    const state = stateFromFile(project());
    const doc = state.documents.get('d1')!;
    state.documents.set('d1', { ...doc, text: 'First paragraph ends here.\nSecond one starts.\n\nThird.' });
    const coding = { ...state.codings.get('k1')!, start: 6, end: 45 };
    const excerpt = excerptOf(state, coding);
    expect(excerpt.text).toBe('paragraph ends here.\nSecond one starts.');
    expect(excerpt.after).toBe('\n\nThird.');
  });

  it('orders any project by document name, then start, then end, and lists exactly the chosen codes’ codings', () => {
    const documentNames = ['Anna', 'anna b', 'Ben', 'Émile', 'zoë'];
    const codingSpec = fc.record({ doc: fc.nat({ max: 4 }), code: fc.constantFrom('c1', 'c2', 'c3'), start: fc.nat({ max: 20 }), length: fc.integer({ min: 1, max: 10 }) });
    fc.assert(
      fc.property(fc.array(codingSpec, { maxLength: 40 }), fc.subarray(['c1', 'c2', 'c3']), (specs, chosen) => {
        const file = projectFileSchema.parse({
          ...emptyProjectFile('P', now),
          coders: [{ id: 'u', name: 'Ana', color: '#000000' }],
          documents: documentNames.map((name, i) => ({ id: `d${i}`, name, text: 'x'.repeat(40), createdAt: now, source: null, attributes: {} })),
          codes: ['c1', 'c2', 'c3'].map((id) => ({ id, name: id, color: '#123456', description: '', parentId: null, codable: true, createdAt: now })),
          codings: specs.map((c, i) => ({
            id: `k${String(i).padStart(3, '0')}`, documentId: `d${c.doc}`, codeId: c.code, coderId: 'u',
            start: c.start, end: c.start + c.length, quote: 'x'.repeat(c.length), prefix: '', suffix: '', createdAt: now,
          })),
        });
        const state = stateFromFile(file);
        const listed = codingsOfCodes(state, chosen);
        expect(listed.map((c) => c.id).sort()).toEqual(file.codings.filter((c) => chosen.includes(c.codeId)).map((c) => c.id).sort());
        const rank = (c: (typeof listed)[number]) => [...documentNames].sort((a, b) => a.localeCompare(b)).indexOf(state.documents.get(c.documentId)!.name);
        for (let i = 1; i < listed.length; i++) {
          const [a, b] = [listed[i - 1]!, listed[i]!];
          expect(rank(a) < rank(b) || (rank(a) === rank(b) && (a.start < b.start || (a.start === b.start && a.end <= b.end)))).toBe(true);
        }
      }),
      { numRuns: Number(process.env.GLOSS_FUZZ_RUNS ?? 100) },
    );
  });
});

describe('CodingListing: the first screenful at once, the rest after', () => {
  const documentNames = ['Bea', 'anna', 'Anna', 'Émile', 'zoë', 'Carl'];
  /** A project of the given codings, inserted in the given order (the per-document index and the table then agree on nothing but content). */
  function stateOf(specs: { doc: number; code: string; start: number; length: number; review: boolean }[], order: number[]) {
    const codings = specs.map((c, i) => ({
      id: `k${String(i).padStart(3, '0')}`, documentId: `d${c.doc}`, codeId: c.code, coderId: i % 2 ? 'u' : 'v',
      start: c.start, end: c.start + c.length, quote: 'x'.repeat(c.length), prefix: '', suffix: '', createdAt: now, ...(c.review ? { needsReview: true } : {}),
    }));
    const file = projectFileSchema.parse({
      ...emptyProjectFile('P', now),
      coders: [{ id: 'u', name: 'Ana', color: '#000000' }, { id: 'v', name: 'Ben', color: '#111111' }],
      documents: documentNames.map((name, i) => ({ id: `d${i}`, name, text: 'x'.repeat(40), createdAt: now, source: null, attributes: {} })),
      codes: ['c1', 'c2', 'c3'].map((id) => ({ id, name: id, color: '#123456', description: '', parentId: null, codable: true, createdAt: now })),
      codings: order.map((i) => codings[i]!),
    });
    return stateFromFile(file);
  }
  const codingSpec = fc.record({ doc: fc.nat({ max: documentNames.length - 1 }), code: fc.constantFrom('c1', 'c2', 'c3'), start: fc.nat({ max: 6 }), length: fc.integer({ min: 1, max: 3 }), review: fc.boolean() });
  const project = fc.array(codingSpec, { maxLength: 50 }).chain((specs) => fc.tuple(fc.constant(specs), fc.shuffledSubarray([...specs.keys()], { minLength: specs.length, maxLength: specs.length })));

  it('gives, in two parts however they are cut, exactly the whole list, the first part whole documents', () => {
    fc.assert(
      fc.property(project, fc.subarray(['c1', 'c2', 'c3']), fc.boolean(), fc.nat(60), fc.nat(60), ([specs, order], chosen, onlyU, wanted, budget) => {
        const state = stateOf(specs, order);
        const shown = onlyU ? (c: { coderId: string }) => c.coderId === 'u' : null;
        for (const [listing, whole] of [
          [listingOfCodes(state, chosen, shown), codingsOfCodes(state, chosen, shown)],
          [listingNeedingReview(state, shown), codingsNeedingReview(state, shown)],
        ] as const) {
          const first = listing.first(wanted, budget);
          const rest = listing.rest();
          expect(listing.complete).toBe(true);
          expect([...first, ...rest].map((c) => c.id)).toEqual(whole.map((c) => c.id));
          // The first part ends where a document does: the rest starts in another one.
          if (first.length > 0 && rest.length > 0) expect(rest[0]!.documentId).not.toBe(first.at(-1)!.documentId);
          expect(listing.rest()).toEqual([]);
        }
      }),
      { numRuns: Number(process.env.GLOSS_FUZZ_RUNS ?? 200) },
    );
  });

  it('stops the first part once it has enough codings, or has looked at enough', () => {
    // Documents in name order: anna (d1), Anna (d2), Bea (d0)… two codings each.
    const specs = [0, 0, 1, 1, 2, 2, 3, 3].map((doc, i) => ({ doc, code: 'c1', start: i, length: 1, review: false }));
    const state = stateOf(specs, [...specs.keys()]);
    const listing = listingOfCodes(state, ['c1']);
    expect(listing.first(3, 100).map((c) => c.documentId)).toEqual(['d1', 'd1', 'd2', 'd2']);
    expect(listing.complete).toBe(false);
    expect(listing.first(100, 1).map((c) => c.documentId)).toEqual(['d0', 'd0']);
    expect(listing.rest().map((c) => c.documentId)).toEqual(['d3', 'd3']);
    expect(listingOfCodes(state, []).complete).toBe(true);
  });

  it('orders codings on the same words by id, from either part', () => {
    const specs = [0, 1, 2].map(() => ({ doc: 0, code: 'c1', start: 2, length: 2, review: false }));
    expect(codingsOfCodes(stateOf(specs, [2, 0, 1]), ['c1']).map((c) => c.id)).toEqual(['k000', 'k001', 'k002']);
    expect(listingOfCodes(stateOf(specs, [1, 2, 0]), ['c1']).first(1, 10).map((c) => c.id)).toEqual(['k000', 'k001', 'k002']);
  });
});

describe('excerptOf on the renderer’s index (documents without texts)', () => {
  const text = 'Nobody trained us on the new system at all, not even once, in all those years.';
  /** One document, its codings carrying quote and context as the operations make them. */
  function indexed(codings: { id: string; start: number; end: number; needsReview?: boolean; quoteFrom?: string }[]) {
    const file = projectFileSchema.parse({
      ...emptyProjectFile('P', now),
      coders: [{ id: 'u', name: 'Ana', color: '#000000' }],
      documents: [{ id: 'd', name: 'A', text, createdAt: now, source: null, attributes: {} }],
      codes: [{ id: 'c', name: 'training', color: '#123456', description: '', parentId: null, codable: true, createdAt: now }],
      codings: codings.map((c) => ({
        id: c.id, documentId: 'd', codeId: 'c', coderId: 'u', start: c.start, end: c.end,
        ...quoteAt(c.quoteFrom ?? text, c.start, c.end), createdAt: now, ...(c.needsReview ? { needsReview: true } : {}),
      })),
    });
    return { project: stateFromFile(file), index: stateFromIndex(projectIndex(file)) };
  }

  it('is pending, without words, when neither the text nor the coding’s words are at hand (the index carries none)', () => {
    const { index } = indexed([{ id: 'k', start: 7, end: 14 }]);
    const excerpt = excerptOf(index, index.codings.get('k')!);
    expect([excerpt.before, excerpt.text, excerpt.after, excerpt.pending]).toEqual(['', '', '', true]);
    expect(excerpt.documentName).toBe('A');
  });

  it('shows a coding to review by the words it carries until the text is here', () => {
    const older = 'Nobody learned us on the new system at all, not even once, in all those years.';
    const { index } = indexed([{ id: 'r', start: 7, end: 14, needsReview: true, quoteFrom: older }]);
    const excerpt = excerptOf(index, index.codings.get('r')!);
    expect([excerpt.before, excerpt.text, excerpt.pending]).toEqual(['Nobody ', 'learned', false]);
  });

  it('takes the text from textOf when given, the same excerpt the project itself gives', () => {
    const { project, index } = indexed([{ id: 'k', start: 44, end: 57 }]);
    const coding = index.codings.get('k')!;
    const fromText = excerptOf(index, coding, [], (id) => (id === 'd' ? text : undefined));
    expect({ ...fromText, coding: null }).toEqual({ ...excerptOf(project, project.codings.get('k')!), coding: null });
    expect(fromText.text).toBe('not even once');
    expect(fromText.coding).toBe(coding);
  });

  it('shows a coding to review with the words now at its offsets when the text is given, and lists it in order', () => {
    // Quote and context of an older text: the words at 7..14 were "learned".
    const older = 'Nobody learned us on the new system at all, not even once, in all those years.';
    const { project, index } = indexed([{ id: 'r', start: 7, end: 14, needsReview: true, quoteFrom: older }, { id: 'k', start: 0, end: 6 }]);
    const textOf = (id: string) => (id === 'd' ? text : undefined);
    const reviews = reviewExcerpts(index, null, textOf);
    expect(reviews.map((e) => [e.coding.id, e.text])).toEqual([['r', 'trained']]);
    expect(reviews).toEqual(reviewExcerpts(project));
    expect(documentExcerpts(index, index.documents.get('d')!, () => true, new Map(), textOf).map((e) => e.text)).toEqual(['Nobody', 'trained']);
  });

  it('gives, for any coding, the same excerpt from the index and a fetched text as from the project (property)', () => {
    const source = fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', '\n'), minLength: 1, maxLength: 120 });
    const span = (length: number) => fc.tuple(fc.nat({ max: length - 1 }), fc.integer({ min: 1, max: length })).map(([a, b]): [number, number] => (a < b ? [a, b] : [b - 1, b]));
    fc.assert(
      fc.property(source.chain((t) => fc.tuple(fc.constant(t), span(t.length))), ([t, [start, end]]) => {
        const file = projectFileSchema.parse({
          ...emptyProjectFile('P', now),
          coders: [{ id: 'u', name: 'Ana', color: '#000000' }],
          documents: [{ id: 'd', name: 'A', text: t, createdAt: now, source: null, attributes: {} }],
          codes: [{ id: 'c', name: 'c', color: '#123456', description: '', parentId: null, codable: true, createdAt: now }],
          codings: [{ id: 'k', documentId: 'd', codeId: 'c', coderId: 'u', start, end, ...quoteAt(t, start, end), createdAt: now }],
        });
        const index = stateFromIndex(projectIndex(file));
        const excerpt = excerptOf(index, index.codings.get('k')!, [], (id) => (id === 'd' ? t : undefined));
        expect(excerpt.text).toBe(t.slice(start, end));
        expect({ ...excerpt, coding: null }).toEqual({ ...excerptOf(stateFromFile(file), file.codings[0]!), coding: null });
        // The context shown is text that is there: before ends at the passage, after starts at it.
        expect(t.slice(0, start).endsWith(excerpt.before.replace(/^…/, ''))).toBe(true);
        expect(t.slice(end).startsWith(excerpt.after.replace(/…$/, ''))).toBe(true);
      }),
      { numRuns: Number(process.env.GLOSS_FUZZ_RUNS ?? 200) },
    );
  });
});
