/**
 * Memos as Descriptions: Gloss writes each memo as a Note and as the Description of what it
 * is about; reading a file back gives each memo once, and a file from a tool that writes
 * only Descriptions (QualCoder) or both, differently (ATLAS.ti comments beside notes), keeps
 * every one of them. The files are checked against the REFI-QDA schema with xmllint.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProjectFile } from '../../model/schema';
import { emptyProjectFile, stateFromFile } from '../../model/state';
import { quoteAt } from '../../text/quote';
import { codePointSpan, qde, selection, zipQdpx } from './fixtures/qdpx-fixtures';
import { memoDescription, projectDescriptionBeyondNotes, repeatsNotes } from './memo-descriptions';
import { projectQdpx } from './qdpx-export';
import { readQdpx } from './qdpx-import';

const XSD = fileURLToPath(new URL('../../../../shared/refi-qda/Project-mrt2019.xsd', import.meta.url));
const XMLLINT = spawnSync('xmllint', ['--version']).error === undefined;
const workDir = mkdtempSync(join(tmpdir(), 'gloss-memo-desc-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** xmllint's messages on `xml` against the REFI-QDA project schema; '' when it validates. */
function schemaErrors(xml: string): string {
  const file = join(workDir, `p-${Math.random().toString(36).slice(2)}.qde`);
  writeFileSync(file, xml, 'utf8');
  const run = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  return run.status === 0 ? '' : run.stderr;
}

const NOW = '2026-02-01T09:00:00.000Z';
const LATER = '2026-02-03T09:00:00.000Z';
const ANA = '0a000000-0000-4000-8000-000000000001';
const DOC = '0d000000-0000-4000-8000-000000000001';
const CODE = '0c000000-0000-4000-8000-000000000001';
const CODING = '0e000000-0000-4000-8000-000000000001';
const TEXT = 'Officer: Nobody trained us on the new system.\n\nInterviewer: Why?';

function project(description: string): ProjectFile {
  const file = emptyProjectFile('Memos travel', NOW);
  file.project.description = description;
  file.coders = [{ id: ANA, name: 'Ana', color: '#336699' }];
  file.documents = [{ id: DOC, name: 'Interview 1', text: TEXT, createdAt: NOW, source: null, attributes: {}, structure: [] }];
  file.codes = [{ id: CODE, name: 'Training', color: '#1f77b4', description: '', parentId: null, codable: true, createdAt: NOW }];
  const start = TEXT.indexOf('Nobody');
  const end = start + 'Nobody trained us'.length;
  file.codings = [{ id: CODING, documentId: DOC, codeId: CODE, coderId: ANA, start, end, ...quoteAt(TEXT, start, end), createdAt: NOW, needsReview: false }];
  let n = 0;
  const memo = (target: ProjectFile['memos'][number]['target'], title: string, text: string, at = NOW) => ({ id: `0f000000-0000-4000-8000-00000000000${++n}`, target, title, text, coderId: ANA, createdAt: at, modifiedAt: at });
  file.memos = [
    memo({ kind: 'project' }, 'Week 1', 'Started coding.\n\nThe second paragraph & <more>.'),
    memo({ kind: 'project' }, '', 'Untitled thought.', LATER),
    memo({ kind: 'document', id: DOC }, 'Setting', 'At the station, night shift.'),
    memo({ kind: 'coding', id: CODING }, 'Why it matters', 'Training is the theme of the whole interview.'),
    memo({ kind: 'coding', id: CODING }, 'Second look', 'Compare with Interview 2.', LATER),
  ];
  return file;
}

function exportXml(file: ProjectFile): { bytes: Uint8Array; xml: string } {
  const exported = projectQdpx(stateFromFile(file), { positions: 'codepoints', origin: 'Gloss test' });
  if (!exported.ok) throw new Error(exported.error);
  return { bytes: exported.value, xml: strFromU8(unzipSync(exported.value)['project.qde']!) };
}

/** The project read from `bytes`; a file Gloss wrote must read without warnings. */
function read(bytes: Uint8Array, ownExport = false): ProjectFile {
  let n = 0;
  const result = readQdpx(bytes, 'memos.qdpx', { positions: 'auto', now: LATER, newId: () => `new-${++n}` });
  if (!result.ok) throw new Error(result.error);
  if (ownExport) expect(result.value.report.warnings).toEqual([]);
  return result.value.file;
}

const memoShapes = (file: ProjectFile) => file.memos.map((m) => `${m.target.kind}|${m.title}|${m.text}`).sort();

describe('memoDescription and the checks for doubles', () => {
  it('writes one paragraph a memo, the title on its own line', () => {
    expect(memoDescription([{ title: 'A', text: 'one\ntwo' }, { title: '', text: 'three' }, { title: 'Only title', text: '  ' }])).toBe('A\none\ntwo\n\nthree\n\nOnly title');
  });

  it('knows a Description that repeats the notes, whatever their order and line endings', () => {
    const notes = [{ title: 'A', text: 'one' }, { title: 'B', text: 'two' }];
    expect(repeatsNotes('B\r\ntwo\r\n\r\nA\r\none', notes)).toBe(true);
    expect(repeatsNotes('A\none\n\nB\ntwo\n\nC', notes)).toBe(false);
    expect(repeatsNotes('anything', [])).toBe(false);
  });

  it('takes the project memos off the end of the project’s description, keeping its own words', () => {
    const notes = [{ target: { kind: 'project' as const }, title: 'Week 1', text: 'a\n\nb', createdAt: NOW }] as never;
    expect(projectDescriptionBeyondNotes('Own words.\n\nWeek 1\na\n\nb', notes)).toBe('Own words.');
    expect(projectDescriptionBeyondNotes('Week 1\na\n\nb', notes)).toBe('');
    expect(projectDescriptionBeyondNotes('Something else entirely.', notes)).toBe('Something else entirely.');
  });
});

describe('memos travel as Notes and Descriptions', () => {
  it.each([['with its own description', 'Pilot study of training.'], ['without one', '']])('a project %s comes back with each memo once and its description as it was', (_, description) => {
    const original = project(description);
    const { bytes, xml } = exportXml(original);
    if (XMLLINT) expect(schemaErrors(xml)).toBe('');
    // Every place QualCoder looks holds the memos.
    expect(xml).toContain('<Description>Setting\nAt the station, night shift.</Description>');
    expect(xml).toContain('<Description>Why it matters\nTraining is the theme of the whole interview.\n\nSecond look\nCompare with Interview 2.</Description>');
    expect(xml).toContain(`<Description>${description ? `${description}\n\n` : ''}Week 1\nStarted coding.\n\nThe second paragraph &amp; &lt;more&gt;.\n\nUntitled thought.</Description>`);
    const back = read(bytes, true);
    expect(memoShapes(back)).toEqual(memoShapes(original));
    expect(back.project.description).toBe(description);
  });

  it('makes memos of the Descriptions of a file that has no Notes (as QualCoder writes it)', () => {
    const xml = qde(
      `<Users><User guid="${ANA}" name="Ana"/></Users>` +
        `<CodeBook><Codes><Code guid="${CODE}" name="Training" isCodable="true"/></Codes></CodeBook>` +
        `<Sources><TextSource guid="${DOC}" name="Interview 1" plainTextPath="internal://${DOC}.txt" creatingUser="${ANA}" creationDateTime="2024-05-01T10:00:00Z">` +
        `<Description>Recorded at the station.</Description>` +
        selection('51000000-0000-4000-8000-000000000001', codePointSpan(TEXT, 'Nobody trained us'), [CODE], { user: ANA, body: '<Description>Key quote for the report.</Description>' }) +
        `</TextSource></Sources><Description>QualCoder project memo.</Description>`,
      { origin: 'QualCoder 3.6' },
    );
    if (XMLLINT) expect(schemaErrors(xml)).toBe('');
    const file = read(zipQdpx({ 'project.qde': xml, [`sources/${DOC}.txt`]: TEXT }));
    expect(memoShapes(file)).toEqual(['coding|Comment|Key quote for the report.', 'document|Description|Recorded at the station.']);
    expect(file.project.description).toBe('QualCoder project memo.');
  });

  it('keeps a Description and a Note that say different things on one passage, as two memos', () => {
    const note = '40000000-0000-4000-8000-000000000001';
    const xml = qde(
      `<Users><User guid="${ANA}" name="Ana"/></Users>` +
        `<CodeBook><Codes><Code guid="${CODE}" name="Training" isCodable="true"/></Codes></CodeBook>` +
        `<Sources><TextSource guid="${DOC}" name="Interview 1" plainTextPath="internal://${DOC}.txt">` +
        selection('51000000-0000-4000-8000-000000000001', codePointSpan(TEXT, 'Nobody trained us'), [CODE], { user: ANA, body: `<Description>Quotation comment.</Description>` }) +
        `<NoteRef targetGUID="${note}"/></TextSource></Sources>` +
        `<Notes><Note guid="${note}" name="Memo" creatingUser="${ANA}"><PlainTextContent>A longer memo on the interview.</PlainTextContent></Note></Notes>`,
      { origin: 'ATLAS.ti 23' },
    );
    if (XMLLINT) expect(schemaErrors(xml)).toBe('');
    const file = read(zipQdpx({ 'project.qde': xml, [`sources/${DOC}.txt`]: TEXT }));
    expect(memoShapes(file)).toEqual(['coding|Comment|Quotation comment.', 'document|Memo|A longer memo on the interview.']);
  });
});
