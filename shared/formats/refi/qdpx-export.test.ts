import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { validateProject } from '../../model/parse';
import type { Code, Coding, Memo, ProjectFile } from '../../model/schema';
import { emptyProjectFile, stateFromFile, type ProjectState } from '../../model/state';
import { quoteAt } from '../../text/quote';
import { refiGuid } from './guid';
import { projectQdpx, type QdpxExportOptions } from './qdpx-export';
import { xmlSafe } from './xml-escape';

/** The repository is checked out with ../shared beside it, here and in CI. */
const XSD = fileURLToPath(new URL('../../../../shared/refi-qda/Project-mrt2019.xsd', import.meta.url));
const XMLLINT = spawnSync('xmllint', ['--version']).error === undefined;
const workDir = mkdtempSync(join(tmpdir(), 'gloss-qdpx-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** xmllint's verdict on `xml` against Project-mrt2019.xsd. */
function validate(xml: string): { ok: boolean; output: string } {
  if (!existsSync(XSD)) throw new Error(`REFI-QDA schema not found at ${XSD}: check out ../shared beside the repository`);
  const file = join(workDir, `project-${Math.random().toString(36).slice(2)}.qde`);
  writeFileSync(file, xml, 'utf8');
  const run = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  return { ok: run.status === 0, output: run.stderr };
}

const NOW = '2025-03-01T09:00:00.000Z';
const LATER = '2025-03-02T10:30:00.000Z';
const ALICE = 'A1B2C3D4-0000-4000-8000-00000000000A';
const BOB = 'coder-bob';
const INTERVIEW = '0b5c8a3e-1d2f-4a6b-9c8d-7e6f5a4b3c2d';

/** Emoji (one astral, then a ZWJ family of three astral characters) come before the codings. */
const INTERVIEW_TEXT = 'Hi 😀 there.\nWe trust 👩‍👩‍👧 the police & courts.\n<Not> "always" though.\n';
/** A control character XML cannot hold, inside a coded passage. */
const NOTES_TEXT = 'Plain notes: bell\u0007 rang & stopped.';

function code(id: string, name: string, parentId: string | null, extra: Partial<Code> = {}): Code {
  return { id, name, color: '#1f77b4', description: '', parentId, codable: true, createdAt: NOW, ...extra };
}

function coding(id: string, documentId: string, text: string, codeId: string, coderId: string, quote: string, occurrence = 0): Coding {
  let start = text.indexOf(quote);
  for (let i = 0; i < occurrence; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`fixture: "${quote}" not in text`);
  const end = start + quote.length;
  return { id, documentId, codeId, coderId, start, end, ...quoteAt(text, start, end), createdAt: NOW, needsReview: false };
}

function memo(id: string, target: Memo['target'], title: string, text: string): Memo {
  return { id, target, title, text, coderId: ALICE, createdAt: NOW, modifiedAt: LATER };
}

/** A project touching every part of the export. Entities are listed out of id order on purpose. */
function projectFile(): ProjectFile {
  const file = emptyProjectFile('Fieldwork & "trust"', NOW);
  file.project.description = 'Pilot interviews, spring 2025.';
  file.project.modifiedAt = LATER;
  file.coders = [
    { id: BOB, name: 'Bob', color: '#ff7f0e' },
    { id: ALICE, name: 'Alice', color: '#1f77b4' },
  ];
  file.documents = [
    { id: INTERVIEW, name: 'Interview 1', text: INTERVIEW_TEXT, createdAt: NOW, source: null, attributes: { 'v-site': 'Leeds' }, structure: [] },
    { id: 'd-notes', name: 'Field notes', text: NOTES_TEXT, createdAt: NOW, source: null, attributes: {}, structure: [] },
    { id: 'd-empty', name: 'Empty', text: '', createdAt: NOW, source: null, attributes: {}, structure: [] },
  ];
  file.codes = [
    code('c-themes', 'Themes', null, { codable: false, color: '#AABBCC', description: 'Folder <for> themes' }),
    code('c-trust', 'Trust', 'c-themes', { description: 'Trust in institutions' }),
    code('c-other-1', 'Other', 'c-trust'),
    code('c-other-2', 'Other', 'c-themes'),
    code('c-emotion', 'Emotion', null, { color: '#00ff00' }),
  ];
  file.codings = [
    coding('k-greeting', INTERVIEW, INTERVIEW_TEXT, 'c-emotion', ALICE, 'Hi 😀'),
    coding('k-trust', INTERVIEW, INTERVIEW_TEXT, 'c-trust', ALICE, 'trust 👩‍👩‍👧 the police'),
    // Overlaps k-trust: same code on a wider span by another coder, and another code inside it.
    coding('k-trust-wide', INTERVIEW, INTERVIEW_TEXT, 'c-trust', BOB, 'We trust 👩‍👩‍👧 the police & courts.'),
    coding('k-police', INTERVIEW, INTERVIEW_TEXT, 'c-other-1', BOB, 'police'),
    coding('k-always', INTERVIEW, INTERVIEW_TEXT, 'c-other-2', ALICE, '<Not> "always"'),
    coding('k-bell', 'd-notes', NOTES_TEXT, 'c-emotion', BOB, 'bell\u0007 rang & stopped'),
    coding('k-plain', 'd-notes', NOTES_TEXT, 'c-other-2', ALICE, 'Plain'),
  ];
  file.memos = [
    memo('m-project', { kind: 'project' }, 'Project plan', 'Code everything twice.\nThen compare.'),
    memo('m-doc', { kind: 'document', id: INTERVIEW }, 'About interview 1', 'Noisy café 😀'),
    memo('m-code', { kind: 'code', id: 'c-trust' }, 'Trust memo', 'Includes courts & <police>.'),
    memo('m-coding', { kind: 'coding', id: 'k-trust' }, 'Why trust', 'The emoji matter.'),
    memo('m-project-2', { kind: 'project' }, 'Second thoughts', ''),
  ];
  file.variables = [
    { id: 'v-site', name: 'Site', type: 'text', description: 'Where we met' },
    { id: 'v-age', name: 'Age', type: 'number', description: '' },
    { id: 'v-consent', name: 'Consent', type: 'boolean', description: '' },
    { id: 'v-date', name: 'Interview date', type: 'date', description: '' },
    { id: 'v-score', name: 'Score', type: 'number', description: '' },
  ];
  file.cases = [
    {
      id: 'case-2',
      name: 'Participant 2',
      description: '',
      documentIds: ['d-notes'],
      values: { 'v-age': 1e21, 'v-consent': false, 'v-date': '2024-02-29', 'v-score': 'n/a' },
    },
    {
      id: 'case-1',
      name: 'Participant 1',
      description: 'First & best',
      documentIds: [INTERVIEW, 'd-notes'],
      values: { 'v-age': 42.5, 'v-consent': true, 'v-date': '2025-01-31', 'v-site': 'Leeds', 'v-score': 7 },
    },
  ];
  file.sets = [
    { id: 's-docs', name: 'Interviews', description: 'Transcribed', kind: 'documents', memberIds: [INTERVIEW, 'd-gone'] },
    { id: 's-codes', name: 'Key codes', description: '', kind: 'codes', memberIds: ['c-other-1', 'c-trust'] },
  ];
  return file;
}

/** The file through the project schema (as if opened), then as live state. */
function stateOf(file: ProjectFile): ProjectState {
  const checked = validateProject(JSON.parse(JSON.stringify(file)));
  if (!checked.ok) throw new Error(`fixture is not a valid project: ${checked.error}`);
  return stateFromFile(checked.value);
}

const OPTIONS: QdpxExportOptions = { positions: 'codepoints', origin: 'Gloss 0.1.0' };

function exportBytes(state: ProjectState, options: QdpxExportOptions = OPTIONS): Uint8Array {
  const result = projectQdpx(state, options);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

interface Unpacked {
  entries: Record<string, Uint8Array>;
  xml: string;
}

function unpack(bytes: Uint8Array): Unpacked {
  const entries = unzipSync(bytes);
  const qde = entries['project.qde'];
  if (!qde) throw new Error('no project.qde');
  return { entries, xml: new TextDecoder('utf-8', { fatal: true }).decode(qde) };
}

const ARRAYS = ['User', 'Code', 'Variable', 'Case', 'TextSource', 'PlainTextSelection', 'NoteRef', 'Note', 'Set', 'MemberCode', 'MemberSource', 'SourceRef', 'VariableValue'];
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name) => ARRAYS.includes(name),
});

type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function projectNode(xml: string): Node {
  return parser.parse(xml).Project;
}

/** Selections of every source, with the source's text decoded from the archive. */
function selections(unpacked: Unpacked): { selection: Node; codingGuid: string; text: string }[] {
  const out: { selection: Node; codingGuid: string; text: string }[] = [];
  for (const source of projectNode(unpacked.xml).Sources.TextSource as Node[]) {
    const path = (source.plainTextPath as string).replace('internal://', 'sources/');
    const text = new TextDecoder().decode(unpacked.entries[path]);
    for (const selection of (source.PlainTextSelection ?? []) as Node[]) out.push({ selection, codingGuid: selection.Coding.guid, text });
  }
  return out;
}

const codePoints = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');
const guidOf = (table: Parameters<typeof refiGuid>[0], id: string) => refiGuid(table, id).toLowerCase();

describe('projectQdpx', () => {
  const file = projectFile();
  const state = stateOf(file);
  const unpacked = unpack(exportBytes(state));
  const project = projectNode(unpacked.xml);

  it('holds project.qde and one sources/<GUID>.txt per document, nothing else', () => {
    expect(Object.keys(unpacked.entries).sort()).toEqual(
      ['project.qde', ...file.documents.map((d) => `sources/${guidOf('documents', d.id)}.txt`)].sort(),
    );
    expect(unpacked.xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0"')).toBe(true);
    expect(project).toMatchObject({ name: 'Fieldwork & "trust"', origin: 'Gloss 0.1.0', creationDateTime: NOW, modifiedDateTime: LATER });
  });

  it.skipIf(!XMLLINT)('validates against Project-mrt2019.xsd, in both position units (needs xmllint from libxml2-utils)', () => {
    for (const positions of ['codepoints', 'utf16'] as const) {
      const { ok, output } = validate(unpack(exportBytes(state, { ...OPTIONS, positions })).xml);
      expect(output).toContain('validates');
      expect(ok).toBe(true);
    }
  });

  it.skipIf(!XMLLINT)('the validator rejects children out of the schema order (so the check above can fail)', () => {
    // Notes moved before Sources breaks the Project sequence.
    const notes = /\n {2}<Notes>[\s\S]*?\n {2}<\/Notes>/.exec(unpacked.xml)![0];
    const swapped = unpacked.xml.replace(notes, '').replace('\n  <Sources>', `${notes}\n  <Sources>`);
    const { ok, output } = validate(swapped);
    expect(ok).toBe(false);
    expect(output).toContain('Sources');
  });

  it('writes texts as UTF-8 with LF, no BOM and no CR, exactly as Gloss holds them', () => {
    for (const doc of file.documents) {
      const bytes = unpacked.entries[`sources/${guidOf('documents', doc.id)}.txt`]!;
      expect([...bytes.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.includes(0x0d)).toBe(false);
      expect(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)).toBe(doc.text);
    }
  });

  it('places every selection by code points on its coding’s quote, and names it with the quote', () => {
    const found = selections(unpacked);
    expect(found).toHaveLength(file.codings.length);
    for (const { selection, codingGuid, text } of found) {
      const glossCoding = file.codings.find((c) => guidOf('codings', c.id) === codingGuid)!;
      const start = Number(selection.startPosition);
      const end = Number(selection.endPosition);
      expect(codePoints(text, start, end)).toBe(glossCoding.quote);
      // The control character is replaced in the attribute only; the .txt keeps it.
      expect(selection.name).toBe(xmlSafe(glossCoding.quote));
    }
    const trust = found.find((f) => f.codingGuid === guidOf('codings', 'k-trust'))!.selection;
    // "Hi 😀 there.\nWe " is 16 UTF-16 units but 15 code points; the family emoji is 8 units, 5 code points.
    expect([trust.startPosition, trust.endPosition]).toEqual(['15', '37']);
  });

  it('writes UTF-16 positions for NVivo, differing from code points exactly after the emoji', () => {
    const utf16 = selections(unpack(exportBytes(state, { ...OPTIONS, positions: 'utf16' })));
    const points = new Map(selections(unpacked).map((s) => [s.codingGuid, s.selection]));
    const differing: string[] = [];
    for (const { selection, codingGuid } of utf16) {
      const glossCoding = file.codings.find((c) => guidOf('codings', c.id) === codingGuid)!;
      expect([Number(selection.startPosition), Number(selection.endPosition)]).toEqual([glossCoding.start, glossCoding.end]);
      const inPoints = points.get(codingGuid)!;
      const doc = file.documents.find((d) => d.id === glossCoding.documentId)!;
      const astralBefore = (offset: number) => Array.from(doc.text.slice(0, offset)).filter((ch) => ch.length === 2).length;
      expect(Number(inPoints.startPosition)).toBe(glossCoding.start - astralBefore(glossCoding.start));
      expect(Number(inPoints.endPosition)).toBe(glossCoding.end - astralBefore(glossCoding.end));
      if (inPoints.startPosition !== selection.startPosition || inPoints.endPosition !== selection.endPosition) differing.push(glossCoding.id);
    }
    // "Hi 😀" ends after the first emoji, so its end differs but nothing in "Field notes" does.
    expect(differing.sort()).toEqual(['k-always', 'k-greeting', 'k-police', 'k-trust', 'k-trust-wide']);
    const greeting = utf16.find((s) => s.codingGuid === guidOf('codings', 'k-greeting'))!.selection;
    expect([greeting.startPosition, greeting.endPosition]).toEqual(['0', '5']);
    expect(points.get(guidOf('codings', 'k-greeting'))!.endPosition).toBe('4');
  });

  it('writes each selection’s Coding with its code, coder and time, and the selection GUID differs from the coding’s', () => {
    const bell = selections(unpacked).find((s) => s.codingGuid === guidOf('codings', 'k-bell'))!.selection;
    expect(bell.guid).not.toBe(bell.Coding.guid);
    expect(bell).toMatchObject({ creatingUser: guidOf('coders', BOB), creationDateTime: NOW });
    expect(bell.Coding).toMatchObject({ creatingUser: guidOf('coders', BOB), creationDateTime: NOW, CodeRef: { targetGUID: guidOf('codes', 'c-emotion') } });
    expect(project.Users.User).toEqual([
      { guid: guidOf('coders', ALICE), name: 'Alice' },
      { guid: guidOf('coders', BOB), name: 'Bob' },
    ]);
    // A UUID id is kept, in lower case.
    expect(guidOf('coders', ALICE)).toBe(ALICE.toLowerCase());
  });

  it('nests the codebook, keeping equal names under different parents apart', () => {
    const top = project.CodeBook.Codes.Code as Node[];
    expect(top.map((c) => c.name)).toEqual(['Emotion', 'Themes']);
    const themes = top[1]!;
    expect(themes).toMatchObject({ guid: guidOf('codes', 'c-themes'), isCodable: 'false', color: '#AABBCC', Description: 'Folder <for> themes' });
    expect((themes.Code as Node[]).map((c) => [c.name, c.guid])).toEqual([
      ['Other', guidOf('codes', 'c-other-2')],
      ['Trust', guidOf('codes', 'c-trust')],
    ]);
    const trust = themes.Code[1];
    expect(trust).toMatchObject({ isCodable: 'true', Description: 'Trust in institutions' });
    expect(trust.NoteRef).toEqual([{ targetGUID: guidOf('memos', 'm-code') }]);
    expect(trust.Code.map((c: Node) => [c.name, c.guid])).toEqual([['Other', guidOf('codes', 'c-other-1')]]);
    // Description, NoteRef, child Code: the CodeType sequence.
    const trustXml = unpacked.xml.slice(unpacked.xml.indexOf(`<Code guid="${guidOf('codes', 'c-trust')}"`));
    expect(trustXml.indexOf('<Description>')).toBeLessThan(trustXml.indexOf('<NoteRef'));
    expect(trustXml.indexOf('<NoteRef')).toBeLessThan(trustXml.indexOf(`<Code guid="${guidOf('codes', 'c-other-1')}"`));
  });

  it('writes memos as Notes and attaches them where they belong', () => {
    const notes = project.Notes.Note as Node[];
    expect(notes.map((n) => n.name)).toEqual(['Trust memo', 'Why trust', 'About interview 1', 'Project plan', 'Second thoughts']);
    expect(notes[3]).toMatchObject({
      guid: guidOf('memos', 'm-project'),
      creatingUser: guidOf('coders', ALICE),
      creationDateTime: NOW,
      modifiedDateTime: LATER,
      PlainTextContent: 'Code everything twice.\nThen compare.',
    });
    expect(notes[4]!.PlainTextContent).toBe('');
    // Project memos are the Project's last children, after Description, which holds them too
    // (after the project's own description) for tools that read no Notes.
    expect(unpacked.xml).toMatch(
      new RegExp(
        `<Description>Pilot interviews, spring 2025.\n\nProject plan\nCode everything twice.\nThen compare.\n\nSecond thoughts</Description>\n  <NoteRef targetGUID="${guidOf('memos', 'm-project')}"/>\n  <NoteRef targetGUID="${guidOf('memos', 'm-project-2')}"/>\n</Project>\n$`,
      ),
    );
    const interview = (project.Sources.TextSource as Node[]).find((s) => s.guid === INTERVIEW)!;
    expect(interview.NoteRef).toEqual([{ targetGUID: guidOf('memos', 'm-doc') }]);
    // A document memo is also the TextSource's Description, a coding memo its selection's.
    expect(interview.Description).toBe('About interview 1\nNoisy café 😀');
    const trustSelection = selections(unpacked).find((s) => s.codingGuid === guidOf('codings', 'k-trust'))!.selection;
    expect(trustSelection.Description).toBe('Why trust\nThe emoji matter.');
    expect(trustSelection.Coding.NoteRef).toEqual([{ targetGUID: guidOf('memos', 'm-coding') }]);
    // A selection without a memo has no Description.
    expect(selections(unpacked).filter((s) => s.selection.Description !== undefined)).toHaveLength(1);
  });

  it('writes variables with REFI types, case values and document values', () => {
    const variables = project.Variables.Variable as Node[];
    expect(variables.map((v) => [v.name, v.typeOfVariable])).toEqual([
      ['Age', 'Float'],
      ['Consent', 'Boolean'],
      ['Interview date', 'Date'],
      // One value ("n/a") is not a number, so the variable goes as Text and keeps every value.
      ['Score', 'Text'],
      ['Site', 'Text'],
    ]);
    expect(variables[4]!.Description).toBe('Where we met');
    const cases = project.Cases.Case as Node[];
    expect(cases.map((c) => c.name)).toEqual(['Participant 1', 'Participant 2']);
    const valueOf = (item: Node, variableId: string) => {
      const value = (item.VariableValue as Node[]).find((v) => v.VariableRef.targetGUID === guidOf('variables', variableId));
      return value && Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'VariableRef' && !key.startsWith('#')));
    };
    const [first, second] = cases as [Node, Node];
    expect(first.Description).toBe('First & best');
    expect(valueOf(first, 'v-age')).toEqual({ FloatValue: '42.5' });
    expect(valueOf(first, 'v-consent')).toEqual({ BooleanValue: 'true' });
    expect(valueOf(first, 'v-date')).toEqual({ DateValue: '2025-01-31' });
    expect(valueOf(first, 'v-score')).toEqual({ TextValue: '7' });
    expect(valueOf(second, 'v-age')).toEqual({ FloatValue: '1000000000000000000000' });
    expect(valueOf(second, 'v-score')).toEqual({ TextValue: 'n/a' });
    expect(valueOf(second, 'v-site')).toBeUndefined();
    expect(first.SourceRef).toEqual([{ targetGUID: INTERVIEW }, { targetGUID: guidOf('documents', 'd-notes') }]);
    const interview = (project.Sources.TextSource as Node[]).find((s) => s.guid === INTERVIEW)!;
    expect(valueOf(interview, 'v-site')).toEqual({ TextValue: 'Leeds' });
  });

  it('writes document sets with MemberSource and code sets with MemberCode, leaving out members that are gone', () => {
    const sets = project.Sets.Set as Node[];
    expect(sets.map((s) => s.name)).toEqual(['Interviews', 'Key codes']);
    expect(sets[0]).toMatchObject({ guid: guidOf('sets', 's-docs'), Description: 'Transcribed', MemberSource: [{ targetGUID: INTERVIEW }] });
    expect(sets[0]!.MemberCode).toBeUndefined();
    expect(sets[1]!.MemberCode).toEqual([{ targetGUID: guidOf('codes', 'c-other-1') }, { targetGUID: guidOf('codes', 'c-trust') }]);
  });

  it('points every reference at a GUID the file defines, and every plainTextPath at a stored file', () => {
    const defined = new Set([...unpacked.xml.matchAll(/ guid="([^"]+)"/g)].map((m) => m[1]));
    expect(defined.size).toBe([...unpacked.xml.matchAll(/ guid="/g)].length);
    const references = [...unpacked.xml.matchAll(/ (targetGUID|creatingUser)="([^"]+)"/g)];
    expect(references.length).toBeGreaterThan(40);
    for (const [, attribute, guid] of references) expect(defined.has(guid), `${attribute}=${guid}`).toBe(true);
    for (const [, path] of unpacked.xml.matchAll(/ plainTextPath="internal:\/\/([^"]+)"/g)) expect(unpacked.entries[`sources/${path}`]).toBeDefined();
  });

  it('is byte-identical across exports, whatever order the entities were added in', () => {
    const again = exportBytes(stateOf(projectFile()));
    const reversed = projectFile();
    for (const table of ['coders', 'documents', 'codes', 'codings', 'memos', 'cases', 'variables', 'sets'] as const) reversed[table].reverse();
    const bytes = exportBytes(state);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    expect(Buffer.from(exportBytes(stateOf(reversed))).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('projectQdpx edge cases', () => {
  it.skipIf(!XMLLINT)('a project with no codes, codings, memos or coders leaves the empty sections out and still validates', () => {
    const file = emptyProjectFile('Minimal', NOW);
    const minimal = unpack(exportBytes(stateOf(file)));
    expect(Object.keys(minimal.entries)).toEqual(['project.qde']);
    expect(minimal.xml).toMatch(/<Project [^>]*name="Minimal"[^>]*\/>\n$/);
    expect(validate(minimal.xml).ok).toBe(true);

    file.documents = [{ id: 'd-1', name: 'Only text', text: 'Just words.\n', createdAt: NOW, source: null, attributes: {}, structure: [] }];
    const oneDocument = unpack(exportBytes(stateOf(file)));
    expect(oneDocument.xml).not.toMatch(/<(Users|CodeBook|Variables|Cases|Notes|Sets)\b/);
    expect(validate(oneDocument.xml)).toMatchObject({ ok: true });
  });

  it('writes CRLF as LF and moves positions after it back by one', () => {
    const text = 'one\r\ntwo 😀\r\nthree';
    const file = emptyProjectFile('CRLF', NOW);
    file.coders = [{ id: 'c', name: 'C', color: '#000000' }];
    file.documents = [{ id: 'd', name: 'Windows text', text, createdAt: NOW, source: null, attributes: {}, structure: [] }];
    file.codes = [code('k', 'K', null)];
    file.codings = [coding('x', 'd', text, 'k', 'c', 'three')];
    const unpacked = unpack(exportBytes(stateOf(file)));
    const [only] = selections(unpacked);
    expect(only!.text).toBe('one\ntwo 😀\nthree');
    // Two CRs dropped and one emoji counted once: UTF-16 offset 13 becomes code point 10.
    expect([only!.selection.startPosition, only!.selection.endPosition]).toEqual(['10', '15']);
    expect(codePoints(only!.text, 10, 15)).toBe('three');
  });

  it('refuses a project in which two entities share one GUID, naming both', () => {
    const file = projectFile();
    file.codes.push(code(INTERVIEW, 'Clash', null));
    const result = projectQdpx(stateFromFile(file), OPTIONS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(`code “Clash” and document “Interview 1” share the id ${INTERVIEW}`);
  });

  it('refuses a coding that points outside its document instead of exporting the wrong passage', () => {
    const state = stateOf(projectFile());
    state.codings.set('k-plain', { ...state.codings.get('k-plain')!, end: 500 });
    const result = projectQdpx(state, OPTIONS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('Coding k-plain in “Field notes” spans 0–500');
  });
});
