import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCodebook } from './read';
import { readQdc } from './qdc-read';
import type { IncomingCode, IncomingCodebook } from './types';

/** The repository is checked out with ../shared beside it, here and in CI. */
const SAMPLE = fileURLToPath(new URL('../../../../shared/refi-qda/samples/codebook.qdc', import.meta.url));

function read(xml: string, fileName = 'book.qdc'): IncomingCodebook {
  const result = readQdc(xml, fileName);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function refusal(xml: string, fileName = 'book.qdc'): string {
  const result = readQdc(xml, fileName);
  if (result.ok) throw new Error('expected the codebook to be refused');
  return result.error;
}

/** The tree as "path [guid] color codable" lines, to compare whole codebooks at a glance. */
function outline(codes: IncomingCode[], prefix = ''): string[] {
  return codes.flatMap((c) => [
    `${prefix}${c.name} ${c.guid ?? '-'} ${c.color ?? '-'} ${c.codable ? 'codable' : 'folder'}${c.description ? ` “${c.description}”` : ''}`,
    ...outline(c.children, `${prefix}${c.name} > `),
  ]);
}

describe('readQdc', () => {
  it('says a code tree nested too deeply is, and imports nothing', () => {
    const deep = `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${'<Code name="c" isCodable="true">'.repeat(300)}${'</Code>'.repeat(300)}</Codes></CodeBook>`;
    expect(refusal(deep)).toBe('book.qdc: its content is nested too deeply (302 levels; Gloss reads up to 256); nothing was imported.');
  });

  it('reads the Taguette sample: upper-case GUIDs lowered without a warning, the empty <Sets/> with one', () => {
    const book = readCodebook(new Uint8Array(readFileSync(SAMPLE)), 'codebook.qdc');
    if (!book.ok) throw new Error(book.error);
    expect(book.value.origin).toBe('Taguette 1.4.1');
    expect(outline(book.value.codes)).toEqual([
      'xsd:element name 098ac082-a9c7-50f4-9728-48730081a95e - codable',
      'CodeBook a2209cff-8e89-5b0a-a7b0-cddc4be92936 - codable',
      'Variables dd1b8ad4-9b6e-5be2-bd0b-fde7deafdda4 - codable',
    ]);
    expect(book.value.sets).toEqual([]);
    expect(book.value.warnings).toEqual(['The codebook has an empty <Sets/> element (the schema wants at least one Set); ignored.']);
  });

  it('reads nesting, folders, descriptions, colours and sets in the standard namespace without warnings', () => {
    const book = read(`<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Gloss">
  <Codes>
    <Code guid="11111111-1111-4111-8111-111111111111" name="Themes" isCodable="false" color="#AABBCC">
      <Description>Fish &amp; chips &lt;b&gt; 🐟</Description>
      <Code guid="22222222-2222-4222-8222-222222222222" name="Trust" isCodable="true" color="#112233"/>
    </Code>
  </Codes>
  <Sets>
    <Set guid="33333333-3333-4333-8333-333333333333" name="Key">
      <Description>For the paper</Description>
      <MemberCode guid="22222222-2222-4222-8222-222222222222"/>
    </Set>
  </Sets>
</CodeBook>`);
    expect(outline(book.codes)).toEqual([
      'Themes 11111111-1111-4111-8111-111111111111 #aabbcc folder “Fish & chips <b> 🐟”',
      'Themes > Trust 22222222-2222-4222-8222-222222222222 #112233 codable',
    ]);
    expect(book.sets).toEqual([
      { guid: '33333333-3333-4333-8333-333333333333', name: 'Key', description: 'For the paper', memberGuids: ['22222222-2222-4222-8222-222222222222'] },
    ]);
    expect(book.warnings).toEqual([]);
  });

  it('reads a namespace variant, #RGB, braces, a bad colour and missing isCodable, with a warning for each', () => {
    const book = read(`<CodeBook xmlns="urn:QDA-XML:codebook:0:4" origin="ATLAS.ti">
  <Codes>
    <Code guid="{AAAAAAAA-1111-4111-8111-111111111111}" name="Short" isCodable="true" color="#F0a"/>
    <Code guid="bbbbbbbb-1111-4111-8111-111111111111" name="Odd colour" color="rgb(1,2,3)"/>
  </Codes>
  <Sets/>
</CodeBook>`);
    expect(outline(book.codes)).toEqual([
      'Short aaaaaaaa-1111-4111-8111-111111111111 #ff00aa codable',
      'Odd colour bbbbbbbb-1111-4111-8111-111111111111 - codable',
    ]);
    expect(book.warnings).toEqual([
      '1 GUID is written in braces {…}; read without them.',
      'The codebook is in namespace urn:QDA-XML:codebook:0:4, not urn:QDA-XML:codebook:1.0; read as REFI-QDA 1.0.',
      'Code “Short” has the short colour “#F0a”; read as #ff00aa.',
      'Code “Odd colour” has colour “rgb(1,2,3)”, which is not #RRGGBB or #RGB; the colour was left out.',
      'Code “Odd colour” does not say whether it can be applied to text (isCodable); taken as a code, not a folder.',
      'The codebook has an empty <Sets/> element (the schema wants at least one Set); ignored.',
    ]);
  });

  it('reads the NVivo 1:0 variant, a prefixed namespace and no namespace at all', () => {
    const code = '<Code guid="cccccccc-1111-4111-8111-111111111111" name="A" isCodable="true"/>';
    expect(read(`<CodeBook xmlns="urn:QDA-XML:codebook:1:0"><Codes>${code}</Codes></CodeBook>`).warnings).toEqual([
      'The codebook is in namespace urn:QDA-XML:codebook:1:0, not urn:QDA-XML:codebook:1.0; read as REFI-QDA 1.0.',
    ]);
    const prefixed = read(`<q:CodeBook xmlns:q="urn:QDA-XML:codebook:1.0"><q:Codes>${code.replace('<Code', '<q:Code')}</q:Codes></q:CodeBook>`);
    expect(prefixed.warnings).toEqual([]);
    expect(outline(prefixed.codes)).toEqual(['A cccccccc-1111-4111-8111-111111111111 - codable']);
    expect(read(`<CodeBook><Codes>${code}</Codes></CodeBook>`).warnings).toEqual([
      'The codebook declares no namespace (expected urn:QDA-XML:codebook:1.0); read as REFI-QDA 1.0.',
    ]);
  });

  it('keeps going without a guid or a name, and drops a GUID that two codes share', () => {
    const book = read(`<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
      <Code name="No guid" isCodable="true"/>
      <Code guid="not-a-guid" name="Bad guid" isCodable="true"/>
      <Code guid="dddddddd-1111-4111-8111-111111111111" name="" isCodable="false"/>
      <Code guid="DDDDDDDD-1111-4111-8111-111111111111" name="Copy" isCodable="yes"/>
    </Codes></CodeBook>`);
    expect(outline(book.codes)).toEqual([
      'No guid - - codable',
      'Bad guid - - codable',
      'Unnamed code 1 dddddddd-1111-4111-8111-111111111111 - folder',
      'Copy - - codable',
    ]);
    expect(book.warnings).toEqual([
      'Code “No guid” has no guid; it is matched by its name alone.',
      'Code “Bad guid” has guid “not-a-guid”, which is not a GUID; it is matched by its name alone.',
      'A code has no name; it was called “Unnamed code 1”.',
      'Code “Copy” has the same guid as an earlier code; it is matched by its name alone.',
      'Code “Copy” has isCodable “yes”, which is neither true nor false; taken as true.',
    ]);
  });

  it('refuses a DOCTYPE or entity declaration, naming the file', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE CodeBook [<!ENTITY a "aaaa">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="eeeeeeee-1111-4111-8111-111111111111" name="&a;" isCodable="true"/></Codes></CodeBook>`;
    expect(refusal(bomb, 'evil.qdc')).toBe(
      'evil.qdc: its content declares a DOCTYPE or entities, which Gloss refuses to read (they can expand into huge text or reach outside the file); nothing was imported.',
    );
  });

  it('refuses malformed XML with the line and column', () => {
    expect(refusal('<CodeBook>\n<Codes><Code name="a" isCodable="true"></Codes></CodeBook>', 'broken.qdc')).toBe(
      "broken.qdc: its content is not well-formed XML (line 2, column 40: Expected closing tag 'Code' (opened in line 2, column 8) instead of closing tag 'Codes'); nothing was imported.",
    );
    expect(refusal('<CodeBook><Codes>', 'cut.qdc')).toBe(
      'cut.qdc: its content is not well-formed XML (line 1, column 1: the file ends before all its elements are closed); nothing was imported.',
    );
  });

  it('refuses a project, another root, and a codebook without codes', () => {
    expect(refusal('<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>', 'p.qdc')).toBe(
      'p.qdc: its root element is <Project>, not <CodeBook>, so it is not a REFI-QDA codebook (a REFI-QDA project: import it as a .qdpx project instead); nothing was imported.',
    );
    expect(refusal('<html/>', 'page.qdc')).toBe('page.qdc: its root element is <html>, not <CodeBook>, so it is not a REFI-QDA codebook; nothing was imported.');
    expect(refusal('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>', 'empty.qdc')).toBe(
      'empty.qdc: it holds no codes (a REFI-QDA codebook lists them in <Codes>); nothing was imported.',
    );
  });
});

describe('readCodebook', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('refuses other file types, naming the file and the accepted types', () => {
    const result = readCodebook(bytes('{}'), 'codes.json');
    expect(result).toEqual({
      ok: false,
      error: 'codes.json: Gloss imports codebooks from REFI-QDA .qdc files and codebook .csv files, not .json files; nothing was imported.',
    });
  });

  it('reads a .qdc with a BOM, and refuses a name longer than the operation accepts', () => {
    const ok = readCodebook(bytes('\ufeff<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="ffffffff-1111-4111-8111-111111111111" name="A" isCodable="true"/></Codes></CodeBook>'), 'A.QDC');
    expect(ok.ok && ok.value.codes[0]!.name).toBe('A');
    const long = 'x'.repeat(501);
    const refused = readCodebook(bytes(`<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="ffffffff-1111-4111-8111-111111111111" name="${long}" isCodable="true"/></Codes></CodeBook>`), 'long.qdc');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatch(/^long\.qdc: “x{60}”: .*500.*; nothing was imported\.$/);
  });
});
