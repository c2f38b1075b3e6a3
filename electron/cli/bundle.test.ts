/**
 * The `gloss` command as installed: bin/gloss.mjs in a process of its own, running the
 * prebuilt CLI that build/build-cli.mjs makes (built here into a temp folder laid out like
 * an install with bin/, dist/cli/, package.json and node_modules but no sources, so what
 * runs can only be the bundle, the chunks loaded on demand included), or, where there is
 * no bundle, the sources through tsx.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx, makePdf } from '../../shared/import/fixtures/make-documents';
import { spawnGloss, type Run } from './run-gloss';

const root = fileURLToPath(new URL('../../', import.meta.url));
const version = (JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

let tmp: string;
/** The installed-like tree: bin/, dist/cli/, package.json. */
let installed: string;
/** Where the commands run, with their inputs. */
let work: string;

function buildCli(out: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(root, 'build', 'build-cli.mjs'), '--out', out], { cwd: root }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    );
  });
}

/** bin/gloss.mjs of the installed-like tree, in `work`, saying which CLI it runs. */
const gloss = (...args: string[]): Promise<Run> =>
  spawnGloss(work, args, { bin: path.join(installed, 'bin', 'gloss.mjs'), env: { GLOSS_DEBUG: '1' } });

function hasGit(): boolean {
  try {
    execFileSync('git', ['--version']);
    return true;
  } catch {
    return false;
  }
}
const HAVE_GIT = hasGit();

const PREBUILT = 'gloss: running the prebuilt CLI dist/cli/gloss.mjs\n';
/** Each test starts processes; on a busy machine one start can take seconds. */
const PROCESSES = 120_000;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-bundle-'));
  installed = path.join(tmp, 'gloss');
  work = path.join(tmp, 'work');
  await fs.mkdir(path.join(installed, 'bin'), { recursive: true });
  await fs.mkdir(work);
  // With their times: package.json is one of the files the bundle checks against.
  for (const file of ['bin/gloss.mjs', 'bin/prebuilt.mjs', 'package.json']) {
    await fs.cp(path.join(root, file), path.join(installed, file), { preserveTimestamps: true });
  }
  // The installed packages: the bundle loads exceljs, mammoth and pdfjs from there on demand.
  await fs.symlink(path.join(root, 'node_modules'), path.join(installed, 'node_modules'));
  const built = await buildCli(path.join(installed, 'dist'));
  expect(built.stderr).toBe('');
  expect(built.code).toBe(0);
  expect(built.stdout).toMatch(/^build-cli: .*gloss\.mjs from \d+ sources; a start loads \d+ files \(\d+ kB\), \d+ more on demand\n$/);
  await fs.writeFile(path.join(work, 'interview.docx'), makeDocx());
  await fs.writeFile(path.join(work, 'report.pdf'), makePdf([[{ size: 12, x: 72, y: 720, text: 'Training gaps were the first thing everyone named.' }]]));
  await fs.writeFile(path.join(work, 'notes.txt'), 'Nobody trusted the forms.\n');
}, 120_000);

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('the prebuilt CLI', () => {
  it('records the sources it holds, as they are on disk', async () => {
    const manifest = JSON.parse(await fs.readFile(path.join(installed, 'dist', 'cli', 'manifest.json'), 'utf8')) as {
      inputs: Record<string, [number, number]>;
    };
    for (const source of ['electron/cli/main.ts', 'electron/cli/run.ts', 'shared/model/schema.ts', 'shared/import/docx.ts', 'package.json']) {
      const stats = await fs.stat(path.join(root, source));
      expect(manifest.inputs[source], source).toEqual([stats.mtimeMs, stats.size]);
    }
    expect(Object.keys(manifest.inputs).filter((input) => input.includes('node_modules/') && input !== 'node_modules/.package-lock.json')).toEqual([]);
  });

  it('answers --version and --help from the bundle', async () => {
    expect(await gloss('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: PREBUILT });
    const help = await gloss('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: gloss COMMAND FILE/);
  }, PROCESSES);

  it('imports Word, PDF and text, codes, and exports a workbook, loading each library on demand', async () => {
    expect(await gloss('new', 'study.gloss')).toMatchObject({ code: 0, stderr: PREBUILT });
    const imported = await gloss('import', 'study.gloss', 'interview.docx', 'report.pdf', 'notes.txt');
    // Only the bundle's own line and the import report's note on the Word file's footnote and comment.
    expect(imported.stderr).toBe(`${PREBUILT}gloss: interview.docx: left out of the text: 1 footnote and 1 comment.\n`);
    expect(imported.stdout.trim().split('\n').map((line) => line.split('\t')[1])).toEqual(['interview', 'report', 'notes']);
    expect(await gloss('code', 'study.gloss', '--doc', 'report', '--code', 'Training', '--quote', 'Training gaps')).toMatchObject({ code: 0 });
    const info = await gloss('info', 'study.gloss', '--json');
    expect(JSON.parse(info.stdout)).toMatchObject({ documents: 3, codes: 1, codings: 1 });

    const exported = await gloss('export', 'study.gloss', '--xlsx', 'study.xlsx', '--html', 'report.html');
    expect(exported).toEqual({ code: 0, stdout: `${path.join(work, 'study.xlsx')}\n${path.join(work, 'report.html')}\n`, stderr: PREBUILT });
    const workbook = await fs.readFile(path.join(work, 'study.xlsx'));
    expect(workbook.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    expect(await fs.readFile(path.join(work, 'report.html'), 'utf8')).toContain('Training gaps');
  }, PROCESSES);

  it('reads codings piped into gloss code --from -', async () => {
    expect(await gloss('new', 'piped.gloss')).toMatchObject({ code: 0 });
    expect(await gloss('import', 'piped.gloss', 'notes.txt')).toMatchObject({ code: 0 });
    const run = await spawnGloss(work, ['code', 'piped.gloss', '--from', '-', '--create-codes'], {
      bin: path.join(installed, 'bin', 'gloss.mjs'),
      stdin: 'document,code,quote\r\nnotes,Trust,trusted\r\nnotes,Forms,forms\r\n',
    });
    expect(run).toEqual({ code: 0, stdout: 'piped.gloss: 2 rows applied from standard input (2 new codings; 2 codes created)\n', stderr: '' });
  }, PROCESSES);

  it.skipIf(!HAVE_GIT)('finds its own files where the sources would: the merge driver is this tree\'s bin/gloss.mjs', async () => {
    const repo = path.join(tmp, 'repo');
    await fs.mkdir(repo);
    execFileSync('git', ['init', '-q'], { cwd: repo });
    const run = await gloss('git-setup', repo);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`'${path.join(installed, 'bin', 'gloss.mjs')}' merge --base %O %A %B`);
  }, PROCESSES);
});

describe('bin/gloss.mjs without a prebuilt CLI', () => {
  it('runs the sources through tsx and says so', async () => {
    // A checkout before its first build: the sources and packages, no dist/.
    const checkout = path.join(tmp, 'checkout');
    await fs.mkdir(path.join(checkout, 'bin'), { recursive: true });
    for (const file of ['bin/gloss.mjs', 'bin/prebuilt.mjs']) await fs.copyFile(path.join(root, file), path.join(checkout, file));
    for (const link of ['electron', 'shared', 'node_modules', 'package.json']) await fs.symlink(path.join(root, link), path.join(checkout, link));
    const run = await spawnGloss(work, ['--version'], { bin: path.join(checkout, 'bin', 'gloss.mjs'), env: { GLOSS_DEBUG: '1' } });
    expect(run).toEqual({
      code: 0,
      stdout: `${version}\n`,
      stderr: 'gloss: running the TypeScript sources through tsx: there is no prebuilt CLI in dist/cli (npm run build:cli makes it)\n',
    });
  }, PROCESSES);
});
