import { describe, expect, it } from 'vitest';
import { imported, rangesOf, refusal } from './fixtures/inspect';
import { makeEpub, type EpubChapter } from './fixtures/make-documents';

const BOOK: EpubChapter[] = [
  { id: 'nav', href: 'nav.xhtml', body: '<nav epub:type="toc"><ol><li><a href="text/ch1.xhtml">Chapter 1</a></li></ol></nav>', nav: true },
  {
    id: 'c1',
    href: 'text/ch1.xhtml',
    body:
      '<h1>Chapter 1</h1><p>It began<a epub:type="noteref" href="#n1">1</a> in spring&#160;2019.</p>' +
      '<aside epub:type="footnote" id="n1"><p>A footnote.</p></aside><div/><p>Second paragraph.</p>',
  },
  { id: 'c2', href: 'text/ch%202.xhtml', body: '<h2>Chapter 2</h2><ul><li>Ended.</li></ul>' },
  { id: 'notes', href: 'notes.xhtml', body: '<p>Endnotes page</p>', linear: false },
];

describe('EPUB import', () => {
  it('reads the chapters in spine order, without the navigation, notes or auxiliary pages', async () => {
    const doc = await imported(makeEpub(BOOK), 'book.epub');
    expect(doc.type).toBe('application/epub+zip');
    expect(doc.text).toBe('Chapter 1\n\nIt began in spring 2019.\n\nSecond paragraph.\n\nChapter 2\n\nEnded.');
    expect(rangesOf(doc, 'heading')).toEqual([
      { kind: 'heading', text: 'Chapter 1', level: 1 },
      { kind: 'heading', text: 'Chapter 2', level: 2 },
    ]);
    expect(rangesOf(doc, 'list-item')).toEqual([{ kind: 'list-item', text: 'Ended.', level: 1 }]);
  });

  it('refuses an archive with an entry that climbs out of it (zip slip)', async () => {
    const evil = makeEpub(BOOK, { '../../evil.xhtml': '<p>pwned</p>' });
    expect(await refusal(evil, 'slip.epub')).toBe('entry “../../evil.xhtml” points outside the archive');
  });

  it('refuses a package that points outside the book', async () => {
    const outside = makeEpub(BOOK, {
      'OEBPS/content.opf':
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><manifest>' +
        '<item id="c1" href="../../../etc/passwd" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c1"/></spine></package>',
    });
    expect(await refusal(outside, 'outside.epub')).toBe('its package file points at “../../../etc/passwd”, outside the book');
  });

  it('refuses a chapter that declares entities', async () => {
    const chapter = makeEpub([{ id: 'c1', href: 'c1.xhtml', body: '<p>x</p>' }], {
      'OEBPS/c1.xhtml': '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body><p>&x;</p></body></html>',
    });
    expect(await refusal(chapter, 'entity.epub')).toBe('its chapter OEBPS/c1.xhtml declares XML entities, which Gloss refuses to read');
  });

  it('says a book with encrypted chapters (DRM) cannot be read', async () => {
    const drm = makeEpub(BOOK, {
      'META-INF/encryption.xml':
        '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">' +
        '<enc:EncryptedData><enc:CipherData><enc:CipherReference URI="OEBPS/text/ch1.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>',
    });
    expect(await refusal(drm, 'drm.epub')).toBe('it is protected by DRM (its chapters are encrypted), so its text cannot be read');
  });

  it('lists footnotes, pages outside the reading order and chapters missing from the book in the import report', async () => {
    expect((await imported(makeEpub(BOOK), 'book.epub')).notes).toEqual([
      'left out of the text: 1 page outside the reading order (OEBPS/notes.xhtml) and 1 footnote',
    ]);
    const holed = makeEpub([BOOK[1]!, { id: 'c3', href: 'text/ch3.xhtml', body: '<p>Lost.</p>' }]);
    const { unzipSync, zipSync } = await import('fflate');
    const parts = unzipSync(holed);
    delete parts['OEBPS/text/ch3.xhtml'];
    const doc = await imported(zipSync(parts), 'holed.epub');
    expect(doc.notes).toEqual(['left out of the text: 1 footnote and 1 chapter missing from the book (OEBPS/text/ch3.xhtml)']);
  });
});
