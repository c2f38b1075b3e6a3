import { describe, expect, it } from 'vitest';
import { parseProjectText } from '../../shared/model/parse';
import { serializeProject } from '../../shared/model/serialize';
import { fileFromState, stateFromFile } from '../../shared/model/state';
import { CONTEXT_LENGTH } from '../../shared/text/quote';
import { excerptRows, excerptsCsv, EXCERPTS_HEADER } from '../../shared/export/csv-excerpts';
import { toCsv } from '../../shared/export/csv';
import { syntheticProject, type SyntheticOptions } from './synthetic-project';

const SMALL: SyntheticOptions = { documents: 5, characters: 20_000, codings: 50, codes: 12, memos: 4, seed: 7 };

describe('syntheticProject', () => {
  it('passes the project schema and reference checks when written and read back', () => {
    const file = syntheticProject(SMALL);
    const parsed = parseProjectText(serializeProject(file));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.value.documents).toHaveLength(5);
    expect(parsed.value.codings).toHaveLength(50);
    expect(parsed.value.codes).toHaveLength(12);
    expect(parsed.value.memos).toHaveLength(4);
    expect(parsed.value.documents.reduce((sum, d) => sum + d.text.length, 0)).toBe(20_000);
  });

  it('stores for every coding the quote and context of its document at its offsets', () => {
    const file = syntheticProject(SMALL);
    const texts = new Map(file.documents.map((d) => [d.id, d.text]));
    for (const coding of file.codings) {
      const text = texts.get(coding.documentId)!;
      expect(coding.end).toBeGreaterThan(coding.start);
      expect(coding.end).toBeLessThanOrEqual(text.length);
      expect(coding.quote).toBe(text.slice(coding.start, coding.end));
      expect(coding.prefix).toBe(text.slice(Math.max(0, coding.start - CONTEXT_LENGTH), coding.start));
      expect(coding.suffix).toBe(text.slice(coding.end, coding.end + CONTEXT_LENGTH));
    }
    expect(new Set(file.codings.map((c) => c.coderId)).size).toBe(2);
  });

  it('builds a two-level codebook and paragraphs separated by line breaks', () => {
    const file = syntheticProject(SMALL);
    const ids = new Set(file.codes.map((c) => c.id));
    const top = file.codes.filter((c) => c.parentId === null);
    expect(top.length).toBeGreaterThan(0);
    for (const code of file.codes) {
      if (code.parentId === null) continue;
      expect(ids.has(code.parentId)).toBe(true);
      expect(top.some((t) => t.id === code.parentId)).toBe(true);
    }
    expect(file.documents[0]!.text).toContain('\n');
  });

  it('is reproducible from its seed and already in the order the service saves', () => {
    const a = serializeProject(syntheticProject(SMALL));
    expect(serializeProject(syntheticProject(SMALL))).toBe(a);
    expect(serializeProject(syntheticProject({ ...SMALL, seed: 8 }))).not.toBe(a);
    // A save of the loaded project rewrites the same bytes, so the save bench compares like with like.
    expect(serializeProject(fileFromState(stateFromFile(syntheticProject(SMALL))))).toBe(a);
  });

  it('gives the excerpts CSV the bench measures the same text as the generic CSV writer', () => {
    const state = stateFromFile(syntheticProject({ ...SMALL, codings: 400, memos: 40 }));
    expect(excerptsCsv(state)).toBe(toCsv(EXCERPTS_HEADER, excerptRows(state)));
    expect(excerptsCsv(state, undefined, { raw: true })).toBe(toCsv(EXCERPTS_HEADER, excerptRows(state), { raw: true }));
  });
});
