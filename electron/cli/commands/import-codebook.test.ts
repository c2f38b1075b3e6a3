/** `gloss import-codebook` as a user runs it: node bin/gloss.mjs in a child process, real files. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGloss, type Run } from '../run-gloss';

let dir: string;

const gloss = (...args: string[]): Promise<Run> => runGloss(dir, args);

interface SavedCode {
  id: string;
  name: string;
  color: string;
  description: string;
  parentId: string | null;
  codable: boolean;
}
const readProject = async (name: string): Promise<{ project: { name: string }; codes: SavedCode[]; sets: { name: string; memberIds: string[] }[] }> =>
  JSON.parse(await fs.readFile(path.join(dir, name), 'utf8'));

const GUID_THEMES = '11111111-1111-4111-8111-111111111111';
const GUID_TRUST = '22222222-2222-4222-8222-222222222222';

const QDC = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1:0" origin="NVivo 12">
  <Codes>
    <Code guid="{${GUID_THEMES.toUpperCase()}}" name="Themes" isCodable="false" color="#A0B">
      <Description>Top folder</Description>
      <Code guid="${GUID_TRUST}" name="Trust" isCodable="true" color="#112233"/>
    </Code>
  </Codes>
  <Sets><Set guid="33333333-3333-4333-8333-333333333333" name="Key"><MemberCode guid="${GUID_TRUST}"/></Set></Sets>
</CodeBook>
`;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-cli-codebook-'));
  await fs.writeFile(path.join(dir, 'book.qdc'), QDC);
  await fs.writeFile(path.join(dir, 'renamed.qdc'), QDC.replace('name="Trust"', 'name="Confidence"'));
  await fs.writeFile(path.join(dir, 'bomb.qdc'), `<!DOCTYPE x [<!ENTITY a "a">]>${QDC.replace(/^<\?xml[^>]*>\n/, '')}`);
  await fs.writeFile(path.join(dir, 'codes.csv'), '\ufeffcode,code_path,description,color\r\nPolice,Themes > Trust > Police,"Officers, ""mostly""\r\nin cars",#d55e00\r\n');
  await fs.writeFile(path.join(dir, 'codes.json'), '{}');
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('gloss import-codebook', () => {
  it('--dry-run prints the preview and writes nothing, not even a new FILE', async () => {
    const run = await gloss('import-codebook', 'study.gloss', 'book.qdc', '--dry-run');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      'Codebook book.qdc (written by NVivo 12)',
      'Added 2: Themes, Themes > Trust',
      'Matched 0',
      'Sets added 1: Key',
      'Warnings (3):',
      '  - 1 GUID is written in braces {…}; read without them.',
      '  - The codebook is in namespace urn:QDA-XML:codebook:1:0, not urn:QDA-XML:codebook:1.0; read as REFI-QDA 1.0.',
      '  - Code “Themes” has the short colour “#A0B”; read as #aa00bb.',
      'Nothing was written (--dry-run); study.gloss does not exist yet and would be created.',
      '',
    ]);
    await expect(fs.stat(path.join(dir, 'study.gloss'))).rejects.toThrow();
  });

  it('creates FILE named after it and imports the codebook', async () => {
    const run = await gloss('import-codebook', 'study.gloss', 'book.qdc');
    expect(run.stderr).toBe('');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('Imported into study.gloss (a new project)');
    const saved = await readProject('study.gloss');
    expect(saved.project.name).toBe('study');
    expect(saved.codes.map((c) => [c.id, c.name, c.color, c.description, c.parentId, c.codable])).toEqual([
      [GUID_THEMES, 'Themes', '#aa00bb', 'Top folder', null, false],
      [GUID_TRUST, 'Trust', '#112233', '', GUID_THEMES, true],
    ]);
    expect(saved.sets).toMatchObject([{ name: 'Key', memberIds: [GUID_TRUST] }]);
  });

  it('a second import of the same file changes nothing', async () => {
    const before = await fs.readFile(path.join(dir, 'study.gloss'));
    const run = await gloss('import-codebook', 'study.gloss', 'book.qdc');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Added 0\nMatched 2 (2 by GUID, 0 by path)\nSets matched 1: Key\n');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('Nothing to import: study.gloss already holds this codebook.');
    expect(await fs.readFile(path.join(dir, 'study.gloss'))).toEqual(before);
  });

  it('renames by GUID and adds CSV codes under matched parents', async () => {
    const renamed = await gloss('import-codebook', 'study.gloss', 'renamed.qdc');
    expect(renamed.stdout).toContain('Renamed 1: Trust → Confidence\n');
    expect(renamed.stdout.trimEnd().split('\n').at(-1)).toBe('Imported into study.gloss');

    const csv = await gloss('import-codebook', 'study.gloss', 'codes.csv');
    expect(csv.stderr).toBe('');
    // The CSV still says “Trust”; after the rename no code has that path, so a new “Trust” is added beside “Confidence”.
    expect(csv.stdout.split('\n').slice(0, 3)).toEqual(['Codebook codes.csv', 'Added 2: Themes > Trust, Themes > Trust > Police', 'Matched 1 (0 by GUID, 1 by path)']);
    const saved = await readProject('study.gloss');
    const police = saved.codes.find((c) => c.name === 'Police')!;
    expect(police).toMatchObject({ description: 'Officers, "mostly"\nin cars', color: '#d55e00' });
    expect(saved.codes.find((c) => c.id === police.parentId)!.name).toBe('Trust');
    expect(saved.codes.find((c) => c.id === GUID_TRUST)!.name).toBe('Confidence');
  });

  it('refuses a DOCTYPE, another file type and a missing file by name, writing nothing', async () => {
    const before = await fs.readFile(path.join(dir, 'study.gloss'));
    const bomb = await gloss('import-codebook', 'study.gloss', 'bomb.qdc');
    expect(bomb.code).toBe(1);
    expect(bomb.stdout).toBe('');
    expect(bomb.stderr).toBe(
      'gloss: bomb.qdc: its content declares a DOCTYPE or entities, which Gloss refuses to read (they can expand into huge text or reach outside the file); nothing was imported.\n',
    );
    const json = await gloss('import-codebook', 'other.gloss', 'codes.json');
    expect(json.stderr).toBe('gloss: codes.json: Gloss imports codebooks from REFI-QDA .qdc files and codebook .csv files, not .json files; nothing was imported.\n');
    await expect(fs.stat(path.join(dir, 'other.gloss'))).rejects.toThrow();
    const missing = await gloss('import-codebook', 'study.gloss', 'nowhere.qdc');
    expect(missing.stderr).toBe('gloss: nowhere.qdc: the file does not exist; nothing was imported.\n');
    const usage = await gloss('import-codebook', 'study.gloss');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe('gloss: import-codebook: name the codebook to import, a .qdc or .csv file (see gloss import-codebook --help)\n');
    expect(await fs.readFile(path.join(dir, 'study.gloss'))).toEqual(before);
  });
});
