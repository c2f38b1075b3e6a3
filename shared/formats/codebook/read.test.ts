import { describe, expect, it } from 'vitest';
import { codebookRefusalBeforeReading, readCodebook } from './read';

describe('readCodebook before reading', () => {
  it('refuses from the name, size and first bytes alone', () => {
    expect(codebookRefusalBeforeReading('codes.xlsx', 10, new Uint8Array(0))).toMatch(/^codes\.xlsx: Gloss imports codebooks from REFI-QDA \.qdc files and codebook \.csv files, not \.xlsx files/);
    expect(codebookRefusalBeforeReading('codes.qdc', 100 * 1024 * 1024, new Uint8Array(0))).toBe(
      'codes.qdc: it is 100 MB, far more than a codebook holds (Gloss reads codebooks up to 64 MB); is it the right file? Nothing was imported.',
    );
    expect(codebookRefusalBeforeReading('codes.csv', 100, Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0]))).toBe(
      'codes.csv: it looks like a binary file, not text; nothing was imported.',
    );
    expect(codebookRefusalBeforeReading('codes.csv', 0, new Uint8Array(0))).toBe('codes.csv: the file is empty; nothing was imported.');
    expect(codebookRefusalBeforeReading('codes.csv', 9, new TextEncoder().encode('code,code_path'))).toBeNull();
  });

  it('reading the bytes refuses the same way', () => {
    expect(readCodebook(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0]), 'codes.csv')).toEqual({
      ok: false,
      error: 'codes.csv: it looks like a binary file, not text; nothing was imported.',
    });
  });
});

describe('codebooks nested too deeply', () => {
  it('refuses a CSV code path of 1,000 levels in words, instead of overflowing the stack', () => {
    const path = Array.from({ length: 1000 }, (_, i) => `c${i}`).join(' > ');
    expect(readCodebook(new TextEncoder().encode(`code,code_path\nc999,${path}\n`), 'deep.csv')).toEqual({
      ok: false,
      error: 'deep.csv: the code “c0 > c1 > … > c999” is nested 1,000 levels deep; Gloss reads code trees up to 100 levels; nothing was imported.',
    });
  });

  it('refuses a .qdc code tree deeper than that too, and reads one as deep as the limit', () => {
    const nest = (depth: number) =>
      `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${'<Code name="c" isCodable="true">'.repeat(depth)}${'</Code>'.repeat(depth)}</Codes></CodeBook>`;
    expect(readCodebook(new TextEncoder().encode(nest(100)), 'deep.qdc').ok).toBe(true);
    expect(readCodebook(new TextEncoder().encode(nest(101)), 'deep.qdc')).toEqual({
      ok: false,
      error: 'deep.qdc: the code “c > c > … > c” is nested 101 levels deep; Gloss reads code trees up to 100 levels; nothing was imported.',
    });
  });
});

describe('codebook names too long', () => {
  it('says a name is too long in words, not in the schema’s (found by the fuzzer)', () => {
    const long = 'x'.repeat(600);
    expect(readCodebook(new TextEncoder().encode(`code,code_path\n${long},${long}\n`), 'long.csv')).toEqual({
      ok: false,
      error: `long.csv: “${'x'.repeat(60)}”: the name is longer than 500 characters; nothing was imported.`,
    });
  });
});
