import { describe, expect, it } from 'vitest';
import { imported, rangesOf, refusal } from './fixtures/inspect';
import { makePdf, type PdfLineSpec } from './fixtures/make-documents';
import { describePages } from './pdf';
import { indexWords, joinLines, keepsHyphen, linesOf, paragraphsOf, type PdfTextItem } from './pdf-layout';

const line = (y: number, text: string, size = 12, x = 72): PdfLineSpec => ({ size, x, y, text });

/** Two pages: a heading, a paragraph whose lines break inside words, a second paragraph; printed as pages 5 and 6. */
const REPORT = makePdf(
  [
    [
      line(720, 'Annual report', 18),
      line(690, 'The survey collected infor-'),
      line(676, 'mation from Franco-'),
      line(662, 'Prussian archives and evidence-'),
      line(648, 'based sources (all of them).'),
      line(620, 'A second paragraph follows a gap.'),
      line(592, 'An indented paragraph starts', 12, 96),
      line(578, 'here and wraps at the margin.'),
    ],
    [line(720, 'Page two starts here.'), line(700, '• A bulleted point')],
  ],
  { firstPageLabel: 5 },
);

describe('PDF import', () => {
  it('rebuilds paragraphs from line positions and joins words hyphenated at line ends', async () => {
    const doc = await imported(REPORT, 'report.pdf');
    expect(doc.type).toBe('application/pdf');
    expect(doc.text).toBe(
      [
        'Annual report',
        'The survey collected information from Franco-Prussian archives and evidence-based sources (all of them).',
        'A second paragraph follows a gap.',
        'An indented paragraph starts here and wraps at the margin.',
        'Page two starts here.',
        '• A bulleted point',
      ].join('\n\n'),
    );
    expect(doc.notes).toEqual([]);
  });

  it('records each page with its printed number, and headings by font size', async () => {
    const doc = await imported(REPORT, 'report.pdf');
    expect(rangesOf(doc, 'page')).toEqual([
      { kind: 'page', label: '5', text: expect.stringMatching(/^Annual report\n\n[^]*at the margin\.$/) },
      { kind: 'page', label: '6', text: 'Page two starts here.\n\n• A bulleted point' },
    ]);
    expect(rangesOf(doc, 'heading')).toEqual([{ kind: 'heading', text: 'Annual report', level: 1 }]);
    expect(rangesOf(doc, 'list-item')).toEqual([{ kind: 'list-item', text: '• A bulleted point' }]);
  });

  it('numbers pages from 1 when the PDF has no page labels', async () => {
    const doc = await imported(makePdf([[line(700, 'one')], [line(700, 'two')]]), 'plain.pdf');
    expect(rangesOf(doc, 'page').map((r) => `${r.label}:${r.text}`)).toEqual(['1:one', '2:two']);
  });

  it('refuses a PDF without a text layer and says to run OCR', async () => {
    expect(await refusal(makePdf([[], []]), 'scan.pdf')).toBe('it has no text layer (a scanned PDF?); run OCR first');
  });

  it('imports the pages that have text and notes the ones that have none', async () => {
    const doc = await imported(makePdf([[line(700, 'typed cover')], [], [], [line(700, 'typed end')]]), 'mixed.pdf');
    expect(doc.text).toBe('typed cover\n\ntyped end');
    expect(doc.notes).toEqual(['pages 2–3 have no text (scanned or blank?) and are left out']);
  });

  it('notes when a long PDF holds only a few words, as a scan with a stamp does', async () => {
    const stamped = makePdf([[line(40, 'Archive 1')], [line(40, 'Archive 2')], [line(40, 'Archive 3')]]);
    expect((await imported(stamped, 'stamped.pdf')).notes).toEqual([
      'it has very little text for 3 pages; if it is a scan, run OCR and import it again',
    ]);
  });

  it('says an encrypted PDF cannot be read, without asking for a password', async () => {
    expect(await refusal(makePdf([[line(700, 'secret')]], { encrypted: true }), 'locked.pdf')).toMatch(
      /^it is encrypted with a password, so Gloss cannot read it;/,
    );
  });

  it('refuses a file that is not a PDF', async () => {
    expect(await refusal(new TextEncoder().encode('%PDF-1.7 but nothing else'), 'broken.pdf')).toBe(
      'it is not a valid PDF file (it may be damaged or only partly downloaded)',
    );
  });
});

describe('PDF layout', () => {
  const words = indexWords(['a well-known fact', 'the information desk', 'cooperation']);

  it('joins a word broken at a line end when it continues in lower case', () => {
    expect(joinLines(['collected infor-', 'mation here'], indexWords([]))).toBe('collected information here');
  });

  it('keeps the hyphen before a capital or a digit', () => {
    expect(joinLines(['Franco-', 'Prussian'], indexWords([]))).toBe('Franco-Prussian');
    expect(joinLines(['COVID-', '19 cases'], indexWords([]))).toBe('COVID-19 cases');
  });

  it('lets the document decide: a form used elsewhere on one line wins', () => {
    expect(keepsHyphen('a well', 'known', words)).toBe(true); // "well-known" appears
    expect(keepsHyphen('co', 'operation', words)).toBe(false); // "cooperation" appears
    expect(keepsHyphen('infor', 'mation', words)).toBe(false);
  });

  it('keeps common compound hyphens the document does not settle', () => {
    const none = indexWords([]);
    expect(joinLines(['evidence-', 'based policy'], none)).toBe('evidence-based policy');
    expect(joinLines(['their self-', 'esteem'], none)).toBe('their self-esteem');
  });

  it('joins plain line ends with a space, a soft hyphen with none, and an en dash range is not a hyphen', () => {
    expect(joinLines(['one', 'two'], words)).toBe('one two');
    expect(joinLines(['infor\u00ad', 'mation'], words)).toBe('information');
    expect(joinLines(['pages 10 –', '12'], words)).toBe('pages 10 – 12');
  });

  const item = (str: string, x: number, y: number, width: number, hasEOL = false, size = 10): PdfTextItem => ({ str, x, y, width, size, hasEOL });

  it('groups items on one baseline into a line, adding a space only where there is a gap', () => {
    const lines = linesOf([
      item('Hel', 10, 100, 15),
      item('lo', 25, 100, 10),
      item('world', 40, 100.5, 25, true),
      item('', 0, 0, 0, true),
      item('next', 10, 88, 20),
      item('2', 31, 92, 3, false, 6), // a superscript
    ]);
    expect(lines.map((l) => l.text)).toEqual(['Hello world', 'next2']);
  });

  it('starts paragraphs at wider gaps, indents, size changes and list markers', () => {
    const l = (y: number, text: string, x = 10, size = 10) => ({ text, x, endX: x + 100, y, size });
    const paragraphs = paragraphsOf([
      l(300, 'Title', 10, 16),
      l(280, 'body one'),
      l(268, 'body two'),
      l(256, 'body three'),
      l(230, 'after a gap'),
      l(218, 'indented', 30),
      l(206, 'continues'),
      l(194, '1. item'),
      l(182, 'hanging', 22),
    ]);
    expect(paragraphs.map((p) => p.map((x) => x.text).join(' / '))).toEqual([
      'Title',
      'body one / body two / body three',
      'after a gap',
      'indented / continues',
      '1. item / hanging',
    ]);
  });

  it('describes page lists compactly', () => {
    expect(describePages(['2', '3', '4', '7', 'ix'])).toBe('2–4, 7, ix');
  });
});
