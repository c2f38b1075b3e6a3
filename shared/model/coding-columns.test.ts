import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Coding, GlossDocument } from './schema';
import { emptyProjectFile, fileFromState, stateFromFile } from './state';
import { codingColumns, codingEntry, codingsFromColumns, wholeCoding, wordsOf } from './coding-columns';
import { indexFile, indexOfState, projectIndex, stateFromIndex } from './document-index';
import { quoteAt } from '../text/quote';

const RUNS = Number(process.env.GLOSS_FUZZ_RUNS ?? 100);

/** Texts with astral characters and line breaks, so offsets in UTF-16 units are exercised. */
const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', '\n', '😀', 'Z'), minLength: 1, maxLength: 150 });

const origin = fc.option(
  fc.oneof(
    fc.record({ kind: fc.constant('suggestion' as const), score: fc.double({ min: 0, max: 1, noNaN: true }), at: fc.constant('2026-01-01T00:00:00.000Z') }),
    fc.record({
      kind: fc.constant('autocode' as const),
      query: fc.record({ text: fc.string({ maxLength: 8 }), regex: fc.boolean(), caseSensitive: fc.boolean(), wholeWord: fc.boolean() }),
      scope: fc.constantFrom('match' as const, 'sentence' as const, 'paragraph' as const, 'speaker' as const),
      at: fc.constant('2026-01-01T00:00:00.000Z'),
    }),
  ),
  { nil: undefined },
);

/**
 * A random project: documents with texts, codings on them by a few coders and codes, some
 * needing review (with words of an older text), some with an origin, and some whose
 * document, code or coder is not in the project (a damaged file opens too).
 */
const project = fc
  .record({
    texts: fc.array(text, { minLength: 1, maxLength: 5 }),
    codings: fc.array(
      fc.record({
        doc: fc.nat(),
        dangling: fc.boolean(),
        code: fc.nat({ max: 3 }),
        coder: fc.nat({ max: 2 }),
        a: fc.nat(),
        b: fc.nat(),
        review: fc.option(fc.record({ quote: fc.string({ maxLength: 20 }), prefix: fc.string({ maxLength: 5 }), suffix: fc.string({ maxLength: 5 }) }), { freq: 4, nil: null }),
        origin,
        at: fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }),
      }),
      { maxLength: 40 },
    ),
  })
  .map(({ texts, codings }) => {
    const file = emptyProjectFile('P', '2026-01-01T00:00:00.000Z');
    file.documents = texts.map(
      (t, i): GlossDocument => ({ id: `d${i}`, name: `D${i}`, text: t, createdAt: 'x', source: null, attributes: {}, structure: [] }),
    );
    file.codings = codings.map((c, i): Coding => {
      const doc = file.documents[c.doc % texts.length]!;
      const start = c.a % doc.text.length;
      const end = start + 1 + (c.b % (doc.text.length - start));
      return {
        id: `k${i}`,
        documentId: c.dangling && i % 3 === 0 ? 'gone' : doc.id,
        codeId: c.dangling && i % 3 === 1 ? 'no-code' : `c${c.code}`,
        coderId: `u${c.coder}`,
        start,
        end,
        ...(c.review ?? quoteAt(doc.text, start, end)),
        createdAt: c.at.toISOString(),
        needsReview: c.review !== null,
        ...(c.origin ? { origin: c.origin } : {}),
      };
    });
    return file;
  });

/** What a snapshot becomes on the wire: JSON, as the browser host sends it (a structured clone in Electron keeps at least as much). */
const overTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('the compact form of a snapshot’s codings', () => {
  it('rebuilds exactly the codings the renderer held before, and with its document’s text each whole coding (property)', () => {
    fc.assert(
      fc.property(project, (file) => {
        const entries = codingsFromColumns(overTheWire(codingColumns(file.codings)));
        expect(entries).toEqual(file.codings.map(codingEntry));
        const texts = new Map(file.documents.map((d) => [d.id, d.text]));
        entries.forEach((entry, i) => {
          const original = file.codings[i]!;
          // A coding on a missing document has no text to rebuild its words from (none is fetched); every other one comes back whole.
          const textOfDoc = texts.get(entry.documentId);
          if (textOfDoc !== undefined) expect(wholeCoding(entry, textOfDoc)).toEqual(original);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('carries no quote or context except for the codings that need review (property)', () => {
    fc.assert(
      fc.property(project, (file) => {
        const columns = codingColumns(file.codings);
        const reviewRows = file.codings.flatMap((c, i) => (c.needsReview ? [i] : []));
        expect(columns.needsReview).toEqual(reviewRows);
        expect(columns.words.map(([row]) => row)).toEqual(reviewRows);
        // No other field holds words: every column is ids, positions, numbers or times.
        const { words: _words, origin: _origin, ...rest } = columns;
        expect(JSON.stringify(rest)).not.toMatch(/"(quote|prefix|suffix)"/);
        expect(columns.id).toHaveLength(file.codings.length);
      }),
      { numRuns: RUNS },
    );
  });

  it('gives a coding’s words from the text as it is, or its own when it needs review', () => {
    const t = 'Nobody trained us on the new system.';
    const entry = codingEntry({ id: 'k', documentId: 'd', codeId: 'c', coderId: 'u', start: 7, end: 14, ...quoteAt(t, 7, 14), createdAt: 'x', needsReview: false });
    expect(entry).not.toHaveProperty('quote');
    expect(wordsOf(entry, t)).toEqual({ quote: 'trained', prefix: 'Nobody ', suffix: ' us on the new system.' });
    const review = codingEntry({ ...entry, quote: 'learned', prefix: 'Nobody ', suffix: ' us', needsReview: true });
    expect(wordsOf(review, t).quote).toBe('learned');
  });
});

describe('a snapshot’s index', () => {
  it('is the same project in the renderer as before, documents and codings as entries, and much smaller', () => {
    const file = emptyProjectFile('Study', 't');
    const long = 'We were never told which form to use, so we filled in both and waited. '.repeat(20);
    file.documents.push({ id: 'd1', name: 'A', text: long, createdAt: 't', source: null, attributes: {}, structure: [] });
    for (let i = 0; i < 50; i++) {
      const start = i * 20;
      file.codings.push({ id: `k${i}`, documentId: 'd1', codeId: 'c', coderId: 'u', start, end: start + 300, ...quoteAt(long, start, start + 300), createdAt: 't', needsReview: false });
    }
    const state = stateFromFile(file);
    const index = overTheWire(indexOfState(state));
    expect(fileFromState(stateFromIndex(index))).toEqual(indexFile(fileFromState(state)));
    const wire = JSON.stringify(index);
    expect(wire).not.toContain('filled in both');
    expect(wire.length).toBeLessThan(JSON.stringify(fileFromState(state)).length / 5);
    expect(projectIndex(file).codings.id).toHaveLength(50);
  });
});
