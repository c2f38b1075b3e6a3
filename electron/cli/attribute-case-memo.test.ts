/** gloss attribute, case, memo and summary write through the locked path; info counts what they made. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGloss, type Run } from './run-gloss';
import { serializeProject } from '../../shared/model/serialize';
import { analysisFile } from '../../shared/analysis/fixtures/analysis-project';
import type { ProjectFile } from '../../shared/model/schema';

let dir: string;
const gloss = (...args: string[]): Promise<Run> => runGloss(dir, args);
const project = async (): Promise<ProjectFile> => JSON.parse(await fs.readFile(path.join(dir, 'study.gloss'), 'utf8')) as ProjectFile;
const ID = /^[0-9a-f-]{36}\n$/;

async function ok(...args: string[]): Promise<string> {
  const run = await gloss(...args);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout.trim();
}

async function refused(args: string[], message: string | RegExp): Promise<void> {
  const before = await fs.readFile(path.join(dir, 'study.gloss'));
  const run = await gloss(...args);
  expect(run.code).not.toBe(0);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr.trimEnd()).toMatch(message);
  // Nothing is written by a refused command.
  expect(await fs.readFile(path.join(dir, 'study.gloss'))).toEqual(before);
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-attribute-'));
  const file = analysisFile({
    documents: { 'Interview 1': 'We never had training.', 'Interview 2': 'Data sharing took weeks.' },
    codes: { Barriers: null, Training: 'Barriers' },
    codings: [['Interview 1', 'Training', 13, 21]],
  });
  await fs.writeFile(path.join(dir, 'study.gloss'), serializeProject(file));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('gloss attribute, case, memo, summary', () => {
  it('attribute creates a text variable on first use and sets, retypes into the variable\'s type, and clears values', async () => {
    const region = await ok('attribute', 'study.gloss', '--doc', 'Interview 1', '--set', 'Region=North');
    expect(region).toMatch(/^[0-9a-f-]{36}$/);
    let file = await project();
    expect(file.variables).toEqual([{ id: region, name: 'Region', type: 'text', description: '' }]);
    expect(file.documents.find((d) => d.name === 'Interview 1')!.attributes).toEqual({ [region]: 'North' });

    const age = await ok('attribute', 'study.gloss', '--doc', 'interview 2', '--set', 'Age=41', '--type', 'number');
    const [remote, again] = (await ok('attribute', 'study.gloss', '--doc', 'interview 2', '--set', 'region=South', '--set', 'Age=41.5')).split('\n');
    expect(again).toBe(age);
    file = await project();
    expect(file.variables.find((v) => v.id === age)).toMatchObject({ name: 'Age', type: 'number' });
    expect(remote).toBe(region);
    expect(file.documents.find((d) => d.name === 'Interview 2')!.attributes).toEqual({ [age]: 41.5, [region]: 'South' });

    await ok('attribute', 'study.gloss', '--doc', 'Interview 2', '--set', 'Age=');
    expect((await project()).documents.find((d) => d.name === 'Interview 2')!.attributes).toEqual({ [region]: 'South' });
  });

  it('attribute refuses a value that does not fit, a missing document or case, and a second type', async () => {
    await refused(['attribute', 'study.gloss', '--doc', 'Interview 1', '--set', 'Age=forty'], 'gloss: study.gloss: Age: "forty" is not a number such as 42 or 3.5');
    await refused(['attribute', 'study.gloss', '--doc', 'Interview 9', '--set', 'Age=4'], /no document named "Interview 9"/);
    await refused(['attribute', 'study.gloss', '--case', 'Nobody', '--set', 'Age=4'], /no case named "Nobody" \(cases: none\); create it with gloss case/);
    await refused(['attribute', 'study.gloss', '--doc', 'Interview 1', '--set', 'Age=4', '--type', 'date'], /"Age" already exists and holds number values, not date/);
    await refused(['attribute', 'study.gloss', '--doc', 'Interview 1', '--set', '=4'], /--set takes VARIABLE=VALUE/);
    await refused(['attribute', 'study.gloss', '--set', 'Age=4'], /name either a document with --doc or a case with --case/);
  });

  it('attribute --import sets many values from a CSV in one step, with a preview first', async () => {
    await fs.writeFile(path.join(dir, 'values.csv'), 'document,Age,Site\r\nInterview 1,39,Leeds\r\nInterview 9,1,X\r\n');
    const before = await fs.readFile(path.join(dir, 'study.gloss'));
    const dry = await gloss('attribute', 'study.gloss', '--import', 'values.csv', '--dry-run');
    expect(dry).toEqual({
      code: 0,
      stdout: 'New variables (text): Site\nImport 2 values for 1 document (--dry-run: nothing was written)\n',
      stderr: 'gloss: warning: values.csv row 3: no document named "Interview 9"; left out\n',
    });
    expect(await fs.readFile(path.join(dir, 'study.gloss'))).toEqual(before);
    expect((await gloss('attribute', 'study.gloss', '--import', 'values.csv')).stdout).toBe('New variables (text): Site\nImport 2 values for 1 document\n');
    const file = await project();
    const id = (name: string) => file.variables.find((v) => v.name === name)!.id;
    expect(file.documents.find((d) => d.name === 'Interview 1')!.attributes).toMatchObject({ [id('Age')]: 39, [id('Site')]: 'Leeds' });
    await fs.writeFile(path.join(dir, 'bad.csv'), 'document,Age\nInterview 1,old\n');
    await refused(['attribute', 'study.gloss', '--import', 'bad.csv'], 'gloss: study.gloss: Row 2, column “Age”: "old" is not a number such as 42 or 3.5; nothing was imported.');
    await fs.writeFile(path.join(dir, 'sheet.csv'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    await refused(['attribute', 'study.gloss', '--import', 'sheet.csv'], /^gloss: sheet\.csv: .*\(save the spreadsheet as CSV first\); nothing was imported\.$/);
  });

  it('case creates a case with documents, adds more to it later, and takes values', async () => {
    const id = await ok('case', 'study.gloss', 'Ana', '--doc', 'Interview 1');
    expect(await ok('case', 'study.gloss', 'ana', '--doc', 'Interview 2', '--doc', 'Interview 1')).toBe(id);
    await ok('attribute', 'study.gloss', '--case', 'Ana', '--set', 'Role=Nurse');
    const file = await project();
    expect(file.cases).toEqual([{ id, name: 'Ana', description: '', documentIds: [file.documents.find((d) => d.name === 'Interview 1')!.id, file.documents.find((d) => d.name === 'Interview 2')!.id], values: { [file.variables.find((v) => v.name === 'Role')!.id]: 'Nurse' } }]);
    expect(await gloss('case', 'study.gloss', 'Empty')).toMatchObject({ code: 0, stdout: expect.stringMatching(ID) });
    await refused(['case', 'study.gloss'], /name the case after the project file/);
  });

  it('memo writes on the project, a document, a code and a coding, and names what it cannot find', async () => {
    const targets: [string[], unknown][] = [
      [['--project'], { kind: 'project' }],
      [['--doc', 'Interview 2'], { kind: 'document', id: 'Interview 2' }],
      [['--code', 'Barriers > Training'], { kind: 'code', id: 'Training' }],
      [['--coding', 'c00000'], { kind: 'coding', id: 'c00000' }],
    ];
    for (const [option, target] of targets) {
      const id = await ok('memo', 'study.gloss', ...option, '--text', 'Line one\r\nline two', '--title', 'Note', '--coder', 'Ben');
      const memo = (await project()).memos.find((m) => m.id === id)!;
      expect(memo).toMatchObject({ target, title: 'Note', text: 'Line one\nline two' });
      expect((await project()).coders.find((c) => c.id === memo.coderId)!.name).toBe('Ben');
    }
    await refused(['memo', 'study.gloss', '--project', '--doc', 'Interview 1', '--text', 'x'], /one of --project, --doc NAME, --code CODE or --coding ID/);
    await refused(['memo', 'study.gloss', '--coding', 'nope', '--text', 'x'], /no coding with id "nope"/);
    await refused(['memo', 'study.gloss', '--code', 'Trust', '--text', 'x'], /no code named "Trust"/);
    await refused(['memo', 'study.gloss', '--project', '--text', ' '], /--text is required and cannot be empty/);
  });

  it('memo --list lists them, newest first, filtered by words, kind and coder', async () => {
    await ok('memo', 'study.gloss', '--project', '--text', 'Café trust issues', '--coder', 'Cy');
    const rows = JSON.parse(await ok('memo', 'study.gloss', '--list', '--json')) as { kind: string; about: string; text: string; coder: string }[];
    expect(rows).toHaveLength(5);
    const mine = JSON.parse(await ok('memo', 'study.gloss', '--list', '--search', 'cafe', '--coded-by', 'cy', '--json')) as typeof rows;
    expect(mine).toMatchObject([{ kind: 'project', about: 'Project journal', text: 'Café trust issues', coder: 'Cy' }]);
    const codes = JSON.parse(await ok('memo', 'study.gloss', '--list', '--kind', 'code', '--kind', 'coding', '--json')) as typeof rows;
    expect(codes.map((r) => r.about).sort()).toEqual(['Barriers > Training', 'Interview 1: “training”']);
    expect(await ok('memo', 'study.gloss', '--list', '--kind', 'document')).toMatch(/^\d{4}-\d{2}-\d{2}  Ben  document Interview 2: Note: Line one line two$/);
    await refused(['memo', 'study.gloss', '--list', '--kind', 'folder'], /--kind must be project, document, code or coding/);
    await refused(['memo', 'study.gloss', '--list', '--text', 'x'], /--list lists memos; leave out --text/);
  });

  it('summary writes, rewrites and clears one framework cell', async () => {
    const id = await ok('summary', 'study.gloss', '--case', 'Ana', '--code', 'Barriers', '--text', 'Untrained.');
    expect(await ok('summary', 'study.gloss', '--case', 'Ana', '--code', 'Barriers', '--text', 'Never trained.')).toBe(id);
    expect((await project()).summaries).toMatchObject([{ id, row: { kind: 'case' }, codeId: 'Barriers', text: 'Never trained.' }]);
    await ok('summary', 'study.gloss', '--doc', 'Interview 2', '--code', 'Barriers > Training', '--text', 'Slow.');
    expect(await ok('summary', 'study.gloss', '--case', 'Ana', '--code', 'Barriers', '--text', '')).toBe('');
    expect((await project()).summaries.map((s) => s.text)).toEqual(['Slow.']);
    await refused(['summary', 'study.gloss', '--case', 'Bo', '--code', 'Barriers', '--text', 'x'], /no case named "Bo" \(cases: Ana, Empty\)/);
  });

  it('info --json keeps its keys and adds cases, variables and sets', async () => {
    const info = JSON.parse(await ok('info', 'study.gloss', '--json')) as Record<string, unknown>;
    expect(Object.keys(info)).toEqual(['project', 'documents', 'codes', 'codings', 'memos', 'cases', 'variables', 'sets', 'perCode', 'problems']);
    expect(info).toMatchObject({ documents: 2, codes: 2, codings: 1, memos: 5, cases: 2, variables: 4, sets: 0 });
    expect(await ok('info', 'study.gloss')).toContain('2 cases, 4 variables, 0 sets');
  });

  it('warns, when it changes a project in a folder a cloud client syncs, how conflicting copies arise', async () => {
    await fs.mkdir(path.join(dir, 'Dropbox'));
    await fs.copyFile(path.join(dir, 'study.gloss'), path.join(dir, 'Dropbox', 'synced.gloss'));
    const run = await gloss('case', 'Dropbox/synced.gloss', 'Dee');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`gloss: warning: synced.gloss is in a folder Dropbox syncs (${path.join(dir, 'Dropbox')}). If it is changed on two computers before Dropbox has synced, Dropbox keeps two files, each without the other's work. Bring such copies together with Merge another copy of this project… (Team menu; File menu in the desktop app) or gloss merge, or keep the project outside the synced folder and share copies instead.\n`);
    // Reading it changes nothing, so there is nothing to warn of.
    expect((await gloss('info', 'Dropbox/synced.gloss')).stderr).toBe('');
  });
});
