import { describe, expect, it } from 'vitest';
import { codePath, codeTree } from '../../model/codes';
import type { Code, GlossSet } from '../../model/schema';
import { serializeProject } from '../../model/serialize';
import { emptyProjectFile, fileFromState, stateFromFile, type ProjectState } from '../../model/state';
import { codebookCsv } from '../../export/csv-codebook';
import type { PlanContext } from '../../ops/plan';
import { applyChecked } from '../../ops/fixtures/apply-checked';
import { opRequestSchema } from '../../ops/requests';
import { refiGuid } from '../refi/guid';
import { codebookQdc } from '../refi/qdc-export';
import { previewCodebookImport } from './match';
import { previewLines } from './preview-lines';
import { readCodebook } from './read';
import type { CodebookPreview, IncomingCodebook } from './types';

const NOW = '2025-03-01T09:00:00.000Z';
const UUID_ROOT = '3F2504E0-4F89-41D3-9A0C-0305E82C3301';
const UUID_CHILD = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11';

function code(id: string, name: string, parentId: string | null, extra: Partial<Code> = {}): Code {
  return { id, name, color: '#1f77b4', description: '', parentId, codable: true, createdAt: NOW, ...extra };
}

/** Three levels, "Other" under two parents, a folder, non-UUID ids, a code set and a document set. */
function project(): ProjectState {
  const file = emptyProjectFile('Fieldwork', NOW);
  file.codes = [
    code(UUID_ROOT, 'Themes', null, { codable: false, color: '#AABBCC', description: 'Folder for themes' }),
    code(UUID_CHILD, 'Trust', UUID_ROOT, { description: 'Fish & chips <b>"bold"</b> 🐟\nsecond line' }),
    code('c-other-1', 'Other', UUID_CHILD),
    code('c-police', 'Police', UUID_CHILD, { color: '#d55e00' }),
    code('c-other-2', 'Other', UUID_ROOT, { description: 'the other other' }),
    code('c-alpha', 'Alpha', null, { color: '#00ff00' }),
  ];
  const set = (id: string, name: string, kind: GlossSet['kind'], memberIds: string[]): GlossSet => ({ id, name, description: '', kind, memberIds });
  file.sets = [set('s-key', 'Key codes', 'codes', ['c-police', UUID_CHILD]), set('s-docs', 'Interviews', 'documents', [])];
  return stateFromFile(file);
}

const empty = () => stateFromFile(emptyProjectFile('New', NOW));

function context(): PlanContext {
  let n = 0;
  return { now: NOW, newId: () => `new-${++n}`, coder: { id: 'coder-1', name: 'Ana', color: '#1f77b4' } };
}

const bytes = (text: string) => new TextEncoder().encode(text);

function incoming(text: string, fileName: string): IncomingCodebook {
  const read = readCodebook(bytes(text), fileName);
  if (!read.ok) throw new Error(read.error);
  return read.value;
}

function qdcOf(state: ProjectState): IncomingCodebook {
  const xml = codebookQdc(state, 'Gloss');
  if (!xml.ok) throw new Error(xml.error);
  return incoming(xml.value, 'Fieldwork - codebook.qdc');
}

/**
 * Imports through the operation, as the host does (request validated by the op schema),
 * checks that undoing restores the project byte for byte, and returns the preview shown
 * beforehand and the number of patches.
 */
function importInto(state: ProjectState, codebook: IncomingCodebook): { preview: CodebookPreview; patches: number; label: string } {
  const preview = previewCodebookImport(state, codebook);
  const request = opRequestSchema.parse({ type: 'importCodebook', codebook });
  const planned = applyChecked(state, context(), request);
  return { preview, patches: planned.change.patches.length, label: planned.label };
}

/** The code tree as comparable lines: path, colour (lower case), folder or not, description. */
function tree(state: ProjectState, withCodable = true): string[] {
  return codeTree(state.codes.values()).map(
    ({ code: c }) => `${codePath(state, c.id)} | ${c.color.toLowerCase()}${withCodable ? ` | ${c.codable ? 'codable' : 'folder'}` : ''} | ${c.description}`,
  );
}

/** Code sets by name, members as paths. */
function codeSets(state: ProjectState): Record<string, string[]> {
  return Object.fromEntries(
    [...state.sets.values()].filter((s) => s.kind === 'codes').map((s) => [s.name, s.memberIds.map((id) => codePath(state, id))]),
  );
}

const ALL_PATHS = ['Alpha', 'Themes', 'Themes > Other', 'Themes > Trust', 'Themes > Trust > Other', 'Themes > Trust > Police'];

describe('importing a Gloss .qdc', () => {
  it('into an empty project gives the same hierarchy, colours, descriptions, folders and sets', () => {
    const original = project();
    const target = empty();
    const { preview, label } = importInto(target, qdcOf(original));
    expect(label).toBe('Import codebook “Fieldwork - codebook.qdc”');
    expect(tree(target)).toEqual(tree(original));
    expect([...preview.added].sort()).toEqual(ALL_PATHS);
    expect(preview).toMatchObject({ matched: [], renamed: [], updated: [], warnings: [], sets: { added: ['Key codes'], matched: [] } });
    expect(codeSets(target)).toEqual({ 'Key codes': ['Themes > Trust > Police', 'Themes > Trust'] });
    // New codes take the file's GUIDs as ids, so the next import matches them by GUID.
    expect(target.codes.has(UUID_CHILD)).toBe(true);
    expect(target.codes.has(UUID_ROOT.toLowerCase())).toBe(true);
    expect(target.codes.has(refiGuid('codes', 'c-police'))).toBe(true);
    expect(target.sets.has(refiGuid('sets', 's-key'))).toBe(true);
  });

  it('into the project it came from matches every code by GUID and changes nothing', () => {
    const original = project();
    const before = serializeProject(fileFromState(original));
    const { preview, patches } = importInto(original, qdcOf(original));
    expect(patches).toBe(0);
    expect(preview.added).toEqual([]);
    expect(preview.matched.map((m) => m.by)).toEqual(Array(6).fill('guid'));
    expect(preview.matched.map((m) => m.path).sort()).toEqual(ALL_PATHS);
    expect(preview).toMatchObject({ renamed: [], updated: [], warnings: [], sets: { added: [], matched: ['Key codes'] } });
    expect(serializeProject(fileFromState(original))).toBe(before);
  });
});

describe('importing a Gloss codebook CSV', () => {
  it('into an empty project gives the same hierarchy, colours and descriptions (every code codable)', () => {
    const original = project();
    const target = empty();
    const { preview } = importInto(target, incoming(codebookCsv(original), 'codebook.csv'));
    expect(tree(target, false)).toEqual(tree(original, false));
    expect([...target.codes.values()].every((c) => c.codable)).toBe(true);
    expect([...preview.added].sort()).toEqual(ALL_PATHS);
    expect(preview.warnings).toEqual([]);
  });

  it('into the project it came from matches every code by path and changes nothing', () => {
    const original = project();
    const { preview, patches } = importInto(original, incoming(codebookCsv(original), 'codebook.csv'));
    expect(patches).toBe(0);
    expect(preview.added).toEqual([]);
    expect(preview.matched.map((m) => m.by)).toEqual(Array(6).fill('path'));
    expect(preview.updated).toEqual([]);
  });
});

describe('matching', () => {
  const qdc = (codes: string, sets = '') => `<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Other tool"><Codes>${codes}</Codes>${sets}</CodeBook>`;

  it('by GUID, renaming the project code to the file name and keeping its id and codings', () => {
    const state = project();
    const { preview } = importInto(state, incoming(qdc(`<Code guid="${UUID_CHILD.toUpperCase()}" name="Confidence" isCodable="true"/>`), 'x.qdc'));
    expect(preview.matched).toEqual([{ path: 'Confidence', by: 'guid' }]);
    expect(preview.renamed).toEqual([{ from: 'Trust', to: 'Confidence' }]);
    expect(state.codes.get(UUID_CHILD)).toMatchObject({ name: 'Confidence', parentId: UUID_ROOT });
    // The file has it at the top level; it stays in its folder and the user is told.
    expect(preview.warnings).toEqual([
      '“Confidence” is under the top level in x.qdc but under “Themes” in the project; it was left where it is.',
    ]);
    expect(state.codes.size).toBe(6);
  });

  it('by the GUID an export derives for a non-UUID id', () => {
    const state = project();
    const { preview } = importInto(state, incoming(qdc(`<Code guid="{${refiGuid('codes', 'c-alpha')}}" name="Alpha" isCodable="true" color="#0F0"/>`), 'x.qdc'));
    expect(preview.matched).toEqual([{ path: 'Alpha', by: 'guid' }]);
    expect(preview.updated).toEqual([]);
    expect(preview.warnings).toEqual(['1 GUID is written in braces {…}; read without them.', 'Code “Alpha” has the short colour “#0F0”; read as #00ff00.']);
  });

  it('by path keeps equal names under different parents apart and updates each from its own row', () => {
    const state = project();
    const csv = [
      'code,code_path,description,color',
      'Other,Themes > Trust > Other,under trust,#111111',
      'Other,Themes > Other,,#222222',
      'New,Themes > Trust > New,fresh,',
      'other,Themes > other,,',
    ].join('\n');
    const { preview } = importInto(state, incoming(csv, 'edited.csv'));
    expect(state.codes.get('c-other-1')).toMatchObject({ description: 'under trust', color: '#111111' });
    // An empty description in the file leaves the project's alone.
    expect(state.codes.get('c-other-2')).toMatchObject({ description: 'the other other', color: '#222222' });
    expect(preview.updated).toEqual(['Themes > Trust > Other', 'Themes > Other']);
    expect(preview.added).toEqual(['Themes > Trust > New', 'Themes > other']);
    const added = [...state.codes.values()].find((c) => c.name === 'New')!;
    expect(added).toMatchObject({ parentId: UUID_CHILD, description: 'fresh', codable: true, createdAt: NOW });
    // Path matching is case-sensitive: "other" is a new code, and the user is warned of the near twin.
    expect(preview.warnings).toEqual([
      '“Themes > Trust” has no row of its own but holds “Themes > Trust > Other”; it was read as a code without colour or description.',
      '“Themes” has no row of its own but holds “Themes > Trust”; it was read as a code without colour or description.',
      '“Themes > other” was added beside a code with the same name apart from upper and lower case.',
    ]);
  });

  it('puts new codes under matched parents, and a second import of the same file changes nothing', () => {
    const state = project();
    const file = incoming(
      qdc(
        `<Code guid="${UUID_ROOT}" name="Themes" isCodable="false"><Code guid="99999999-1111-4111-8111-111111111111" name="Cost" isCodable="true" color="#123456"><Code name="Hidden" isCodable="true"/></Code></Code>`,
        `<Sets><Set guid="88888888-1111-4111-8111-111111111111" name="Key codes"><MemberCode guid="99999999-1111-4111-8111-111111111111"/><MemberCode guid="${refiGuid('codes', 'c-police')}"/><MemberCode guid="77777777-1111-4111-8111-111111111111"/></Set></Sets>`,
      ),
      'other.qdc',
    );
    const first = importInto(state, file);
    expect(first.preview.added).toEqual(['Themes > Cost', 'Themes > Cost > Hidden']);
    expect(state.codes.get('99999999-1111-4111-8111-111111111111')).toMatchObject({ name: 'Cost', parentId: UUID_ROOT, color: '#123456' });
    // The set matched by name gains the new member; the existing one is not repeated; the unknown one is reported.
    expect(first.preview.sets).toEqual({ added: [], matched: ['Key codes'] });
    expect(codeSets(state)['Key codes']).toEqual(['Themes > Trust > Police', 'Themes > Trust', 'Themes > Cost']);
    expect(first.preview.warnings).toEqual([
      'Code “Themes > Cost > Hidden” has no guid; it is matched by its name alone.',
      'Set “Key codes”: member 77777777-1111-4111-8111-111111111111 is not a code in other.qdc or in the project; it was left out.',
    ]);

    const before = serializeProject(fileFromState(state));
    const second = importInto(state, file);
    expect(second.patches).toBe(0);
    expect(second.preview.added).toEqual([]);
    expect(second.preview.matched).toEqual([
      { path: 'Themes', by: 'guid' },
      { path: 'Themes > Cost', by: 'guid' },
      { path: 'Themes > Cost > Hidden', by: 'path' },
    ]);
    expect(serializeProject(fileFromState(state))).toBe(before);
  });

  it('does not rename onto a name a sibling already has, and reads a code listed twice as one', () => {
    const state = project();
    const file = incoming(
      qdc(`<Code guid="${refiGuid('codes', 'c-police')}" name="Other" isCodable="true"/><Code name="Fresh" isCodable="true"/><Code name="Fresh" isCodable="true"/>`),
      'x.qdc',
    );
    const { preview } = importInto(state, file);
    expect(state.codes.get('c-police')!.name).toBe('Police');
    expect(preview.renamed).toEqual([]);
    expect(preview.added).toEqual(['Fresh']);
    expect([...state.codes.values()].filter((c) => c.name === 'Fresh')).toHaveLength(1);
    expect(preview.warnings).toContain('“Themes > Trust > Police” was not renamed to “Other”: a code of that name already exists beside it.');
    expect(preview.warnings).toContain('“Fresh” appears more than once in x.qdc; read as one code.');
  });

  it('the preview and the import agree: one new code per added path', () => {
    const state = project();
    const file = incoming(codebookCsv(project()).replace('Alpha', 'Beta').replace('Alpha', 'Beta'), 'c.csv');
    const preview = previewCodebookImport(state, file);
    expect(preview.added).toEqual(['Beta']);
    importInto(state, file);
    expect(state.codes.size).toBe(7);
  });
});

describe('previewLines', () => {
  it('lists what was added, matched, renamed and updated, and the warnings', () => {
    const preview: CodebookPreview = {
      fileName: 'x.qdc',
      origin: 'ATLAS.ti',
      added: ['A', 'A > B'],
      matched: [
        { path: 'C', by: 'guid' },
        { path: 'D', by: 'path' },
      ],
      renamed: [{ from: 'Old', to: 'C' }],
      updated: ['D'],
      sets: { added: ['S'], matched: [] },
      warnings: ['careful'],
    };
    expect(previewLines(preview)).toEqual([
      'Codebook x.qdc (written by ATLAS.ti)',
      'Added 2: A, A > B',
      'Matched 2 (1 by GUID, 1 by path)',
      'Renamed 1: Old → C',
      'Updated 1 (colour or description): D',
      'Sets added 1: S',
      'Warnings (1):',
      '  - careful',
    ]);
  });
});
