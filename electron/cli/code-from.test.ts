/**
 * gloss code PROJECT --from CODINGS.csv: many codings in one write, run in this process
 * through runGloss. Each test starts from a fresh copy of one small project.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runGloss, type Run } from './run-gloss';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const POLICE = 'Training gaps: nobody trained us.\nWe still have training gaps today.\n';
const COUNCIL = 'Data sharing is slow – weeks.\nSharing takes weeks, data sharing takes months.';

let root: string;
let dir: string;
let pristine: Buffer;
let counter = 0;

const gloss = (args: string[], options: { stdin?: string } = {}): Promise<Run> => runGloss(dir, args, options);
const projectBytes = () => fs.readFile(path.join(dir, 'study.gloss'));

interface Saved {
  documents: { id: string; name: string }[];
  codes: { id: string; name: string; parentId: string | null }[];
  codings: { id: string; documentId: string; codeId: string; coderId: string; start: number; end: number; quote: string }[];
  coders: { id: string; name: string }[];
  memos: { target: { kind: string; id: string }; text: string }[];
}
const saved = async (): Promise<Saved> => JSON.parse((await projectBytes()).toString('utf8'));

async function writeCsv(name: string, text: string): Promise<void> {
  await fs.writeFile(path.join(dir, name), text);
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-code-from-'));
  dir = path.join(root, 'base');
  await fs.mkdir(dir);
  await fs.writeFile(path.join(dir, 'police.txt'), POLICE);
  await fs.writeFile(path.join(dir, 'council.txt'), COUNCIL);
  expect((await gloss(['new', 'study.gloss'])).code).toBe(0);
  expect((await gloss(['import', 'study.gloss', 'police.txt', 'council.txt', '--coder', 'Robin'])).code).toBe(0);
  expect((await gloss(['code', 'study.gloss', '--doc', 'police', '--code', 'Barriers > Training', '--quote', 'nobody', '--coder', 'Robin'])).code).toBe(0);
  pristine = await projectBytes();
});

beforeEach(async () => {
  // A folder per test with the same project, so no test sees another's codings.
  dir = path.join(root, `t${++counter}`);
  await fs.mkdir(dir);
  await fs.writeFile(path.join(dir, 'study.gloss'), pristine);
});

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('gloss code --from', () => {
  it('applies rows by quote and by offsets, with coders and memos, in one write', async () => {
    const second = COUNCIL.indexOf('data sharing');
    await writeCsv(
      'codings.csv',
      [
        'document,code,quote,occurrence,start,end,coder,memo',
        'police,Barriers > Training,training gaps,,,,,',
        'police.txt,Barriers > Training,Training gaps,1,,,Alice,"first line, says it all"',
        `council,Barriers,,,${second},${second + 12},Alice,`,
        'council,Barriers,"weeks",2,,,,',
      ].join('\r\n'),
    );
    const run = await gloss(['code', 'study.gloss', '--from', 'codings.csv', '--coder', 'Robin']);
    expect(run).toEqual({ code: 0, stdout: 'study.gloss: 4 rows applied from codings.csv (4 new codings; 1 memo added)\n', stderr: '' });

    const project = await saved();
    const docId = (name: string) => project.documents.find((d) => d.name === name)!.id;
    const codeId = (name: string) => project.codes.find((c) => c.name === name)!.id;
    const coder = (id: string) => project.coders.find((c) => c.id === id)!.name;
    const made = project.codings
      .filter((c) => c.quote !== 'nobody')
      .map((c) => ({ doc: c.documentId, code: c.codeId, coder: coder(c.coderId), start: c.start, end: c.end, quote: c.quote }))
      .sort((a, b) => a.doc.localeCompare(b.doc) || a.start - b.start || a.coder.localeCompare(b.coder));
    const expected = [
      { doc: docId('police'), code: codeId('Training'), coder: 'Alice', start: 0, end: 13, quote: 'Training gaps' },
      { doc: docId('police'), code: codeId('Training'), coder: 'Robin', start: POLICE.indexOf('training gaps'), end: POLICE.indexOf('training gaps') + 13, quote: 'training gaps' },
      { doc: docId('council'), code: codeId('Barriers'), coder: 'Alice', start: second, end: second + 12, quote: 'data sharing' },
      { doc: docId('council'), code: codeId('Barriers'), coder: 'Robin', start: COUNCIL.indexOf('weeks', COUNCIL.indexOf('weeks') + 1), end: COUNCIL.indexOf('weeks', COUNCIL.indexOf('weeks') + 1) + 5, quote: 'weeks' },
    ].sort((a, b) => a.doc.localeCompare(b.doc) || a.start - b.start || a.coder.localeCompare(b.coder));
    expect(made).toEqual(expected);
    // Robin codes in the project already: one coder of that name, not two.
    expect(project.coders.map((c) => c.name).sort()).toEqual(['Alice', 'Robin']);
    const alicesFirst = project.codings.find((c) => c.quote === 'Training gaps')!;
    expect(project.memos.map((m) => [m.target, m.text])).toEqual([[{ kind: 'coding', id: alicesFirst.id }, 'first line, says it all']]);
  });

  it('codes nothing twice when the same file runs again', async () => {
    await writeCsv('codings.csv', 'document,code,quote,memo\npolice,Barriers > Training,us,why\n');
    const first = await gloss(['code', 'study.gloss', '--from', 'codings.csv', '--json']);
    expect(first.code).toBe(0);
    const again = await gloss(['code', 'study.gloss', '--from', 'codings.csv', '--json']);
    const a = JSON.parse(first.stdout);
    const b = JSON.parse(again.stdout);
    expect(a).toEqual({ written: true, applied: [{ line: 2, id: expect.stringMatching(UUID), new: true }], problems: [], codesCreated: 0, memosAdded: 1 });
    expect(b).toEqual({ written: true, applied: [{ line: 2, id: a.applied[0].id, new: false }], problems: [], codesCreated: 0, memosAdded: 0 });
    const project = await saved();
    expect(project.codings.filter((c) => c.quote === 'us')).toHaveLength(1);
    expect(project.memos).toHaveLength(1);
    expect((await gloss(['code', 'study.gloss', '--from', 'codings.csv'])).stdout).toBe('study.gloss: 1 row applied from codings.csv (0 new codings, 1 already there)\n');
  });

  it('names every bad row by its line and writes nothing', async () => {
    await writeCsv(
      'bad.csv',
      [
        'document,code,quote,occurrence,start,end',
        'police,Barriers,nobody,,,', // good
        'nowhere,Barriers,nobody,,,',
        'police,Barriers,"not in the text',
        'across lines",,,', // the quoted field above runs onto this line
        'police,Barriers,nobody,2,,',
        'police,Barriers,,,5,500',
        'police,Unknown code,nobody,,,',
        'police,Barriers,,,x,3',
        ',Barriers,nobody,,,',
      ].join('\n'),
    );
    const run = await gloss(['code', 'study.gloss', '--from', 'bad.csv']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toEqual([
      'gloss: bad.csv line 3: no document named "nowhere" (documents: council, police)',
      'gloss: bad.csv line 4: "not in the text\\nacross lines" does not occur in document "police"',
      'gloss: bad.csv line 6: "nobody" occurs once in document "police", so there is no occurrence 2',
      `gloss: bad.csv line 7: end 500 is past the end of document "police" (${POLICE.length} characters)`,
      'gloss: bad.csv line 8: no code named "Unknown code" (add --create-codes to create the codes a row names, or name a code as in `gloss info`)',
      'gloss: bad.csv line 9: start and end must both be whole numbers of at least 0 (got "x" and "3")',
      'gloss: bad.csv line 10: the document is empty',
      'gloss: 7 rows could not be applied, so nothing was coded; fix them, or add --skip-bad to apply the other rows',
      '',
    ]);
    expect(await projectBytes()).toEqual(pristine);
  });

  it('takes back the rows already applied when the project refuses a later one', async () => {
    // A code name over 500 characters is refused by the operation itself, after line 2 was applied in the session.
    await writeCsv('late.csv', `document,code,quote\npolice,Barriers,nobody\npolice,${'x'.repeat(501)},us\n`);
    const run = await gloss(['code', 'study.gloss', '--from', 'late.csv', '--create-codes']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^gloss: late\.csv line 3: .*name/);
    expect(lines[1]).toBe('gloss: 1 row could not be applied, so nothing was coded; fix it, or add --skip-bad to apply the other rows');
    expect(await projectBytes()).toEqual(pristine);
  });

  it('applies the good rows with --skip-bad and still reports the bad ones', async () => {
    await writeCsv('mixed.csv', 'document,code,quote\npolice,Delays,nobody\nnowhere,Delays,x\ncouncil,Delays,weeks\n');
    const run = await gloss(['code', 'study.gloss', '--from', 'mixed.csv', '--skip-bad', '--create-codes', '--json']);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ written: true, codesCreated: 1, memosAdded: 0, problems: [{ line: 3, error: expect.stringMatching(/^no document named "nowhere"/) }] });
    expect(out.applied.map((a: { line: number }) => a.line)).toEqual([2, 4]);
    expect(run.stderr).toBe('gloss: mixed.csv line 3: no document named "nowhere" (documents: council, police)\ngloss: 1 row skipped (--skip-bad); the other rows were applied\n');
    const project = await saved();
    const delays = project.codes.find((c) => c.name === 'Delays')!;
    expect(project.codings.filter((c) => c.codeId === delays.id).map((c) => c.quote).sort()).toEqual(['nobody', 'weeks']);
  });

  it('creates a code path a row names only with --create-codes', async () => {
    await writeCsv('new-code.csv', 'document,code,quote\ncouncil,Barriers > Data > Slow,slow\n');
    const refused = await gloss(['code', 'study.gloss', '--from', 'new-code.csv']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^gloss: new-code.csv line 2: no code named "Barriers > Data > Slow"/);
    expect(await projectBytes()).toEqual(pristine);

    const run = await gloss(['code', 'study.gloss', '--from', 'new-code.csv', '--create-codes']);
    expect(run.stdout).toBe('study.gloss: 1 row applied from new-code.csv (1 new coding; 2 codes created)\n');
    const project = await saved();
    const byName = Object.fromEntries(project.codes.map((c) => [c.name, c]));
    expect(byName.Data!.parentId).toBe(byName.Barriers!.id);
    expect(byName.Slow!.parentId).toBe(byName.Data!.id);
  });

  it('reads the codings from standard input with --from -', async () => {
    const run = await gloss(['code', 'study.gloss', '--from', '-'], { stdin: 'document,code,start,end\ncouncil,Barriers,0,4\n' });
    expect(run).toEqual({ code: 0, stdout: 'study.gloss: 1 row applied from standard input (1 new coding)\n', stderr: '' });
    expect((await saved()).codings.map((c) => c.quote)).toContain('Data');
  });

  it('refuses a file it cannot read as codings in one line, naming it', async () => {
    await writeCsv('no-passage.csv', 'document,code\npolice,Barriers\n');
    const run = await gloss(['code', 'study.gloss', '--from', 'no-passage.csv']);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: 'gloss: no-passage.csv: the header says neither quote nor start and end; it needs the columns document,code,quote (with occurrence if you like) or document,code,start,end; nothing was coded\n',
    });
    const missing = await gloss(['code', 'study.gloss', '--from', 'missing.csv']);
    expect(missing.stderr).toMatch(/^gloss: missing\.csv: .*does not exist.*; nothing was coded\n$/);
    await fs.writeFile(path.join(dir, 'photo.csv'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    expect((await gloss(['code', 'study.gloss', '--from', 'photo.csv'])).stderr).toBe('gloss: photo.csv: it looks like a binary file, not text; nothing was coded\n');
    const piped = await gloss(['code', 'study.gloss', '--from', '-'], { stdin: '\u0000\u0001\u0002binary' });
    expect(piped.stderr).toBe('gloss: standard input: it looks like a binary file, not text; nothing was coded\n');
    await fs.mkdir(path.join(dir, 'folder.csv'));
    expect((await gloss(['code', 'study.gloss', '--from', 'folder.csv'])).stderr).toMatch(/^gloss: folder\.csv: .*folder.*; nothing was coded\n$/);
    expect(await projectBytes()).toEqual(pristine);
  });

  it('keeps the one-passage options and the batch options apart', async () => {
    expect(await gloss(['code', 'study.gloss', '--from', 'x.csv', '--doc', 'police'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gloss: code: --doc names one passage; with --from, every coding comes from the file\n',
    });
    expect(await gloss(['code', 'study.gloss', '--doc', 'police', '--code', 'X', '--quote', 'us', '--skip-bad'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gloss: code: --skip-bad goes with --from\n',
    });
  });
});
