/** What the loader refuses whole: duplicate ids; and what it must keep whatever its spelling: record keys. */
import { describe, expect, it } from 'vitest';
import { parseProjectText } from './parse';
import { serializeProject } from './serialize';
import { fileFromState, stateFromFile } from './state';
import { smallProject } from './fixtures/small-project';

describe('duplicate ids', () => {
  it('refuses two documents with one id, naming the id, the table and both entries', () => {
    const file = smallProject();
    // The coding g1 is on d1's emoji; a second "d1" with other text would take its place on save.
    file.documents.push({ ...file.documents[1]!, id: 'd1', name: 'Impostor' });
    expect(parseProjectText(JSON.stringify(file))).toEqual({ ok: false, error: 'duplicate id d1 in documents, entries 0 and 2' });
  });

  it('refuses a repeated id in every table', () => {
    for (const table of ['coders', 'documents', 'codes', 'codings', 'memos', 'cases', 'variables', 'sets'] as const) {
      const file = smallProject();
      const rows = file[table] as { id: string }[];
      rows.push({ ...rows[0]! });
      const parsed = parseProjectText(JSON.stringify(file));
      expect(parsed.ok, table).toBe(false);
      expect(!parsed.ok && parsed.error).toBe(`duplicate id ${rows[0]!.id} in ${table}, entries 0 and ${rows.length - 1}`);
    }
  });

  it('lists each repeated id once, with all its entries', () => {
    const file = smallProject();
    file.codes.push({ ...file.codes[0]!, name: 'y' }, { ...file.codes[0]!, name: 'z' });
    file.coders.push({ ...file.coders[0]! });
    const parsed = parseProjectText(JSON.stringify(file));
    expect(!parsed.ok && parsed.error).toBe('duplicate id c1 in coders, entries 0 and 1; duplicate id k1 in codes, entries 0, 1 and 2');
  });

  it('lets the same id stand in two different tables (ids are per table)', () => {
    const file = smallProject();
    file.codes[0]!.id = 'd1';
    file.codings[0]!.codeId = 'd1';
    expect(parseProjectText(JSON.stringify(file)).ok).toBe(true);
  });
});

describe('record keys of any spelling', () => {
  const tricky = ['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf'];

  it('keeps attribute and case-value keys like __proto__ through load → save → load', () => {
    const file = smallProject();
    const text = JSON.stringify(file).replace('"attributes":{"v1":"north"}', `"attributes":{${tricky.map((k, i) => `"${k}":${i}`).join(',')},"v1":"north"}`)
      .replace('"values":{"v1":"north"}', '"values":{"__proto__":"p","constructor":true}');
    const first = parseProjectText(text);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const doc = first.value.documents[0]!;
    expect(Object.keys(doc.attributes).sort()).toEqual([...tricky, 'v1'].sort());
    expect(Object.getOwnPropertyDescriptor(doc.attributes, '__proto__')?.value).toBe(0);
    expect(Object.getPrototypeOf(doc.attributes)).toBe(Object.prototype);
    const saved = serializeProject(fileFromState(stateFromFile(first.value)));
    expect(saved).toContain('"__proto__":0');
    expect(saved).toContain('"values":{"__proto__":"p","constructor":true}');
    const second = parseProjectText(saved);
    expect(second.ok && serializeProject(second.value)).toBe(saved);
  });
});
