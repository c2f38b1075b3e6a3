import { describe, expect, it } from 'vitest';
import { imported, rangesOf, refusal, fixture } from './fixtures/inspect';

const rtf = (s: string) => new TextEncoder().encode(s);

describe('RTF import', () => {
  it('decodes \\\'hh in the code page of the font, \\uN with its fallback skipped, and symbol words', async () => {
    const doc = await imported(fixture('notes.rtf'), 'notes.rtf');
    expect(doc.type).toBe('application/rtf');
    expect(doc.text).toBe(
      [
        'Interview notes',
        'Background',
        'Café naïve “quoted” – and italic.',
        'Line one\nline two\ttabbed',
        'Emoji 😀 and Привет',
        'visible link',
        'First item',
        'A1',
        'B1',
        'A2',
        'After the table',
      ].join('\n\n'),
    );
  });

  it('skips font, colour and style tables, document info, footnotes, hidden text, field codes and list numbers', async () => {
    const { text } = await imported(fixture('notes.rtf'), 'notes.rtf');
    for (const gone of ['Arial', 'Times', 'Normal', 'heading', 'Secret title', 'Someone', 'Riched20', 'footnote', 'hidden', 'HYPERLINK', '·', '?']) {
      expect(text).not.toContain(gone);
    }
  });

  it('finds headings by outline level or style name, list items and table cells', async () => {
    const doc = await imported(fixture('notes.rtf'), 'notes.rtf');
    expect(rangesOf(doc, 'heading')).toEqual([
      { kind: 'heading', text: 'Interview notes', level: 1 },
      { kind: 'heading', text: 'Background', level: 2 },
    ]);
    expect(rangesOf(doc, 'list-item')).toEqual([{ kind: 'list-item', text: 'First item', level: 1 }]);
    expect(rangesOf(doc, 'table-cell').map((r) => `${r.label}=${r.text}`)).toEqual(['r1c1=A1', 'r1c2=B1', 'r2c1=A2']);
  });

  it('honours \\uc0 (no fallback) and \\ucN in a group, and the document code page', async () => {
    const text = (await imported(rtf('{\\rtf1\\ansi\\ansicpg1251 {\\uc0\\u1046}{\\uc2\\u1046\\\'3f\\\'3f}x\\\'c6\\par}'), 'uc.rtf')).text;
    expect(text).toBe('ЖЖxЖ');
  });

  it('reads Mac TextEdit output', async () => {
    const mac =
      '{\\rtf1\\ansi\\ansicpg1252\\cocoartf2639\n{\\fonttbl\\f0\\fswiss\\fcharset0 Helvetica;}\n{\\colortbl;\\red255\\green255\\blue255;}\n' +
      '\\pard\\tx566\\pardirnatural\\partightenfactor0\n\n\\f0\\fs24 \\cf0 First line\\\nSecond \\\'96 line\\\n\\\nNew paragraph\\uc0\\u8217 s end}';
    expect((await imported(rtf(mac), 'mac.rtf')).text).toBe('First line\n\nSecond – line\n\nNew paragraph’s end');
  });

  it('refuses a file that is not RTF', async () => {
    expect(await refusal(rtf('just text'), 'fake.rtf')).toBe('it is not an RTF file (it does not start with {\\rtf)');
  });

  it('lists the footnotes, comments and hidden text it left out in the import report', async () => {
    expect((await imported(fixture('notes.rtf'), 'notes.rtf')).notes).toEqual(['left out of the text: 1 footnote and 1 hidden passage']);
    const annotated = rtf('{\\rtf1 Said{\\*\\atnid A}{\\*\\annotation{\\*\\atnauthor Ana} check this} yes.\\par {\\header Page}}');
    const doc = await imported(annotated, 'a.rtf');
    expect(doc.text).toBe('Said yes.');
    expect(doc.notes).toEqual(['left out of the text: 1 comment']);
  });
});
