/** gloss import-qdpx as a user runs it: real files, a child process, then gloss info on the result. */
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codePointSpan, qde, selection, zipQdpx } from '../../shared/formats/refi/fixtures/qdpx-fixtures';
import { runGloss, type Run } from './run-gloss';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const NVIVO = path.resolve(repoRoot, '../shared/refi-qda/samples/nvivo_project.qdpx');

let dir: string;
const gloss = (...args: string[]): Promise<Run> => runGloss(dir, args);

function expectOneLineError(run: Run, message: string | RegExp): void {
  expect(run.code, run.stderr).not.toBe(0);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  if (typeof message === 'string') expect(run.stderr.trimEnd()).toBe(message);
  else expect(run.stderr.trimEnd()).toMatch(message);
}

const CODE = 'aaaaaaaa-0000-4000-8000-000000000001';
const DOC = 'dddddddd-0000-4000-8000-000000000001';
const TEXT = 'Ab 😀 we waited weeks.\r\nNobody trusted it.';

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-qdpx-cli-'));
  const codebook = `<CodeBook><Codes><Code guid="${CODE}" name="Delay" isCodable="true" color="#ABC"/></Codes></CodeBook>`;
  const sources =
    `<Sources><TextSource guid="${DOC}" name="Interview" plainTextPath="internal://${DOC}.txt">` +
    selection('51000000-0000-4000-8000-000000000001', codePointSpan(TEXT, 'waited weeks'), [CODE]) +
    selection('51000000-0000-4000-8000-000000000002', [3, 400], [CODE]) +
    `</TextSource></Sources>`;
  await fs.writeFile(path.join(dir, 'small.qdpx'), zipQdpx({ 'project.qde': qde(codebook + sources, { name: 'Small study' }), [`sources/${DOC}.txt`]: TEXT }));
  await fs.writeFile(path.join(dir, 'slip.qdpx'), zipQdpx({ 'project.qde': qde(''), '../outside.txt': 'x' }));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('gloss import-qdpx', () => {
  it('imports a synthetic project, prints the report, and gloss info counts it', async () => {
    const run = await gloss('import-qdpx', 'small.qdpx', 'small.gloss');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      'Imported from small.qdpx: 1 document, 1 code, 1 coding, 1 coder.',
      'Text positions read as Unicode code points, a CRLF line break counted as two characters (as the REFI-QDA standard says).',
      'Skipped (1):',
      '  - selection 3–400 in “Interview”: its position lies outside the text (1 coding not imported)',
      'Warnings (1):',
      '  - 1 coding or note name no user listed in the project; they were given the coder “Unknown coder”.',
      '',
    ]);
    const saved = JSON.parse(await fs.readFile(path.join(dir, 'small.gloss'), 'utf8'));
    expect(saved.documents[0].text).toBe('Ab 😀 we waited weeks.\nNobody trusted it.');
    expect(saved.codings.map((c: { quote: string }) => c.quote)).toEqual(['waited weeks']);
    expect(saved.codes[0]).toMatchObject({ id: CODE, color: '#aabbcc' });
    const info = await gloss('info', 'small.gloss', '--json');
    expect(JSON.parse(info.stdout)).toMatchObject({ project: 'Small study', documents: 1, codes: 1, codings: 1, memos: 0 });
  });

  it('refuses to replace an existing project', async () => {
    await fs.writeFile(path.join(dir, 'taken.gloss'), 'keep me');
    expectOneLineError(await gloss('import-qdpx', 'small.qdpx', 'taken.gloss'), 'gloss: taken.gloss already exists; choose another name.');
    expect(await fs.readFile(path.join(dir, 'taken.gloss'), 'utf8')).toBe('keep me');
  });

  it('refuses an unsafe archive in one line and writes nothing', async () => {
    expectOneLineError(
      await gloss('import-qdpx', 'slip.qdpx', 'slip.gloss'),
      'gloss: slip.qdpx: entry “../outside.txt” points outside the archive; nothing was imported.',
    );
    expect(existsSync(path.join(dir, 'slip.gloss'))).toBe(false);
  });

  it('checks its arguments', async () => {
    expectOneLineError(await gloss('import-qdpx', 'small.qdpx'), /^gloss: import-qdpx: name the project file to create/);
    expectOneLineError(await gloss('import-qdpx', 'small.qdpx', 'x.gloss', '--positions', 'bytes'), 'gloss: import-qdpx: --positions must be auto, codepoints or utf16, not "bytes"');
    expectOneLineError(await gloss('import-qdpx', 'missing.qdpx', 'x.gloss'), 'gloss: missing.qdpx: could not be read: the file does not exist.');
  });

  it.skipIf(!existsSync(NVIVO))('imports the NVivo for Mac sample (skipped when ../shared/refi-qda is missing)', async () => {
    await fs.copyFile(NVIVO, path.join(dir, 'nvivo.qdpx'));
    const run = await gloss('import-qdpx', 'nvivo.qdpx', 'nvivo.gloss');
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      'Imported from nvivo.qdpx (written by NVivo for Mac 15.0.0): 2 documents, 262 codes, 2 coders.\n' +
        'Text positions read as UTF-16 code units, a CRLF line break counted as two characters (as NVivo writes them).\n',
    );
    const info = JSON.parse((await gloss('info', 'nvivo.gloss', '--json')).stdout);
    expect(info).toMatchObject({ project: 'qc project', documents: 2, codes: 262, codings: 0, memos: 0 });
    expect(info.perCode.find((c: { code: string }) => c.code === 'programming').path).toBe('rq1_definition > competencies > programming');
  });
});
