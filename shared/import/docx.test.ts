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

  it('refuses a DOCX whose many parts, each under the per-entry floor, would inflate far past its size', async () => {
    const parts: Record<string, Uint8Array | string> = { ...unzipSync(makeDocx()) };
    for (let i = 0; i < 20; i++) parts[`word/filler${i}.xml`] = new Uint8Array(1024 * 1024 - 1);
    expect(await refusal(makeZip(parts), 'bomb.docx')).toMatch(/^its \d+ entries would inflate to 20 MB from \d+ KB, \d+ times what the archive holds; real documents never compress that well \(a ZIP bomb\?\)$/);
  });

  it('reads a document whose picture is damaged: pictures are never unpacked, only text parts', async () => {
    const parts: Record<string, Uint8Array | string> = { ...unzipSync(makeDocx()) };
    const document = new TextDecoder().decode(parts['word/document.xml'] as Uint8Array);
    const picture =
      '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="Photo" descr="the depot"/>' +
      '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
      '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip r:embed="rIdPhoto"/></pic:blipFill></pic:pic>' +
      '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>';
    parts['word/document.xml'] = document.replace('<w:sectPr/>', `${picture}<w:sectPr/>`);
    parts['word/_rels/document.xml.rels'] = new TextDecoder()
      .decode(parts['word/_rels/document.xml.rels'] as Uint8Array)
      .replace('</Relationships>', '<Relationship Id="rIdPhoto" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/photo.png"/></Relationships>');
    parts['word/media/photo.png'] = new Uint8Array(64 * 1024).fill(7);
    const zip = makeZip(parts);
    // Break the picture's deflate stream: its first block now has the invalid block type 3.
    const name = new TextEncoder().encode('word/media/photo.png');
    const view = new DataView(zip.buffer);
    for (let i = 0; i + 30 < zip.length; i++) {
      if (view.getUint32(i, true) !== 0x04034b50 || view.getUint16(i + 26, true) !== name.length) continue;
      if (!name.every((b, k) => zip[i + 30 + k] === b)) continue;
      zip[i + 30 + name.length + view.getUint16(i + 28, true)] = 0x07;
    }
    expect(() => unzipSync(zip)).toThrow();
    const doc = await imported(zip, 'photo.docx');
    expect(doc.text).toBe(DOCX_BODY);
  });

  it('says a part nested too deeply is, before mammoth walks it', async () => {
    const parts: Record<string, Uint8Array | string> = { ...unzipSync(makeDocx()) };
    const deep = `<w:p>${'<w:ins>'.repeat(20_000)}<w:r><w:t>deep</w:t></w:r>${'</w:ins>'.repeat(20_000)}</w:p>`;
    parts['word/document.xml'] = new TextDecoder().decode(parts['word/document.xml'] as Uint8Array).replace('<w:sectPr/>', `${deep}<w:sectPr/>`);
    expect(await refusal(makeZip(parts), 'deep.docx')).toBe('its part word/document.xml is nested too deeply (20,005 levels; Gloss reads up to 256)');
  });

  it('lists the footnotes and comments it left out in the import report', async () => {
    expect((await imported(makeDocx(), 'interview.docx')).notes).toEqual(['left out of the text: 1 footnote and 1 comment']);
  });

  it('names a broken XML part in its own words, not the XML reader’s noise (found by the fuzzer)', async () => {
    const parts: Record<string, Uint8Array | string> = { ...unzipSync(makeDocx()) };
    parts['word/styles.xml'] = new TextDecoder().decode(parts['word/styles.xml'] as Uint8Array).replace('w:styleId="Normal"', 'w:styleId="Normal');
    expect(await refusal(makeZip(parts), 'broken.docx')).toMatch(/^its part word\/styles\.xml is not well-formed XML \(line \d+, column \d+: [^@]+\)$/);
  });
});
