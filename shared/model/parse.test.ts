import { describe, expect, it } from 'vitest';
import { parseProjectText, jsonPath } from './parse';
import { migrate } from './migrate';
import { serializeProject } from './serialize';
import { emptyProjectFile, fileFromState, stateFromFile } from './state';
import type { ProjectFile } from './schema';

function sample(): ProjectFile {
  const file = emptyProjectFile('Interviews', '2026-01-01T00:00:00.000Z');
  file.coders.push({ id: 'c1', name: 'Ana', color: '#112233' });
  file.documents.push({ id: 'd2', name: 'B', text: 'beta text', createdAt: 't', source: null, attributes: {}, structure: [] });
  file.documents.push({ id: 'd1', name: 'A', text: 'alpha 😀 text', createdAt: 't', source: null, attributes: {}, structure: [] });
  file.codes.push({ id: 'k1', name: 'x', color: '#aabbcc', description: '', parentId: null, codable: true, createdAt: 't' });
  file.codings.push({ id: 'g1', documentId: 'd1', codeId: 'k1', coderId: 'c1', start: 6, end: 8, quote: '😀', prefix: 'alpha ', suffix: ' text', createdAt: 't', needsReview: false });
  return file;
}

describe('serialisation', () => {
  it('is deterministic: parse → state → file → text gives back the same bytes', () => {
    const text = serializeProject(fileFromState(stateFromFile(sample())));
    const parsed = parseProjectText(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(serializeProject(fileFromState(stateFromFile(parsed.value)))).toBe(text);
    // entities sorted by id, one per line
    expect(text.indexOf('"id":"d1"')).toBeLessThan(text.indexOf('"id":"d2"'));
    expect(text.split('\n').filter((l) => l.startsWith('{"id":"d'))).toHaveLength(2);
  });

  it('writes keys in schema order whatever order the file had them in', () => {
    const file = sample();
    const shuffled = { ...file, codes: [{ createdAt: 't', codable: true, parentId: null, description: '', color: '#aabbcc', name: 'x', id: 'k1' }] };
    const parsed = parseProjectText(JSON.stringify(shuffled));
    expect(parsed.ok && JSON.stringify(parsed.value.codes[0])).toBe(
      '{"id":"k1","name":"x","color":"#aabbcc","description":"","parentId":null,"codable":true,"createdAt":"t"}',
    );
  });
});

describe('parseProjectText', () => {
  it('names the first problem with its path', () => {
    const bad = JSON.parse(JSON.stringify(sample()));
    bad.codings[0].end = 'eight';
    const result = parseProjectText(JSON.stringify(bad));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^codings\[0\]\.end: /);
  });

  it('catches references that do not resolve and offsets past the text', () => {
    const dangling = sample();
    dangling.codings[0]!.codeId = 'missing';
    expect(parseProjectText(JSON.stringify(dangling))).toEqual({ ok: false, error: 'codings[0].codeId: no code has id missing' });
    const past = sample();
    past.codings[0]!.end = 999;
    expect(parseProjectText(JSON.stringify(past))).toEqual({
      ok: false,
      error: 'codings[0].end: 999 is past the end of its document (13 characters)',
    });
  });

  it('refuses what is not a Gloss project', () => {
    expect(parseProjectText('[1,2]')).toEqual({ ok: false, error: 'it is not a Gloss project (the top level is not an object)' });
    expect(parseProjectText('{"format":"other"}')).toEqual({
      ok: false,
      error: 'it is not a Gloss project (format is "other", expected "gloss-project")',
    });
    const notJson = parseProjectText('{"format":');
    expect(!notJson.ok && notJson.error).toMatch(/^it is not valid JSON/);
  });

  it('formats JSON paths', () => {
    expect(jsonPath(['codings', 3, 'quote'])).toBe('codings[3].quote');
    expect(jsonPath([])).toBe('(top level)');
  });
});

describe('migrate', () => {
  it('runs each step from an old version up to the current one', () => {
    const steps = {
      1: (f: Record<string, unknown>) => ({ ...f, renamed: f.old }),
      2: (f: Record<string, unknown>) => ({ ...f, twice: true }),
    };
    expect(migrate({ version: 1, old: 'v' }, steps, 3)).toEqual({ ok: true, value: { version: 3, old: 'v', renamed: 'v', twice: true } });
    expect(migrate({ version: 4 }, steps, 3).ok).toBe(false);
    expect(migrate({ version: 'x' }, steps, 3)).toEqual({ ok: false, error: 'version: expected a whole number of at least 1' });
  });
});

describe('code hierarchy', () => {
  const code = (id: string, parentId: string | null) => ({ id, name: id, color: '#aabbcc', description: '', parentId, codable: true, createdAt: 't' });

  it('refuses codes whose parents form a loop, naming the code', () => {
    const file = sample();
    file.codes.push(code('k2', 'k3'), code('k3', 'k4'), code('k4', 'k2'));
    const parsed = parseProjectText(JSON.stringify(file));
    expect(parsed).toEqual({ ok: false, error: 'codes[1].parentId: its chain of parent codes runs in a loop' });
  });

  it('refuses a code that is its own parent', () => {
    const file = sample();
    file.codes[0]!.parentId = 'k1';
    expect(parseProjectText(JSON.stringify(file)).ok).toBe(false);
  });

  it('accepts a deep chain that ends at the top', () => {
    const file = sample();
    for (let i = 2; i < 50; i++) file.codes.push(code(`k${i}`, `k${i - 1}`));
    expect(parseProjectText(JSON.stringify(file)).ok).toBe(true);
  });
});
