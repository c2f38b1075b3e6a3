import { describe, expect, it } from 'vitest';
import { imported, rangesOf, refusal, fixture } from './fixtures/inspect';

const html = (s: string) => new TextEncoder().encode(s);

describe('HTML import', () => {
  it('keeps the body text of a saved page and drops scripts, styles, navigation, comments and hidden parts', async () => {
    const doc = await imported(fixture('page.html'), 'page.html');
    expect(doc.type).toBe('text/html');
    expect(doc.text).toBe(
      [
        'Report & findings',
        'First paragraph with bold text.',
        'One',
        'Two',
        'Nested',
        'Quotes – and code',
        'We never had training.',
        '  code\n    indented',
        'Region',
        'Cases',
        'North',
        '12\n(est.)',
        'Last\nline.',
      ].join('\n\n'),
    );
    for (const gone of ['alert', 'injected', 'Home', 'comment', 'hidden', 'template', 'JavaScript', 'frame', 'color']) {
      expect(doc.text).not.toContain(gone);
    }
  });

  it('records headings, list items with their depth, quotes and table cells as ranges', async () => {
    const doc = await imported(fixture('page.html'), 'page.html');
    expect(rangesOf(doc, 'heading')).toEqual([
      { kind: 'heading', text: 'Report & findings', level: 1 },
      { kind: 'heading', text: 'Quotes – and code', level: 2 },
    ]);
    expect(rangesOf(doc, 'list-item')).toEqual([
      { kind: 'list-item', text: 'One', level: 1 },
      { kind: 'list-item', text: 'Two\n\nNested', level: 1 },
      { kind: 'list-item', text: 'Nested', level: 2 },
    ]);
    expect(rangesOf(doc, 'quote')).toEqual([{ kind: 'quote', text: 'We never had training.' }]);
    expect(rangesOf(doc, 'table-cell').map((r) => `${r.label}=${r.text}`)).toEqual(['r1c1=Region', 'r1c2=Cases', 'r2c1=North', 'r2c2=12\n(est.)']);
    expect(rangesOf(doc, 'paragraph').map((r) => r.text)).toEqual([
      'First paragraph with bold text.',
      'We never had training.',
      'code\n    indented',
      'Last\nline.',
    ]);
  });

  it('decodes the encoding a <meta charset> names', async () => {
    // "Привет" in Windows-1251.
    const bytes = new Uint8Array([...html('<meta charset="windows-1251"><p>'), 0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, ...html('</p>')]);
    expect((await imported(bytes, 'ru.htm')).text).toBe('Привет');
  });

  it('reads Windows-1252 pages with the Windows punctuation, not Latin-1 controls', async () => {
    const bytes = new Uint8Array([...html('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>'), 0x93, 0x41, 0x94, ...html('</p>')]);
    expect((await imported(bytes, 'old.html')).text).toBe('“A”');
  });

  it('closes self-closing XHTML elements as XML does', async () => {
    const page = '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>one</p><div/><p>two<br/>three</p></body></html>';
    expect((await imported(html(page), 'page.xhtml')).text).toBe('one\n\ntwo\nthree');
  });

  it('refuses a page with no text', async () => {
    expect(await refusal(html('<html><head><script>x()</script></head><body> <img src="a.png"> </body></html>'), 'empty.html')).toBe('it holds no text');
  });

  it('lists in the import report what it left out that a reader would see: menus, hidden passages, frames, form fields, formulas', async () => {
    const doc = await imported(fixture('page.html'), 'page.html');
    expect(doc.notes).toEqual(['left out of the text: 1 navigation menu, 2 hidden passages and 1 embedded frame or object']);
    const form = await imported(html('<p>Said <math><mi>x</mi></math> yes</p><form><textarea>typed</textarea><button>Send</button></form><svg><text>A</text></svg><span aria-hidden="true"></span>'), 'form.html');
    expect(form.text).toBe('Said yes');
    expect(form.notes).toEqual(['left out of the text: 1 formula (MathML), 2 form fields and 1 drawing (SVG)']);
    expect((await imported(html('<p>Plain.</p><script>x()</script><style>p{}</style>'), 'plain.html')).notes).toEqual([]);
  });

  it('refuses markup nested deeper than a browser builds it, before the parser slows to a crawl (found by the fuzzer)', async () => {
    // htmlparser2 keeps its open elements with Array.unshift: 20,000 nested tables took seconds, 100,000 minutes.
    const deep = html(`${'<table><tr><td>'.repeat(20_000)}x${'</td></tr></table>'.repeat(20_000)}`);
    expect(await refusal(deep, 'deep.html')).toBe('its markup is nested too deeply (over 512 levels; Gloss reads up to 512, as browsers do)');
    const fine = await imported(html(`${'<div>'.repeat(500)}deep text${'</div>'.repeat(500)}`), 'fine.html');
    expect(fine.text).toBe('deep text');
  });
});
