import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyChange, emptyProjectFile, fileFromState, stateFromFile, type Change } from './state';
import { contentKey, documentContent, documentEntry, indexChange, indexFile, indexOfState, projectIndex, stateFromIndex, textLengthOf } from './document-index';
import { documentSchema, type GlossDocument, type StructureRange } from './schema';

const runs = Number(process.env.GLOSS_FUZZ_RUNS ?? 200);

function doc(id: string, text: string, structure: StructureRange[] = []): GlossDocument {
  return documentSchema.parse({ id, name: `Doc ${id}`, text, createdAt: 't', source: null, attributes: {}, structure });
}

describe('content keys', () => {
  it('are equal for the same text and structure, and differ for an edit of one character or of the structure', () => {
    const text = 'Interviewer: What went wrong?\nSarah: We received no training.';
    const speaker: StructureRange = { kind: 'speaker', start: 30, end: 35, label: 'Sarah' };
    expect(contentKey(text, [])).toBe(contentKey(`${text}`, []));
    expect(contentKey(text, [])).not.toBe(contentKey(text.replace('received', 'recieved'), []));
    expect(contentKey(text, [])).not.toBe(contentKey(text, [speaker]));
    expect(contentKey(text, [speaker])).not.toBe(contentKey(text, [{ ...speaker, label: '[P1]' }]));
    // A text and a text plus a structure spelt into it are told apart.
    expect(contentKey('ab', [speaker])).not.toBe(contentKey(`ab\u0000${JSON.stringify([speaker])}`, []));
  });

  it('differ for different texts (property: random texts, and texts one edit apart)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }), (a, b) => {
        fc.pre(a !== b);
        expect(contentKey(a, [])).not.toBe(contentKey(b, []));
      }),
      { numRuns: runs },
    );
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300 }), fc.nat(), fc.integer({ min: 0, max: 0xffff }), (text, at, unit) => {
        const i = at % text.length;
        fc.pre(text.charCodeAt(i) !== unit);
        const edited = text.slice(0, i) + String.fromCharCode(unit) + text.slice(i + 1);
        expect(contentKey(edited, [])).not.toBe(contentKey(text, []));
      }),
      { numRuns: runs },
    );
  });
});

describe('index entries', () => {
  it('carry everything but the text and structure, with the text’s length and key', () => {
    const d = doc('d1', 'We never had training.', [{ kind: 'paragraph', start: 0, end: 22 }]);
    const entry = documentEntry(d);
    expect(entry).toEqual({ id: 'd1', name: 'Doc d1', createdAt: 't', source: null, attributes: {}, textLength: 22, contentKey: contentKey(d.text, d.structure) });
    expect(textLengthOf(entry)).toBe(22);
    expect(textLengthOf(d)).toBe(22);
    // Computed once per document object.
    expect(documentEntry(d)).toBe(entry);
    expect(documentContent(d)).toEqual({ id: 'd1', contentKey: entry.contentKey, text: d.text, structure: d.structure });
  });

  it('of a live project are the index of its file', () => {
    const file = emptyProjectFile('Study', 't');
    file.documents.push(doc('d2', 'Second.'), doc('d1', 'First.'));
    file.codes.push({ id: 'c1', name: 'training', color: '#000000', description: '', parentId: null, codable: true, createdAt: 't' });
    const state = stateFromFile(file);
    const index = indexOfState(state);
    expect(JSON.stringify(index)).not.toContain('First.');
    expect(fileFromState(stateFromIndex(index))).toEqual(indexFile(fileFromState(state)));
  });
});

describe('indexChange, the one place texts are stripped from a Change', () => {
  it('turns every document put into its entry and leaves every other patch as it is', () => {
    const added = doc('d9', 'A long transcript nobody needs twice.');
    const change: Change = {
      patches: [
        { table: 'documents', op: 'put', value: added },
        { table: 'codes', op: 'put', value: { id: 'c1', name: 'x', color: '#000000', description: '', parentId: null, codable: true, createdAt: 't' } },
        { table: 'documents', op: 'del', id: 'd1' },
        { table: 'project', op: 'put', value: { name: 'P', description: '', createdAt: 't', modifiedAt: 't' } },
      ],
    };
    const stripped = indexChange(change);
    expect(JSON.stringify(stripped)).not.toContain('nobody needs');
    expect(stripped.patches[0]).toEqual({ table: 'documents', op: 'put', value: documentEntry(added) });
    expect(stripped.patches.slice(1)).toEqual(change.patches.slice(1));
    expect(stripped.patches[1]).toBe(change.patches[1]);
  });

  it('returns a Change without document puts as it is', () => {
    const change: Change = { patches: [{ table: 'codings', op: 'del', id: 'k1' }] };
    expect(indexChange(change)).toBe(change);
  });

  it('keeps the mirror equal to the project’s index when both apply the same Changes', () => {
    const file = emptyProjectFile('Study', 't');
    file.documents.push(doc('d1', 'First text.'));
    const project = stateFromFile(file);
    const mirror = stateFromIndex(projectIndex(file));
    const changes: Change[] = [
      { patches: [{ table: 'documents', op: 'put', value: doc('d1', 'First text, edited.') }] },
      { patches: [{ table: 'documents', op: 'put', value: doc('d2', 'Second.') }] },
      { patches: [{ table: 'documents', op: 'del', id: 'd1' }] },
    ];
    for (const change of changes) {
      applyChange(project, change);
      applyChange(mirror, indexChange(change));
      expect(fileFromState(mirror)).toEqual(indexFile(fileFromState(project)));
    }
  });
});
