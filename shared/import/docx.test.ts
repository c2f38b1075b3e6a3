import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DOCX_TYPE } from './docx';
import { imported, rangesOf, refusal } from './fixtures/inspect';
import { DOCX_BODY, makeDocx, makeZip } from './fixtures/make-documents';

describe('DOCX import', () => {
  it('reads headings, paragraphs, list items and table cells as text in order', async () => {
    const doc = await imported(makeDocx(), 'interview.docx');
    expect(doc.type).toBe(DOCX_TYPE);
    expect(doc.text).toBe(DOCX_BODY);
  });

  it('keeps footnotes, comments and their reference marks out of the body', async () => {
    const { text } = await imported(makeDocx(), 'interview.docx');
    // The fixture really holds them, so their absence is the importer's doing.
    const parts = unzipSync(makeDocx());
    expect(new TextDecoder().decode(parts['word/footnotes.xml'])).toContain('Recorded in March');
    expect(new TextDecoder().decode(parts['word/comments.xml'])).toContain('Check this claim');
    for (const outside of ['Recorded in March', 'Check this claim', '[1]', '[A1]', '↑']) expect(text).not.toContain(outside);
  });

  it('records the structure as ranges over the plain text', async () => {
    const doc = await imported(makeDocx(), 'interview.docx');
    expect(rangesOf(doc, 'heading')).toEqual([
      { kind: 'heading', text: 'Interview with Anna', level: 1 },
      { kind: 'heading', text: 'Findings', level: 2 },
    ]);
    expect(rangesOf(doc, 'list-item')).toEqual([
      { kind: 'list-item', text: 'Training gaps', level: 1 },
      { kind: 'list-item', text: 'Data sharing', level: 1 },
    ]);
    expect(rangesOf(doc, 'table-cell').map((r) => `${r.label}=${r.text}`)).toEqual(['r1c1=Region', 'r1c2=Cases', 'r2c1=North', 'r2c2=12']);
    expect(rangesOf(doc, 'paragraph').map((r) => r.text)).toContain('We talked about training.');
  });

  it('refuses a part that declares a DOCTYPE', async () => {
    const parts = unzipSync(makeDocx());
    const bomb = '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>';
    const withDoctype: Record<string, Uint8Array | string> = { ...parts };
    withDoctype['word/document.xml'] = new TextDecoder().decode(parts['word/document.xml']).replace(/^<\?xml[^>]*\?>/, bomb);
    expect(await refusal(makeZip(withDoctype), 'bomb.docx')).toBe(
      'its part word/document.xml declares a DOCTYPE or entities, which Gloss refuses to read',
    );
  });

  it('says a password-protected document cannot be read', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await refusal(ole, 'locked.docx')).toMatch(/^it is password-protected or an old Word \(\.doc\) file/);
  });

  it('refuses files that are not Word documents', async () => {
    expect(await refusal(new TextEncoder().encode('plain text, renamed'), 'notes.docx')).toBe(
      'it is not a valid DOCX file (its ZIP container is damaged or it is another kind of file)',
    );
    expect(await refusal(makeZip({ 'readme.txt': 'hello' }), 'archive.docx')).toBe('it is not a Word document (the archive is not an Office file)');
    const noBody = makeZip({ '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' });
    expect(await refusal(noBody, 'hollow.docx')).toMatch(/^it is not a Word document Gloss can read \(.+\)$/);
  });
});
