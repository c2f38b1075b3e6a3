import { describe, expect, it } from 'vitest';
import { emptyProjectFile, stateFromFile } from '../model/state';
import type { z } from 'zod';
import { projectFileSchema, type ProjectFile } from '../model/schema';
import { excerptsFor } from './excerpts';

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
