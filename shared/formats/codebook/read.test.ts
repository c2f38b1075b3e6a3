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
