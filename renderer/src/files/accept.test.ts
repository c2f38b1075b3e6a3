import { describe, expect, it } from 'vitest';
import { SUPPORTED_EXTENSIONS } from '../../../shared/import/registry';
import { IMPORT_EXTENSIONS, IMPORT_FORMATS_TEXT } from './accept';
import { acceptFor } from './choose';

describe('the Import button’s file types', () => {
  it('are exactly the extensions the importers read', () => {
    expect([...IMPORT_EXTENSIONS].sort()).toEqual([...SUPPORTED_EXTENSIONS].sort());
    expect(acceptFor('documents').split(',')).toEqual(expect.arrayContaining(['.docx', '.pdf', '.srt', '.vtt', '.htm']));
  });

  it('name every importer’s main extension in the hint', () => {
    for (const ext of SUPPORTED_EXTENSIONS.filter((e) => !['.markdown', '.text', '.htm', '.xhtml'].includes(e))) {
      expect(IMPORT_FORMATS_TEXT).toContain(ext);
    }
  });
});
