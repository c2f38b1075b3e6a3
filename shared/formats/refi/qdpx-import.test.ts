import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ProjectFile } from '../../model/schema';
import type { ExchangeReport } from '../report';
import { atlasSpan, codePointSpan, qde, selection, utf16Span, utf8, zipQdpx } from './fixtures/qdpx-fixtures';
import { qdpxRefusalBeforeReading, readQdpx, type QdpxImportOptions } from './qdpx-import';
import { entryFinder } from './qdpx-import-texts';

const NOW = '2026-01-02T03:04:05.000Z';
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const SAMPLES = path.resolve(repoRoot, '../shared/refi-qda/samples');

function options(positions: QdpxImportOptions['positions'] = 'auto'): QdpxImportOptions {
  let n = 0;
  return { positions, now: NOW, newId: () => `new-${++n}` };
}

function importOk(bytes: Uint8Array, positions: QdpxImportOptions['positions'] = 'auto', name = 'study.qdpx'): { file: ProjectFile; report: ExchangeReport } {
  const result = readQdpx(bytes, name, options(positions));
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function importErr(bytes: Uint8Array, name = 'study.qdpx'): string {
  const result = readQdpx(bytes, name, options());
  if (result.ok) throw new Error('expected the import to be refused');
  return result.error;
}

/** Each coding as "code name: excerpt", sorted, read from the imported document texts. */
function excerpts(file: ProjectFile): string[] {
  const docs = new Map(file.documents.map((d) => [d.id, d]));
  const codes = new Map(file.codes.map((c) => [c.id, c]));
  return file.codings
    .map((c) => {
      const text = docs.get(c.documentId)!.text.slice(c.start, c.end);
      expect(c.quote).toBe(text);
      return `${codes.get(c.codeId)!.name}: ${text}`;
    })
    .sort();
}

const CODE_A = 'aaaaaaaa-0000-4000-8000-000000000001';
const CODE_B = 'aaaaaaaa-0000-4000-8000-000000000002';
const DOC = 'dddddddd-0000-4000-8000-000000000001';
const USER = 'eeeeeeee-0000-4000-8000-000000000001';

const codebook = `<CodeBook><Codes><Code guid="${CODE_A}" name="Trust" isCodable="true" color="#1F77B4"/><Code guid="${CODE_B}" name="Data" isCodable="true"/></Codes></CodeBook>`;
const users = `<Users><User guid="${USER}" name="Ana"/></Users>`;

/** One text source in sources/, with `selections` XML. */
function oneText(text: string | Uint8Array, selections: string, attrs: Record<string, string> = {}): Uint8Array {
  return zipQdpx({
    'project.qde': qde(`${users}${codebook}<Sources><TextSource guid="${DOC}" name="Interview" plainTextPath="internal://${DOC}.txt">${selections}</TextSource></Sources>`, attrs),
    [`sources/${DOC}.txt`]: text,
  });
}

describe('readQdpx: text positions', () => {
  const text = 'Hi 😀😀 there. Trust matters here.\nNext 🙂 line about data sharing.';

  it('reads code points (QualCoder, the spec) so passages after emoji land right', () => {
    const bytes = oneText(
      text,
      selection('51000000-0000-4000-8000-000000000001', codePointSpan(text, 'Trust matters'), [CODE_A], { user: USER }) +
        selection('51000000-0000-4000-8000-000000000002', codePointSpan(text, 'data sharing'), [CODE_B]),
      { origin: 'QualCoder 3.6' },
    );
    const { file, report } = importOk(bytes);
    expect(excerpts(file)).toEqual(['Data: data sharing', 'Trust: Trust matters']);
    expect(report.positions).toMatch(/^Unicode code points/);
    expect(file.codings.find((c) => c.codeId === CODE_A)!.coderId).toBe(USER);
    expect(file.codings.find((c) => c.codeId === CODE_A)!.createdAt).toBe('2024-05-01T10:00:00.000Z');
  });

  it('reads UTF-16 units from NVivo', () => {
    const bytes = oneText(text, selection('51000000-0000-4000-8000-000000000001', utf16Span(text, 'data sharing'), [CODE_B]), { origin: 'NVivo 14' });
    const { file, report } = importOk(bytes);
    expect(excerpts(file)).toEqual(['Data: data sharing']);
    expect(report.positions).toMatch(/^UTF-16 code units, a CRLF line break counted as two characters \(as NVivo writes them\)/);
  });

  it('reads UTF-16 when asked, whatever the origin says', () => {
    const bytes = oneText(text, selection('51000000-0000-4000-8000-000000000001', utf16Span(text, 'Trust matters'), [CODE_A]));
    expect(excerpts(importOk(bytes, 'utf16').file)).toEqual(['Trust: Trust matters']);
    // Read as the spec's code points, the same numbers point two characters (two emoji) further on.
    expect(excerpts(importOk(bytes, 'codepoints').file)).toEqual(['Trust: ust matters h']);
  });

  it('switches to the reading the quoted names agree with, and says so', () => {
    // An "NVivo" file whose positions are code points; the names quote the passages.
    const bytes = oneText(
      text,
      selection('51000000-0000-4000-8000-000000000001', codePointSpan(text, 'Trust matters'), [CODE_A], { name: 'Trust matters' }) +
        selection('51000000-0000-4000-8000-000000000002', codePointSpan(text, 'data sharing'), [CODE_B], { name: 'data sha…' }),
      { origin: 'NVivo 14' },
    );
    const { file, report } = importOk(bytes);
    expect(excerpts(file)).toEqual(['Data: data sharing', 'Trust: Trust matters']);
    expect(report.positions).toMatch(/^Unicode code points.*matching the quoted text; checked against 2 quoted selections/);
    expect(report.warnings.join('\n')).toMatch(/2 of 2 quoted selections match that way, 0 the other way/);
  });

  it('keeps the origin’s reading when the names agree with it', () => {
    const bytes = oneText(text, selection('51000000-0000-4000-8000-000000000001', utf16Span(text, 'data sharing'), [CODE_B], { name: 'data sharing' }), {
      origin: 'NVivo 14',
    });
    const { report } = importOk(bytes);
    expect(report.positions).toMatch(/as NVivo writes them; checked against 1 quoted selection\)$/);
    expect(report.warnings.filter((w) => /position|selection/i.test(w))).toEqual([]);
  });

  it('strips a BOM and turns CRLF into LF, mapping NVivo positions (CRLF = 2)', () => {
    const raw = 'Line one\r\nLine two 😀 has trust\r\nLine three';
    const bytes = oneText(
      utf8(raw, true),
      selection('51000000-0000-4000-8000-000000000001', utf16Span(raw, 'trust'), [CODE_A]) +
        selection('51000000-0000-4000-8000-000000000002', utf16Span(raw, 'Line two 😀 has trust\r\nLine'), [CODE_B]),
      { origin: 'NVivo 12 (Windows)' },
    );
    const { file } = importOk(bytes);
    expect(file.documents[0]!.text).toBe('Line one\nLine two 😀 has trust\nLine three');
    expect(excerpts(file)).toEqual(['Data: Line two 😀 has trust\nLine', 'Trust: trust']);
  });

  it('maps ATLAS.ti positions (code points, CRLF = 1) and checks them against the quotes', () => {
    const raw = 'Intro 🙂\r\nWe need trust.\r\nData sharing is slow.';
    const bytes = oneText(
      raw,
      selection('51000000-0000-4000-8000-000000000001', atlasSpan(raw, 'trust'), [CODE_A], { name: 'trust' }) +
        selection('51000000-0000-4000-8000-000000000002', atlasSpan(raw, 'Data sharing is slow.'), [CODE_B], { name: 'Data sharing…' }),
      { origin: 'ATLAS.ti for Windows 23.2' },
    );
    const { file, report } = importOk(bytes);
    expect(excerpts(file)).toEqual(['Data: Data sharing is slow.', 'Trust: trust']);
    expect(report.positions).toMatch(/^Unicode code points, a CRLF line break counted as one character \(as ATLAS.ti writes them/);
  });

  it('skips and reports a selection past the end, one that splits an emoji and one that splits a CRLF', () => {
    const raw = 'Ab 😀 cd\r\nef';
    const [emoji] = utf16Span(raw, '😀');
    const [cr] = utf16Span(raw, '\r\n');
    const bytes = oneText(
      raw,
      selection('51000000-0000-4000-8000-000000000001', [3, 40], [CODE_A, CODE_B]) +
        selection('51000000-0000-4000-8000-000000000002', [emoji + 1, emoji + 4], [CODE_A]) +
        selection('51000000-0000-4000-8000-000000000003', [0, cr + 1], [CODE_A]) +
        selection('51000000-0000-4000-8000-000000000004', utf16Span(raw, 'cd'), [CODE_B]),
      { origin: 'NVivo 14' },
    );
    const { file, report } = importOk(bytes);
    expect(excerpts(file)).toEqual(['Data: cd']);
    expect(report.skipped).toEqual([
      { item: 'selection 3–40 in “Interview”', reason: 'its position lies outside the text', codings: 2 },
      { item: `selection ${emoji + 1}–${emoji + 4} in “Interview”`, reason: expect.stringMatching(/splits a character .* in two/), codings: 1 },
      { item: `selection 0–${cr + 1} in “Interview”`, reason: expect.stringMatching(/between the two characters of a Windows line break/), codings: 1 },
    ]);
  });
});

describe('readQdpx: codes, codings, memos', () => {
  it('keeps nested codes with equal names apart, fixes colours and repeated GUIDs', () => {
    const P1 = '{C0DE0000-0000-4000-8000-00000000000A}';
    const P2 = 'c0de0000-0000-4000-8000-00000000000b';
    const O1 = 'C0DE0000-0000-4000-8000-0000000000A1';
    const O2 = 'c0de0000-0000-4000-8000-0000000000b1';
    const text = 'Police said one thing. Council said another.';
    const codes = `<CodeBook><Codes>
      <Code guid="${P1}" name="Police" isCodable="false" color="#F80"><Description>Officers</Description><Code guid="${O1}" name="Other" isCodable="true" color="rgb(1,2,3)"/></Code>
      <Code guid="${P2}" name="Council" isCodable="true"><Code guid="${O2}" name="Other" isCodable="true"/><Code guid="${O2}" name="Again" isCodable="true"/></Code>
    </Codes></CodeBook>`;
    const bytes = zipQdpx({
      'project.qde': qde(
        `${codes}<Sources><TextSource guid="${DOC}" name="Notes" plainTextPath="internal://${DOC}.txt">` +
          selection('51000000-0000-4000-8000-000000000001', codePointSpan(text, 'one thing'), [O1]) +
          selection('51000000-0000-4000-8000-000000000002', codePointSpan(text, 'another'), [O2]) +
          `</TextSource></Sources>`,
      ),
      [`sources/${DOC}.txt`]: text,
    });
    const { file, report } = importOk(bytes);
    const byId = new Map(file.codes.map((c) => [c.id, c]));
    const police = byId.get('c0de0000-0000-4000-8000-00000000000a')!;
    expect(police).toMatchObject({ name: 'Police', codable: false, color: '#ff8800', description: 'Officers', parentId: null });
    const other1 = byId.get('c0de0000-0000-4000-8000-0000000000a1')!;
    const other2 = byId.get(O2)!;
    expect(other1.parentId).toBe(police.id);
    expect(other2.parentId).toBe(P2);
    expect(other1.color).toMatch(/^#[0-9a-f]{6}$/);
    const again = file.codes.find((c) => c.name === 'Again')!;
    expect(again.id).toBe('new-1');
    const codingOf = (excerpt: string) => file.codings.find((c) => c.quote === excerpt)!.codeId;
    expect(codingOf('one thing')).toBe(other1.id);
    expect(codingOf('another')).toBe(other2.id);
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Code “Other” under “Police” has the colour “rgb\(1,2,3\)”/),
        expect.stringMatching(/Code “Again” under “Council” has the same GUID as another one/),
      ]),
    );
    expect(report.warnings).toHaveLength(3);
  });

  it('imports overlapping codings, whole-document codings, and memos wherever notes hang', () => {
    const text = 'We waited weeks for the data. Nobody trusted the new system at all.';
    const N = (i: number) => `40000000-0000-4000-8000-00000000000${i}`;
    const sel = (i: number) => `51000000-0000-4000-8000-00000000000${i}`;
    const body =
      `${users}${codebook}<Sources><TextSource guid="${DOC}" name="Interview" plainTextPath="internal://${DOC}.txt">` +
      selection(sel(1), codePointSpan(text, 'waited weeks for the data'), [CODE_B], { user: USER }) +
      selection(sel(2), codePointSpan(text, 'the data. Nobody trusted'), [CODE_A], { body: `<Description>Key moment</Description>` }) +
      `<PlainTextSelection guid="${sel(3)}" startPosition="${codePointSpan(text, 'new system')[0]}" endPosition="${codePointSpan(text, 'new system')[1]}"><Description>Which system?</Description><NoteRef targetGUID="${N(3)}"/></PlainTextSelection>` +
      `<PlainTextSelection guid="${sel(4)}" startPosition="0" endPosition="2"/>` +
      `<Coding guid="${sel(5)}" creatingUser="${USER}"><CodeRef targetGUID="${CODE_A}"/></Coding>` +
      `<NoteRef targetGUID="${N(2)}"/></TextSource></Sources>` +
      `<Notes>` +
      `<Note guid="${N(1)}" name="Project diary" creatingUser="${USER}"><PlainTextContent>Started coding.</PlainTextContent></Note>` +
      `<Note guid="${N(2)}" name="About the interview" plainTextPath="internal://${N(2)}.txt"/>` +
      `<Note guid="${N(3)}" name="System?"><PlainTextContent>Ask which one.</PlainTextContent></Note>` +
      `<Note guid="${N(4)}" name="Linked"><PlainTextContent>Linked to the first passage.</PlainTextContent></Note>` +
      `<Note guid="${N(5)}" name="Loose"><PlainTextContent>Nothing points here.</PlainTextContent></Note>` +
      `</Notes><Links><Link guid="${N(6)}" originGUID="${N(4)}" targetGUID="${sel(1)}" direction="OneWay"/></Links>` +
      `<NoteRef targetGUID="${N(1)}"/>`;
    const bytes = zipQdpx({
      'project.qde': qde(body.replace(`<Code guid="${CODE_A}" name="Trust" isCodable="true" color="#1F77B4"/>`, `<Code guid="${CODE_A}" name="Trust" isCodable="true" color="#1F77B4"><NoteRef targetGUID="${N(5)}"/></Code>`)),
      [`sources/${DOC}.txt`]: text,
      [`sources/${N(2)}.txt`]: utf8('Long day.\r\nGood talk.', true),
    });
    const { file, report } = importOk(bytes);
    expect(excerpts(file)).toEqual([
      'Data: waited weeks for the data',
      'Trust: We waited weeks for the data. Nobody trusted the new system at all.',
      'Trust: the data. Nobody trusted',
    ]);
    const coding = (quote: string) => file.codings.find((c) => c.quote === quote)!;
    const memo = (title: string) => file.memos.filter((m) => m.title === title);
    expect(memo('Project diary')).toMatchObject([{ target: { kind: 'project' }, text: 'Started coding.', coderId: USER }]);
    expect(memo('About the interview')).toMatchObject([{ target: { kind: 'document', id: DOC }, text: 'Long day.\nGood talk.' }]);
    expect(memo('System?')).toMatchObject([{ target: { kind: 'document', id: DOC }, text: '“new system”\n\nAsk which one.' }]);
    expect(memo('Linked')).toMatchObject([{ target: { kind: 'coding', id: coding('waited weeks for the data').id } }]);
    expect(memo('Loose')).toMatchObject([{ target: { kind: 'code', id: CODE_A }, text: 'Nothing points here.' }]);
    expect(memo('Comment')).toMatchObject([{ target: { kind: 'coding', id: coding('the data. Nobody trusted').id }, text: 'Key moment' }]);
    expect(memo('Comment on “new system”')).toMatchObject([{ target: { kind: 'document', id: DOC }, text: '“new system”\n\nWhich system?' }]);
    expect(report.imported).toMatchObject({ documents: 1, codes: 2, codings: 3, memos: 7 });
    expect(report.warnings.join('\n')).toMatch(/1 comment on passages without a code became document memos/);
  });

  it('imports cases, variables (document variables from nameless cases) and sets, splitting mixed ones', () => {
    const D2 = 'dddddddd-0000-4000-8000-000000000002';
    const V = (i: number) => `77000000-0000-4000-8000-00000000000${i}`;
    const value = (v: number, kind: string, x: string) => `<VariableValue><VariableRef targetGUID="${V(v)}"/><${kind}>${x}</${kind}></VariableValue>`;
    const body =
      `${codebook}<Variables><Variable guid="${V(1)}" name="Role" typeOfVariable="Text"/><Variable guid="${V(2)}" name="Age" typeOfVariable="Integer"/>` +
      `<Variable guid="${V(3)}" name="Consent" typeOfVariable="Boolean"/><Variable guid="${V(4)}" name="Date" typeOfVariable="DateTime"/></Variables>` +
      `<Cases><Case guid="${V(5)}" name="Officer A"><Description>Night shift</Description>${value(1, 'TextValue', 'Sergeant')}${value(2, 'IntegerValue', '41')}${value(3, 'BooleanValue', 'true')}<SourceRef targetGUID="${DOC}"/><SourceRef targetGUID="${D2}"/></Case>` +
      `<Case guid="${V(6)}">${value(4, 'DateTimeValue', '2024-03-05T10:00:00Z')}${value(2, 'IntegerValue', 'many')}<SourceRef targetGUID="${D2}"/></Case></Cases>` +
      `<Sources><TextSource guid="${DOC}" name="One"><PlainTextContent>First text.</PlainTextContent></TextSource>` +
      `<TextSource guid="${D2}" name="Two"><PlainTextContent>Second text.</PlainTextContent></TextSource></Sources>` +
      `<Sets><Set guid="${V(7)}" name="Mixed"><MemberCode targetGUID="${CODE_A}"/><MemberSource targetGUID="${D2}"/><MemberNote targetGUID="${V(8)}"/></Set>` +
      `<Set guid="${V(9)}" name="Codes only"><MemberCode targetGUID="${CODE_B}"/></Set></Sets>`;
    const { file, report } = importOk(zipQdpx({ 'project.qde': qde(body) }));
    expect(file.variables.map((v) => [v.name, v.type])).toEqual([
      ['Role', 'text'],
      ['Age', 'number'],
      ['Consent', 'boolean'],
      ['Date', 'date'],
    ]);
    expect(file.cases).toEqual([{ id: V(5), name: 'Officer A', description: 'Night shift', documentIds: [DOC, D2], values: { [V(1)]: 'Sergeant', [V(2)]: 41, [V(3)]: true } }]);
    expect(file.documents.find((d) => d.id === D2)!.attributes).toEqual({ [V(4)]: '2024-03-05', [V(2)]: null });
    expect(file.sets.map((s) => [s.name, s.kind, s.memberIds])).toEqual(
      expect.arrayContaining([
        ['Mixed (documents)', 'documents', [D2]],
        ['Mixed (codes)', 'codes', [CODE_A]],
        ['Codes only', 'codes', [CODE_B]],
      ]),
    );
    expect(report.skipped).toContainEqual({ item: '1 note in set “Mixed”', reason: 'Gloss sets hold documents or codes, not memos' });
    expect(report.warnings.join('\n')).toMatch(/the value “many” of variable “Age” is not a number/);
    expect(report.warnings.join('\n')).toMatch(/Set “Mixed” holds both codes and sources/);
  });
});

describe('readQdpx: nothing dropped without a word', () => {
  it('lists free selections and sources of unknown kinds, keeps notes without a GUID or with a repeated one, and reads every Sources section', () => {
    const text = 'We waited weeks for the data.';
    const N1 = '40000000-0000-4000-8000-000000000001';
    const OTHER = 'dddddddd-0000-4000-8000-000000000002';
    const body =
      `${users}${codebook}<Sources><TextSource guid="${DOC}" name="Interview" plainTextPath="internal://${DOC}.txt">` +
      selection('51000000-0000-4000-8000-000000000001', codePointSpan(text, 'waited weeks'), [CODE_A]) +
      `<PlainTextSelection guid="51000000-0000-4000-8000-000000000002" name="the data" startPosition="${codePointSpan(text, 'the data')[0]}" endPosition="${codePointSpan(text, 'the data')[1]}"/>` +
      `<NoteRef targetGUID="99999999-0000-4000-8000-000000000009"/></TextSource>` +
      `<SpreadsheetSource guid="${OTHER}" name="Survey"/></Sources>` +
      `<Sources><TextSource guid="${OTHER.replace('2', '3')}" name="Second section"><PlainTextContent>Also here.</PlainTextContent></TextSource></Sources>` +
      `<Notes><Note name="No GUID"><PlainTextContent>Kept anyway.</PlainTextContent></Note>` +
      `<Note guid="${N1}" name="First"><PlainTextContent>One.</PlainTextContent></Note>` +
      `<Note guid="${N1}" name="Same GUID"><PlainTextContent>Two.</PlainTextContent></Note></Notes>`;
    const { file, report } = importOk(zipQdpx({ 'project.qde': qde(body), [`sources/${DOC}.txt`]: text }));
    expect(file.documents.map((d) => d.name)).toEqual(['Interview', 'Second section']);
    expect(file.memos.map((m) => `${m.title}: ${m.text}`).sort()).toEqual(['First: One.', 'No GUID: Kept anyway.', 'Same GUID: Two.']);
    expect(report.skipped).toEqual([
      { item: 'source “Survey”', reason: 'it is a SpreadsheetSource, a kind of source REFI-QDA does not define and Gloss cannot read' },
      { item: '1 selection without a code in “Interview”', reason: 'Gloss keeps a passage only as a coding; its text is in the document' },
    ]);
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Note “Same GUID” has the same GUID as another one/),
        '1 note reference points to no note in the file; it was ignored.',
      ]),
    );
  });
});

describe('readQdpx: containers written differently', () => {
  const text = 'Plain text here.';
  const span = codePointSpan(text, 'text');

  it.each([
    ['Sources/ folder, internal://Sources/ path', 'Sources/x.txt', 'internal://Sources/x.txt', 'project.qde'],
    ['three slashes', 'sources/x.txt', 'internal:///x.txt', 'project.qde'],
    ['ATLAS.ti 26 names the .qde after the project', 'sources/x.txt', 'internal://x.txt', 'My Study.qde'],
  ])('%s', (_label, entry, plainTextPath, qdeName) => {
    const bytes = zipQdpx({
      [qdeName]: qde(`${codebook}<Sources><TextSource guid="${DOC}" name="T" plainTextPath="${plainTextPath}">${selection('51000000-0000-4000-8000-000000000001', span, [CODE_A])}</TextSource></Sources>`),
      [entry]: text,
    });
    expect(excerpts(importOk(bytes).file)).toEqual(['Trust: text']);
  });

  it('matches elements by local name in other namespace versions and with a prefix', () => {
    const body = `${codebook}<Sources><TextSource guid="${DOC}" name="T"><PlainTextContent>${text}</PlainTextContent>${selection('51000000-0000-4000-8000-000000000001', span, [CODE_A])}</TextSource></Sources>`;
    expect(excerpts(importOk(zipQdpx({ 'project.qde': qde(body, {}, 'urn:QDA-XML:project:0:10') })).file)).toEqual(['Trust: text']);
    const prefixed = `<?xml version="1.0"?><q:Project xmlns:q="urn:QDA-XML:project:1.0" name="P">${body.replace(/<(\/?)([A-Z])/g, '<$1q:$2')}</q:Project>`;
    expect(excerpts(importOk(zipQdpx({ 'project.qde': prefixed })).file)).toEqual(['Trust: text']);
  });

  it('imports a PDF’s text representation and lists picture, audio and PDF-only sources with their codings', () => {
    const rep = (guid: string) =>
      `<Representation guid="${guid}" plainTextPath="internal://${guid}.txt">${selection('51000000-0000-4000-8000-000000000001', span, [CODE_B])}</Representation>`;
    const coded = (el: string, n: number) =>
      Array.from({ length: n }, (_, i) => `<${el} guid="5200000${i}-0000-4000-8000-000000000001" firstX="0" firstY="0" secondX="1" secondY="1" begin="0" end="9" page="1"><Coding guid="5300000${i}-0000-4000-8000-000000000001"><CodeRef targetGUID="${CODE_A}"/></Coding></${el}>`).join('');
    const REP = 'dddddddd-0000-4000-8000-0000000000ee';
    const body =
      `${codebook}<Sources>` +
      `<PDFSource guid="${DOC}" name="Report" path="internal://${DOC}.pdf">${coded('PDFSelection', 1)}${rep(REP)}</PDFSource>` +
      `<PDFSource guid="dddddddd-0000-4000-8000-000000000003" name="Scan" path="internal://scan.pdf">${coded('PDFSelection', 2)}</PDFSource>` +
      `<PictureSource guid="dddddddd-0000-4000-8000-000000000004" name="Photo" path="internal://p.jpg">${coded('PictureSelection', 3)}</PictureSource>` +
      `<AudioSource guid="dddddddd-0000-4000-8000-000000000005" name="Call" path="relative:///call.mp3">${coded('AudioSelection', 1)}</AudioSource>` +
      `</Sources>`;
    const { file, report } = importOk(zipQdpx({ 'project.qde': qde(body), [`sources/${REP}.txt`]: text }));
    expect(file.documents.map((d) => [d.id, d.name, d.text])).toEqual([[DOC, 'Report', text]]);
    expect(excerpts(file)).toEqual(['Data: text']);
    expect(report.skipped).toEqual([
      { item: '1 region selection(s) of PDF “Report”', reason: 'Gloss imports the PDF’s text, not regions of its pages', codings: 1 },
      { item: 'PDF “Scan”', reason: 'the file holds no plain-text version of this PDF', codings: 2 },
      { item: 'picture “Photo”', reason: 'Gloss cannot code picture sources yet', codings: 3 },
      { item: 'audio “Call”', reason: 'Gloss cannot code audio sources yet', codings: 1 },
    ]);
  });
});

describe('readQdpx: refusals (nothing imported)', () => {
  const good = qde(`<Sources><TextSource guid="${DOC}" name="T" plainTextPath="internal://x.txt"/></Sources>`);

  it('refuses a DOCTYPE or entity declaration', () => {
    const doctype = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY lol "lol">]><Project xmlns="urn:QDA-XML:project:1.0" name="&lol;"/>`;
    expect(importErr(zipQdpx({ 'project.qde': doctype }))).toBe(
      'study.qdpx: its project.qde declares a DOCTYPE or entities, which Gloss refuses to read (they can expand into huge text or reach outside the file); nothing was imported.',
    );
  });

  it('refuses an entry that points outside the archive', () => {
    expect(importErr(zipQdpx({ 'project.qde': good, '../../etc/evil.txt': 'x' }))).toBe(
      'study.qdpx: entry “../../etc/evil.txt” points outside the archive; nothing was imported.',
    );
  });

  it('refuses a decompression bomb', () => {
    const bomb = zipSync({ 'project.qde': new TextEncoder().encode(good), 'sources/x.txt': new Uint8Array(4 * 1024 * 1024) }, { level: 9 });
    expect(importErr(bomb)).toMatch(/^study\.qdpx: entry “sources\/x\.txt” is compressed more than 100:1.*; nothing was imported\.$/);
  });

  it('refuses malformed XML, a missing or doubled .qde, a codebook, and a file that is no ZIP', () => {
    expect(importErr(zipQdpx({ 'project.qde': '<Project name="x"><Sources></Project>' }))).toBe(
      "study.qdpx: its project.qde is not well-formed XML (line 1, column 28: Expected closing tag 'Sources' (opened in line 1, column 19) instead of closing tag 'Project'); nothing was imported.",
    );
    expect(importErr(zipQdpx({ 'sources/x.txt': 'x' }))).toBe('study.qdpx: it holds no .qde project file, so it is not a REFI-QDA project; nothing was imported.');
    // Files picked by mistake are named for what they are.
    expect(importErr(zipQdpx({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }))).toBe(
      'study.qdpx: it looks like a Word document (.docx), not a REFI-QDA project; nothing was imported.',
    );
    expect(importErr(new TextEncoder().encode('\ufeff<?xml version="1.0"?><CodeBook/>'))).toMatch(/^study\.qdpx: it is XML, not a \.qdpx archive; a REFI-QDA codebook \(\.qdc\) is imported with Import codebook…/);
    expect(importErr(zipQdpx({ 'a.qde': good, 'b.qde': good }))).toBe('study.qdpx: it holds 2 project files (a.qde, b.qde) where there should be one; nothing was imported.');
    expect(importErr(zipQdpx({ 'project.qde': '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>' }))).toMatch(/holds a <CodeBook>, not a REFI-QDA <Project> \(import it as a codebook instead\)/);
    expect(importErr(new TextEncoder().encode('not a zip'))).toMatch(/^study\.qdpx: it is not a valid REFI-QDA project \(\.qdpx\) file/);
  });

  it('refuses a code tree nested deeper than 100 levels', () => {
    const codes = `<CodeBook><Codes>${'<Code name="c" isCodable="true">'.repeat(101)}${'</Code>'.repeat(101)}</Codes></CodeBook>`;
    expect(importErr(zipQdpx({ 'project.qde': qde(codes) }))).toBe(
      'study.qdpx: the code “c > c > … > c” is nested 101 levels deep; Gloss reads code trees up to 100 levels; nothing was imported.',
    );
  });

  it('refuses from the size and first bytes alone, before the rest is read', () => {
    expect(qdpxRefusalBeforeReading('big.qdpx', 1.5 * 1024 ** 3, new Uint8Array(0))).toBe(
      'big.qdpx: it is 1.5 GB, more than the 1 GB Gloss reads; most of it will be pictures, audio or video, which Gloss does not import: export the project again without them, or remove them from its sources folder with a ZIP tool; nothing was imported.',
    );
    expect(qdpxRefusalBeforeReading('book.qdpx', 100, new TextEncoder().encode('<?xml version="1.0"?><CodeBook/>'))).toMatch(/^book\.qdpx: it is XML, not a \.qdpx archive/);
    expect(qdpxRefusalBeforeReading('photo.qdpx', 100, Uint8Array.from([0x89, 0x50, 0x4e, 0x47]))).toBe(
      'photo.qdpx: it is not a valid REFI-QDA project (.qdpx) file (its ZIP container is damaged or it is another kind of file); nothing was imported.',
    );
    expect(qdpxRefusalBeforeReading('study.qdpx', 100, zipQdpx({ 'project.qde': good }))).toBeNull();
  });
});

describe('readQdpx: real samples', () => {
  const sample = (name: string) => path.join(SAMPLES, name);
  const have = existsSync(SAMPLES);

  it.skipIf(!have)('NVivo for Mac: 262 nested codes (same names under different parents), 2 documents, 2 coders', () => {
    const { file, report } = importOk(readFileSync(sample('nvivo_project.qdpx')), 'auto', 'nvivo_project.qdpx');
    expect(report.imported).toEqual({ documents: 2, codes: 262, codings: 0, memos: 0, cases: 0, variables: 0, sets: 0, coders: 2 });
    expect(report.origin).toBe('NVivo for Mac 15.0.0');
    expect(report.skipped).toEqual([]);
    expect(file.project.name).toBe('qc project');
    expect(file.documents.map((d) => d.text)).toEqual(['\n', '\n']);
    const programming = file.codes.find((c) => c.id === '36636563-3863-6264-3638-303637613863')!;
    expect(programming.name).toBe('programming');
    expect(file.codes.find((c) => c.id === programming.parentId)!.name).toBe('competencies');
    // Same name under different parents stays two codes.
    const names = file.codes.map((c) => c.name);
    expect(names.length - new Set(names).size).toBeGreaterThan(0);
    expect(file.coders.map((c) => c.name).sort()).toEqual(['chrisp', 'cp']);
  });

  it.skipIf(!have)('ATLAS.ti empty project: no sources folder, uppercase GUIDs', () => {
    const { file, report } = importOk(readFileSync(sample('blank-atlas-project.qdpx')), 'auto', 'blank-atlas-project.qdpx');
    expect(report.imported).toMatchObject({ documents: 0, codes: 0, coders: 2 });
    expect(file.project.name).toBe('blank-atlas-project');
    expect(file.coders.map((c) => c.id)).toContain('088b08ac-d5cd-4adb-8b71-b4f3459c177f');
  });

  it.skipIf(!have)('a codebook (.qdc) given as a project is refused by name', () => {
    expect(importErr(readFileSync(sample('codebook.qdc')), 'codebook.qdc')).toMatch(/^codebook\.qdc: it is XML, not a \.qdpx archive; a REFI-QDA codebook \(\.qdc\) is imported with Import codebook/);
  });
});


describe('entryFinder', () => {
  it('finds a plainTextPath in sources/ or at the root, an exact name before one differing in case', () => {
    const find = entryFinder(['project.qde', 'Sources/A.TXT', 'sources/a.txt', 'notes/n.txt', 'b.txt', 'sources/100%.txt']);
    expect(find('internal://a.txt')).toBe('sources/a.txt');
    expect(find('internal:///sources/a.txt')).toBe('sources/a.txt');
    expect(find('internal://A.TXT')).toBe('Sources/A.TXT');
    expect(find('internal://a.Txt')).toBe('Sources/A.TXT');
    expect(find('internal://b.txt')).toBe('b.txt');
    expect(find('internal://notes%2Fn.txt')).toBe('notes/n.txt');
    expect(find('internal://100%.txt')).toBe('sources/100%.txt');
    expect(find('internal://missing.txt')).toBeNull();
    expect(find('internal://../project.qde')).toBeNull();
    expect(find('relative://x.txt')).toBe('external');
  });
});
