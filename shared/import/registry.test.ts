import { describe, expect, it } from 'vitest';
import { refusal } from './fixtures/inspect';
import { MAX_TEXT_LENGTH } from './limits';
import { SUPPORTED_EXTENSIONS, importerFor } from './registry';

describe('importer registry', () => {
  it('chooses an importer by extension, case-insensitively', () => {
    expect(SUPPORTED_EXTENSIONS).toEqual(
      expect.arrayContaining(['.txt', '.md', '.docx', '.pdf', '.html', '.htm', '.xhtml', '.odt', '.epub', '.rtf', '.srt', '.vtt']),
    );
    expect(importerFor('Report.PDF')?.extensions).toContain('.pdf');
    expect(importerFor('folder.v2/notes')).toBeUndefined();
  });

  it('refuses a document of over 20 MB of text with a clear message', async () => {
    const bytes = new Uint8Array(MAX_TEXT_LENGTH + 1).fill(0x61);
    expect(await refusal(bytes, 'corpus.txt')).toBe(
      'it holds over 20 MB of text, more than one Gloss document can hold; split it into smaller files',
    );
  });

  it('refuses files with no text at all', async () => {
    expect(await refusal(new TextEncoder().encode(' \n\t\n'), 'blank.txt')).toBe('it holds no text');
    expect(await refusal(new TextEncoder().encode('{\\rtf1 {\\info{\\title only metadata}}}'), 'blank.rtf')).toBe('it holds no text');
  });
});
