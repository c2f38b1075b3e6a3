import { describe, expect, it } from 'vitest';
import { emptyProjectFile, stateFromFile } from '../../../shared/model/state';
import type { ProjectFile } from '../../../shared/model/schema';
import { excerptsFor } from './excerpts';

const now = '2024-01-01T00:00:00.000Z';

function project(): ProjectFile {
  const file = emptyProjectFile('Test', now);
  const text = 'To be honest with you, we never had any training on this. Nobody told us how the new system worked, so we guessed.';
  file.documents.push(
    { id: 'd2', name: 'B interview', text: 'Short.', createdAt: now, source: null, attributes: {} },
    { id: 'd1', name: 'A interview', text, createdAt: now, source: null, attributes: {} },
  );
  file.coders.push({ id: 'u', name: 'Ana', color: '#000000' });
  file.codes.push(
    { id: 'c1', name: 'training gaps', color: '#e69f00', description: '', parentId: null, codable: true, createdAt: now },
    { id: 'c2', name: 'other', color: '#56b4e9', description: '', parentId: null, codable: true, createdAt: now },
  );
  const start = text.indexOf('Nobody');
  const end = text.indexOf(', so');
  file.codings.push(
    { id: 'k1', documentId: 'd1', codeId: 'c1', coderId: 'u', start, end, quote: text.slice(start, end), prefix: '', suffix: '', createdAt: now },
    { id: 'k2', documentId: 'd2', codeId: 'c1', coderId: 'u', start: 0, end: 5, quote: 'Short', prefix: '', suffix: '', createdAt: now },
    { id: 'k3', documentId: 'd1', codeId: 'c2', coderId: 'u', start: 0, end: 2, quote: 'To', prefix: '', suffix: '', createdAt: now },
  );
  file.memos.push({ id: 'm', target: { kind: 'coding', id: 'k1' }, title: 'Note', text: 'systemic', coderId: 'u', createdAt: now, modifiedAt: now });
  return file;
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
