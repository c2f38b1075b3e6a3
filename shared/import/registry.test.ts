import { describe, expect, it } from 'vitest';
import { refusal } from './fixtures/inspect';
import { MAX_TEXT_LENGTH } from './limits';
import { IMPORTERS, SUPPORTED_EXTENSIONS, importerFor } from './registry';

describe('importer registry', () => {
  it('chooses an importer by extension, case-insensitively', () => {
    expect(SUPPORTED_EXTENSIONS).toEqual(
      expect.arrayContaining(['.txt', '.md', '.docx', '.pdf', '.html', '.htm', '.xhtml', '.odt', '.epub', '.rtf', '.srt', '.vtt']),
    );
    expect(importerFor('Report.PDF')?.extensions).toContain('.pdf');
    expect(importerFor('folder.v2/notes')).toBeUndefined();
  });

  it('names on each line the extensions and label its module declares', async () => {
    for (const entry of IMPORTERS) {
      const module = await entry.load();
      expect({ extensions: entry.extensions, label: entry.label }).toEqual({ extensions: module.extensions, label: module.label });
      expect(await entry.load()).toBe(module); // loaded once
    }
  });

  it('reads through the module it loads', async () => {
    const read = await importerFor('notes.md')!.read(new TextEncoder().encode('# Notes\r\nline'), 'notes.md');
    expect(read).toEqual({ ok: true, value: expect.objectContaining({ text: '# Notes\nline' }) });
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
