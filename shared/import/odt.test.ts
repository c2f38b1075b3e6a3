import { describe, expect, it } from 'vitest';
import { imported, rangesOf, refusal } from './fixtures/inspect';
import { makeOdt, makeZip } from './fixtures/make-documents';

const BODY =
  '<text:h text:outline-level="2">Field notes</text:h>' +
  '<text:p>First<text:s text:c="2"/>visit<text:tab/>to the <text:span>clinic</text:span>.<text:line-break/>Second line.</text:p>' +
  '<text:p>Said<office:annotation><dc:creator>Ana</dc:creator><text:p>a comment</text:p></office:annotation> yes' +
  '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>a footnote</text:p></text:note-body></text:note>' +
  ' &amp; no &#8212; maybe.</text:p>' +
  '<text:table-of-content><text:index-body><text:p>Field notes ... 1</text:p></text:index-body></text:table-of-content>' +
  '<text:list><text:list-item><text:p>One</text:p></text:list-item><text:list-item><text:p>Two</text:p>' +
  '<text:list><text:list-item><text:p>Nested</text:p></text:list-item></text:list></text:list-item></text:list>' +
  '<table:table><table:table-row><table:table-cell><text:p>A1</text:p></table:table-cell>' +
  '<table:table-cell table:number-columns-spanned="2"><text:p>B1</text:p></table:table-cell><table:covered-table-cell/></table:table-row>' +
  '<table:table-row><table:table-cell/><table:table-cell><text:p>B2</text:p></table:table-cell><table:table-cell><text:p>C2</text:p></table:table-cell></table:table-row></table:table>';

const TEXT = ['Field notes', 'First  visit\tto the clinic.\nSecond line.', 'Said yes & no — maybe.', 'One', 'Two', 'Nested', 'A1', 'B1', 'B2', 'C2'].join('\n\n');

describe('ODT import', () => {
  it('reads content.xml with spaces, tabs and line breaks, leaving out comments, notes and the table of contents', async () => {
    const doc = await imported(makeOdt(BODY), 'notes.odt');
    expect(doc.type).toBe('application/vnd.oasis.opendocument.text');
    expect(doc.text).toBe(TEXT);
  });

  it('records headings with their outline level, list depth and cell positions', async () => {
    const doc = await imported(makeOdt(BODY), 'notes.odt');
    expect(rangesOf(doc, 'heading')).toEqual([{ kind: 'heading', text: 'Field notes', level: 2 }]);
    expect(rangesOf(doc, 'list-item').map((r) => `${r.level}:${r.text}`)).toEqual(['1:One', '1:Two\n\nNested', '2:Nested']);
    expect(rangesOf(doc, 'table-cell').map((r) => `${r.label}=${r.text}`)).toEqual(['r1c1=A1', 'r1c2=B1', 'r2c2=B2', 'r2c3=C2']);
  });

  it('reads a file that binds the text namespace to another prefix', async () => {
    const body = BODY.replace(/<(\/?)text:/g, '<$1t:').replace(/ text:/g, ' t:');
    expect((await imported(makeOdt(body, 't'), 'prefixed.odt')).text).toBe(TEXT);
  });

  it('refuses content.xml with a DOCTYPE, entity bombs included', async () => {
    const prolog = '<!DOCTYPE office:document-content [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>';
    expect(await refusal(makeOdt('<text:p>&lol2;</text:p>', 'text', prolog), 'bomb.odt')).toBe(
      'its content.xml declares a DOCTYPE or entities, which Gloss refuses to read (they can expand into huge text or reach outside the file)',
    );
  });

  it('refuses other OpenDocument files and archives without content', async () => {
    expect(await refusal(makeZip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }), 'sheet.odt')).toBe(
      'it is not an OpenDocument text file (it holds application/vnd.oasis.opendocument.spreadsheet)',
    );
    expect(await refusal(makeZip({ 'other.xml': '<x/>' }), 'empty.odt')).toBe('it is not a valid ODT file (it has no content.xml)');
  });

  it('lists the comments, notes and generated indexes it left out in the import report', async () => {
    expect((await imported(makeOdt(BODY), 'notes.odt')).notes).toEqual(['left out of the text: 1 comment, 1 footnote and 1 table of contents or index']);
    const info = '<office:change-info><dc:creator>Ana</dc:creator><dc:date>2024-05-01T10:00:00</dc:date></office:change-info>';
    const changes =
      '<text:tracked-changes>' +
      `<text:changed-region><text:deletion>${info}<text:p>struck out</text:p></text:deletion></text:changed-region>` +
      `<text:changed-region><text:insertion>${info}</text:insertion></text:changed-region>` +
      '</text:tracked-changes><text:p>Kept.</text:p>';
    expect((await imported(makeOdt(changes), 'changes.odt')).notes).toEqual(['left out of the text: 1 tracked deletion']);
  });
});
