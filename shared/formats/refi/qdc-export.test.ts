import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import type { Code, GlossSet } from '../../model/schema';
import { emptyProjectFile, stateFromFile, type ProjectState } from '../../model/state';
import { GLOSS_GUID_NAMESPACE, refiGuid, uuidV5 } from './guid';
import { codebookQdc } from './qdc-export';
import { escapeXmlAttribute, escapeXmlText } from './xml-escape';

/** The repository is checked out with ../shared beside it, here and in CI. */
const XSD = fileURLToPath(new URL('../../../../shared/refi-qda/Codebook-mrt2019.xsd', import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), 'gloss-qdc-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** xmllint's verdict on `xml`; fails loudly when the validator or the schema is missing. */
function validate(xml: string): { ok: boolean; output: string } {
  if (!existsSync(XSD)) throw new Error(`REFI-QDA schema not found at ${XSD}: check out ../shared beside the repository`);
  const file = join(workDir, `codebook-${Math.random().toString(36).slice(2)}.qdc`);
  writeFileSync(file, xml, 'utf8');
  const run = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint could not run (${run.error.message}): install libxml2-utils (.ci/run does)`);
  return { ok: run.status === 0, output: run.stderr };
}

const NOW = '2025-03-01T09:00:00.000Z';
const UUID_ROOT = '3F2504E0-4F89-41D3-9A0C-0305E82C3301';
const UUID_CHILD = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11';
const DESCRIPTION = 'Fish & chips <b>"bold"</b> 🐟 done';

function code(id: string, name: string, parentId: string | null, extra: Partial<Code> = {}): Code {
  return { id, name, color: '#1f77b4', description: '', parentId, codable: true, createdAt: NOW, ...extra };
}

/** Three levels, the name "Other" under two parents, a folder, a non-UUID id, a code set. */
function project(): ProjectState {
  const file = emptyProjectFile('Fieldwork', NOW);
  file.codes = [
    code(UUID_ROOT, 'Themes', null, { codable: false, color: '#AABBCC', description: 'Folder for themes' }),
    code(UUID_CHILD, 'Trust', UUID_ROOT, { description: DESCRIPTION }),
    code('c-other-1', 'Other', UUID_CHILD),
    code('c-police', 'Police', UUID_CHILD),
    code('c-other-2', 'Other', UUID_ROOT),
    code('c-alpha', 'Alpha', null, { color: '#00ff00' }),
  ];
  const set = (id: string, name: string, kind: GlossSet['kind'], memberIds: string[], description = ''): GlossSet => ({ id, name, description, kind, memberIds });
  file.sets = [
    set('s-key', 'Key codes', 'codes', ['c-police', UUID_CHILD, 'c-gone'], 'For the <paper> & talk'),
    set('s-docs', 'Interviews', 'documents', []),
  ];
  return stateFromFile(file);
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  // Numeric character references (&#9; in attributes) are only decoded with this on.
  htmlEntities: true,
  isArray: (name) => ['Code', 'Set', 'MemberCode'].includes(name),
});

interface ParsedCode {
  guid: string;
  name: string;
  isCodable: string;
  color?: string;
  Description?: string;
  Code?: ParsedCode[];
}

function exported(state: ProjectState, origin?: string): string {
  const result = codebookQdc(state, origin);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('codebookQdc', () => {
  it('writes the hierarchy as nested Code elements, siblings by name', () => {
    const xml = exported(project(), 'Gloss 0.1.0');
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Gloss 0.1.0">')).toBe(true);
    const book = parser.parse(xml).CodeBook;
    const top: ParsedCode[] = book.Codes.Code;
    expect(top.map((c) => c.name)).toEqual(['Alpha', 'Themes']);
    const [alpha, themes] = top as [ParsedCode, ParsedCode];
    expect(alpha).toMatchObject({ name: 'Alpha', isCodable: 'true', color: '#00ff00' });
    expect(alpha.Code).toBeUndefined();
    expect(themes).toMatchObject({ guid: UUID_ROOT, isCodable: 'false', color: '#AABBCC', Description: 'Folder for themes' });
    expect(themes.Code!.map((c) => c.name)).toEqual(['Other', 'Trust']);
    const [otherUnderThemes, trust] = themes.Code! as [ParsedCode, ParsedCode];
    expect(otherUnderThemes.guid).toBe(refiGuid('codes', 'c-other-2'));
    expect(trust).toMatchObject({ guid: UUID_CHILD, isCodable: 'true', Description: DESCRIPTION });
    expect(trust.Code!.map((c) => [c.name, c.guid])).toEqual([
      ['Other', refiGuid('codes', 'c-other-1')],
      ['Police', refiGuid('codes', 'c-police')],
    ]);
    // Equal names under different parents stay two codes with two GUIDs.
    expect(refiGuid('codes', 'c-other-1')).not.toBe(refiGuid('codes', 'c-other-2'));
  });

  it('writes only code sets, with their description and existing members', () => {
    const book = parser.parse(exported(project())).CodeBook;
    expect(book.Sets.Set).toHaveLength(1);
    const [set] = book.Sets.Set;
    expect(set).toMatchObject({ guid: refiGuid('sets', 's-key'), name: 'Key codes', Description: 'For the <paper> & talk' });
    expect(set.MemberCode.map((m: { guid: string }) => m.guid)).toEqual([refiGuid('codes', 'c-police'), UUID_CHILD]);
  });

  it('validates against Codebook-mrt2019.xsd', () => {
    const { ok, output } = validate(exported(project()));
    expect(output).toContain('validates');
    expect(ok).toBe(true);
  });

  it('leaves Sets out when there are no code sets, and still validates', () => {
    const state = project();
    state.sets.delete('s-key');
    const xml = exported(state);
    expect(xml).not.toContain('<Sets');
    expect(parser.parse(xml).CodeBook.Sets).toBeUndefined();
    expect(validate(xml).ok).toBe(true);
  });

  it('the validator does reject a broken codebook (so the checks above can fail)', () => {
    const broken = exported(project()).replace(/isCodable="true"/, 'isCodable="yes"');
    const { ok, output } = validate(broken);
    expect(ok).toBe(false);
    expect(output).toContain('isCodable');
  });

  it('escapes markup and replaces characters XML 1.0 forbids, keeping the file valid', () => {
    const state = project();
    const name = 'A&B <x> "q"\u0001\u0008\uFFFF tab\there';
    state.codes.set('c-odd', code('c-odd', name, null, { description: 'line\r\nnext \u001B end \uD800' }));
    const xml = exported(state, 'Gloss "dev" & co');
    expect(xml).toContain('name="A&amp;B &lt;x&gt; &quot;q&quot;\uFFFD\uFFFD\uFFFD tab&#9;here"');
    expect(xml).toContain('origin="Gloss &quot;dev&quot; &amp; co"');
    const book = parser.parse(xml).CodeBook;
    const odd = (book.Codes.Code as ParsedCode[]).find((c) => c.guid === refiGuid('codes', 'c-odd'))!;
    expect(odd.name).toBe('A&B <x> "q"\uFFFD\uFFFD\uFFFD tab\there');
    expect(validate(xml).ok).toBe(true);
  });

  it('refuses an empty codebook with a message naming the project', () => {
    const result = codebookQdc(stateFromFile(emptyProjectFile('Pilot study', NOW)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('"Pilot study" has no codes');
  });

  it('exports a code whose parent is missing at the top level instead of losing it', () => {
    const state = project();
    state.codes.set('c-stray', code('c-stray', 'Stray', 'no-such-code'));
    const names = (parser.parse(exported(state)).CodeBook.Codes.Code as ParsedCode[]).map((c) => c.name);
    expect(names).toEqual(['Alpha', 'Stray', 'Themes']);
  });
});

describe('REFI GUIDs', () => {
  it('keeps UUID ids as stored, in their case', () => {
    expect(refiGuid('codes', UUID_ROOT)).toBe(UUID_ROOT);
    expect(refiGuid('codes', UUID_CHILD)).toBe(UUID_CHILD);
  });

  it('derives a stable version-5 UUID from any other id, different per table', () => {
    const guid = refiGuid('codes', 'c-police');
    expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(refiGuid('codes', 'c-police')).toBe(guid);
    expect(refiGuid('sets', 'c-police')).not.toBe(guid);
    expect(guid).toBe(uuidV5(GLOSS_GUID_NAMESPACE, 'codes/c-police'));
  });

  it('uuidV5 matches the published example (Python docs: uuid5(NAMESPACE_DNS, "python.org"))', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

});

describe('xml escaping', () => {
  it('escapes text and attributes differently', () => {
    expect(escapeXmlText('a & b < c > "d"\r')).toBe('a &amp; b &lt; c &gt; "d"&#13;');
    expect(escapeXmlAttribute('a & "d"\n\t')).toBe('a &amp; &quot;d&quot;&#10;&#9;');
  });

  it('keeps astral characters and replaces lone surrogates', () => {
    expect(escapeXmlText('🐟\uDC00x')).toBe('🐟\uFFFDx');
  });
});
