/** gloss export for the formats researchers hand on, run as a user runs it (bin/gloss.mjs, real files). */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { runGloss, type Run } from './run-gloss';
import { runCli } from './run';
import { markdownFiles } from '../../shared/export/markdown';
import { webAnnotations } from '../../shared/export/web-annotation';
import { htmlReport } from '../../shared/export/html-report';
import { EMOJI, exportProject, exportProjectFile, IDS } from '../../shared/export/fixtures/export-project';

let dir: string;
const gloss = (...args: string[]): Promise<Run> => runGloss(dir, args);
const at = (name: string) => path.join(dir, name);

function expectOneLineError(run: Run, message: string): void {
  expect(run.code, run.stderr).not.toBe(0);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(`${message}\n`);
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-export-'));
  await fs.writeFile(at('study.gloss'), JSON.stringify(exportProjectFile()));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The attributes of the PlainTextSelection that quotes `quote`. */
function selection(qde: string, quote: string): Record<string, string> {
  const tag = qde.match(new RegExp(`<PlainTextSelection [^>]*name="${quote}"[^>]*>`))?.[0] ?? '';
  return Object.fromEntries([...tag.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

describe('gloss export', () => {
  it('writes the workbook, report, notes, annotations and REFI-QDA project in one run', async () => {
    const run = await gloss(
      'export',
      'study.gloss',
      '--xlsx',
      'study.xlsx',
      '--html',
      'report.html',
      '--web-annotations',
      'annotations.jsonld',
      '--qdpx',
      'study.qdpx',
      '--markdown',
      'notes',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Printed in option order; the notes folder last.
    expect(run.stdout).toBe([at('study.qdpx'), at('study.xlsx'), at('report.html'), at('annotations.jsonld'), at('notes')].join('\n') + '\n');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await fs.readFile(at('study.xlsx'))) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Excerpts', 'Codebook', 'Code frequencies', 'Memos']);
    expect(workbook.getWorksheet('Excerpts')!.getCell('G2').value).toBe('Nothing');

    // The written files are exactly what the pure exports give for the same project.
    expect(await fs.readFile(at('report.html'), 'utf8')).toBe(htmlReport(exportProject()));
    expect(await fs.readFile(at('annotations.jsonld'), 'utf8')).toBe(webAnnotations(exportProject()));
    const notes = markdownFiles(exportProject());
    expect((await fs.readdir(at('notes'))).sort()).toEqual(notes.map((f) => f.path).sort());
    for (const note of notes) expect(await fs.readFile(path.join(at('notes'), note.path), 'utf8')).toBe(note.content);

    // Code points by default: the two emoji before "slow" count one each.
    const zip = unzipSync(new Uint8Array(await fs.readFile(at('study.qdpx'))));
    const qde = strFromU8(zip['project.qde']!);
    expect(selection(qde, 'slow')).toMatchObject({ startPosition: '21', endPosition: '25' });
    expect(Object.values(zip).map((bytes) => strFromU8(bytes))).toContain(EMOJI);
  });

  it('writes UTF-16 positions into the .qdpx with --positions utf16', async () => {
    const run = await gloss('export', 'study.gloss', '--qdpx', 'nvivo.qdpx', '--positions', 'UTF-16');
    expect(run).toEqual({ code: 0, stdout: `${at('nvivo.qdpx')}\n`, stderr: '' });
    const qde = strFromU8(unzipSync(new Uint8Array(await fs.readFile(at('nvivo.qdpx'))))['project.qde']!);
    expect(selection(qde, 'slow')).toMatchObject({ startPosition: '23', endPosition: '27' });
    expect(qde).toContain('origin="Gloss (UTF-16 positions, as NVivo)"');
    expect(qde).toContain(IDS.slow);
  });

  it('refuses to replace notes already in the folder unless --force, and writes nothing', async () => {
    await fs.mkdir(at('vault'));
    await fs.writeFile(path.join(at('vault'), 'Training gaps.md'), 'my own note');
    await fs.writeFile(path.join(at('vault'), 'unrelated.md'), 'keep me');
    const refused = await gloss('export', 'study.gloss', '--markdown', 'vault', '--html', 'vault-report.html');
    expectOneLineError(
      refused,
      'gloss: vault: a note to write already exists (Training gaps.md); nothing was written. Use --force to replace them, or choose an empty folder.',
    );
    expect((await fs.readdir(at('vault'))).sort()).toEqual(['Training gaps.md', 'unrelated.md']);
    await expect(fs.access(at('vault-report.html'))).rejects.toThrow();

    const forced = await gloss('export', 'study.gloss', '--markdown', 'vault', '--force');
    expect(forced).toEqual({ code: 0, stdout: `${at('vault')}\n`, stderr: '' });
    expect(await fs.readFile(path.join(at('vault'), 'Training gaps.md'), 'utf8')).toContain('> \\"no training\\"\n');
    expect(await fs.readFile(path.join(at('vault'), 'unrelated.md'), 'utf8')).toBe('keep me');
  });

  it('refuses a --markdown target that is a file', async () => {
    await fs.writeFile(at('notes.txt'), 'x');
    expectOneLineError(
      await gloss('export', 'study.gloss', '--markdown', 'notes.txt'),
      'gloss: notes.txt: is a file, not a folder; --markdown needs a folder for the notes',
    );
  });
});

describe('gloss export CSV and formula characters', () => {
  /** The export project with a code, a document and a coder whose names a spreadsheet would run. */
  async function hostileProject(): Promise<string> {
    const file = exportProjectFile();
    file.codes.find((c) => c.name === 'Training gaps')!.name = '=HYPERLINK("http://x","y")';
    file.documents.find((d) => d.name === 'Interview, police')!.name = '@police';
    file.coders[0]!.name = '-Amira';
    await fs.writeFile(at('hostile.gloss'), JSON.stringify(file));
    return at('hostile.gloss');
  }

  it('puts a quote mark before such cells by default, and writes them raw with --csv-raw', async () => {
    const project = await hostileProject();
    const err: string[] = [];
    const io = { out: () => {}, err: (l: string) => err.push(l) };
    expect(await runCli(['export', project, '--excerpts', at('safe.csv'), '--codebook', at('safe-codebook.csv')], io)).toBe(0);
    expect(await runCli(['export', project, '--excerpts', at('raw.csv'), '--codebook', at('raw-codebook.csv'), '--csv-raw'], io)).toBe(0);
    expect(err).toEqual([]);
    const safe = await fs.readFile(at('safe.csv'), 'utf8');
    expect(safe).toContain(`'@police,"'=HYPERLINK(""http://x"",""y"")","'=HYPERLINK(""http://x"",""y"")",'-Amira,8,21,`);
    expect(safe).not.toMatch(/(^|,|\n)"?[=+@-]/);
    expect(await fs.readFile(at('safe-codebook.csv'), 'utf8')).toContain(`\r\n"'=HYPERLINK(""http://x"",""y"")",`);
    expect(await fs.readFile(at('raw.csv'), 'utf8')).toContain(`@police,"=HYPERLINK(""http://x"",""y"")","=HYPERLINK(""http://x"",""y"")",-Amira,8,21,`);
    expect(await fs.readFile(at('raw-codebook.csv'), 'utf8')).toContain(`\r\n"=HYPERLINK(""http://x"",""y"")",`);
  });
});

describe('gloss export usage', () => {
  async function run(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
  }

  it('answers option mistakes with exit code 2 and one line, before opening the project', async () => {
    const cases: [string[], string][] = [
      [['export', 'p.gloss', '--qdpx', 'o.qdpx', '--positions', 'bytes'], 'gloss: export: --positions must be utf16 or codepoints, not "bytes"'],
      [['export', 'p.gloss', '--xlsx', 'o.xlsx', '--positions', 'utf16'], 'gloss: export: --positions applies to --qdpx; add --qdpx OUT.qdpx'],
      [['export', 'p.gloss', '--html', 'o.html', '--force'], 'gloss: export: --force applies to --markdown DIR'],
      [['export', 'p.gloss', '--xlsx', 'o.xlsx', '--csv-raw'], 'gloss: export: --csv-raw applies to --excerpts, --codebook, --frequencies, --cooccurrence and --matrix'],
      [['export', 'p.gloss', '--markdown', 'p.gloss'], 'gloss: export: p.gloss is the project itself; choose another file for the export'],
      [['export', 'p.gloss', '--xlsx', 'same', '--markdown', 'same'], 'gloss: export: two outputs name the same file'],
    ];
    for (const [argv, message] of cases) {
      expect(await run(...argv), argv.join(' ')).toEqual({ code: 2, out: [], err: [message] });
    }
  });
});
