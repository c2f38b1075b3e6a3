/** gloss analyse: the JSON keys issue 12 names, the CSV formula guard, the filters, and refusals in plain words. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGloss, type Run } from './run-gloss';
import { serializeProject } from '../../shared/model/serialize';
import { analysisFile } from '../../shared/analysis/fixtures/analysis-project';

let dir: string;
const gloss = (...args: string[]): Promise<Run> => runGloss(dir, args);
const json = async (...args: string[]) => {
  const run = await gloss(...args);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as unknown;
};

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-analyse-'));
  const file = analysisFile({
    documents: { 'Interview 1': 'We never had training at all.', 'Interview 2': 'Data sharing took weeks.' },
    codes: { Barriers: null, 'Data sharing': 'Barriers', '=SUM(A1)': null },
    codings: [
      ['Interview 1', 'Barriers', 0, 10],
      ['Interview 1', '=SUM(A1)', 3, 8, 'ben'],
      ['Interview 1', 'Data sharing', 13, 21], // "training": in the paragraph of the others, overlapping none
      ['Interview 2', 'Data sharing', 0, 12],
      ['Interview 2', 'Data sharing', 5, 17],
      ['Interview 2', 'Barriers', 10, 24],
    ],
    cases: { Ana: { documents: ['Interview 1'] }, Bo: { documents: ['Interview 2'] } },
    variables: { Region: 'text' },
    attributes: { 'Interview 1': { Region: 'North' }, 'Interview 2': { Region: 'South' } },
  });
  await fs.writeFile(path.join(dir, 'study.gloss'), serializeProject(file));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('gloss analyse', () => {
  it('frequencies --json: one row per code with exactly the issue\'s keys', async () => {
    const rows = (await json('analyse', 'study.gloss', 'frequencies', '--json')) as Record<string, unknown>[];
    expect(rows).toEqual([
      { code: '=SUM(A1)', code_path: '=SUM(A1)', codings: 1, documents: 1, characters: 5, codings_with_subcodes: 1, documents_with_subcodes: 1, characters_with_subcodes: 5 },
      { code: 'Barriers', code_path: 'Barriers', codings: 2, documents: 2, characters: 24, codings_with_subcodes: 5, documents_with_subcodes: 2, characters_with_subcodes: 18 + 24 },
      { code: 'Data sharing', code_path: 'Barriers > Data sharing', codings: 3, documents: 2, characters: 25, codings_with_subcodes: 3, documents_with_subcodes: 2, characters_with_subcodes: 25 },
    ]);
    const filtered = (await json('analyse', 'study.gloss', 'frequencies', '--json', '--where', 'region=North', '--coded-by', 'ana')) as { codings: number }[];
    expect(filtered.map((r) => r.codings)).toEqual([0, 1, 1]);
  });

  it('cooccurrence --json: pairs by full path with the c-coefficient; --paragraph widens to the paragraph', async () => {
    expect(await json('analyse', 'study.gloss', 'cooccurrence', '--json')).toEqual([
      { code_a: '=SUM(A1)', code_b: 'Barriers', count: 1, c_coefficient: 1 / 2 },
      { code_a: 'Barriers', code_b: 'Barriers > Data sharing', count: 2, c_coefficient: 2 / 3 },
    ]);
    expect(await json('analyse', 'study.gloss', 'cooccurrence', '--json', '--paragraph')).toEqual([
      { code_a: '=SUM(A1)', code_b: 'Barriers', count: 1, c_coefficient: 1 / 2 },
      { code_a: '=SUM(A1)', code_b: 'Barriers > Data sharing', count: 1, c_coefficient: 1 / 3 },
      { code_a: 'Barriers', code_b: 'Barriers > Data sharing', count: 3, c_coefficient: 3 / 2 },
    ]);
  });

  it('matrix --json: rows, columns and counts, by documents, cases or a variable\'s values', async () => {
    expect(await json('analyse', 'study.gloss', 'matrix', '--json')).toEqual({
      rows: ['=SUM(A1)', 'Barriers', 'Barriers > Data sharing'],
      columns: ['Interview 1', 'Interview 2'],
      counts: [[1, 0], [1, 1], [1, 2]],
    });
    expect(await json('analyse', 'study.gloss', 'matrix', '--columns', 'cases', '--with-subcodes', '--json')).toMatchObject({ columns: ['Ana', 'Bo'], counts: [[1, 0], [2, 3], [1, 2]] });
    expect(await json('analyse', 'study.gloss', 'matrix', '--columns', 'variable:Region', '--measure', 'characters', '--json')).toEqual({
      rows: ['=SUM(A1)', 'Barriers', 'Barriers > Data sharing'],
      columns: ['North', 'South'],
      counts: [[1, 0], [1, 1], [1, 2]],
      characters: [[5, 0], [10, 14], [8, 17]],
    });
  });

  it('retrieve --json: the passages a query holds for, with the codings behind them', async () => {
    expect(await json('analyse', 'study.gloss', 'retrieve', '--query', 'Barriers AND NOT Barriers > Data sharing', '--json')).toMatchObject([
      { document: 'Interview 1', start: 0, end: 10, text: 'We never h' },
      { document: 'Interview 2', start: 17, end: 24, text: ' weeks.' },
    ]);
  });

  it('--csv guards a cell that would run as a formula, unless --csv-raw', async () => {
    const out = await gloss('analyse', 'study.gloss', 'frequencies', '--csv', 'freq.csv');
    expect(out).toEqual({ code: 0, stdout: `${path.join(dir, 'freq.csv')}\n`, stderr: '' });
    const text = await fs.readFile(path.join(dir, 'freq.csv'), 'utf8');
    expect(text.split('\r\n').slice(0, 2)).toEqual([
      '\ufeffcode,code_path,codings,documents,characters,codings_with_subcodes,documents_with_subcodes,characters_with_subcodes',
      "'=SUM(A1),'=SUM(A1),1,1,5,1,1,5",
    ]);
    await gloss('analyse', 'study.gloss', 'cooccurrence', '--csv', 'co.csv', '--csv-raw');
    expect((await fs.readFile(path.join(dir, 'co.csv'), 'utf8')).split('\r\n')[1]).toBe('=SUM(A1),Barriers,1,0.5');
    await gloss('analyse', 'study.gloss', 'matrix', '--csv', 'm.csv', '--measure', 'percent');
    expect((await fs.readFile(path.join(dir, 'm.csv'), 'utf8')).split('\r\n').slice(0, 2)).toEqual(['\ufeffcode_path,Interview 1,Interview 2', "'=SUM(A1),17.24,0"]);
  });

  it('framework: the summaries written with gloss summary beside their codings, as JSON, CSV and Markdown', async () => {
    expect((await gloss('summary', 'study.gloss', '--case', 'Bo', '--code', 'Barriers', '--text', '=Slow data, weeks.')).code).toBe(0);
    expect(await json('analyse', 'study.gloss', 'framework', '--code', 'Barriers', '--code', 'Barriers > Data sharing', '--json')).toEqual({
      rows: ['Ana', 'Bo'],
      columns: ['Barriers', 'Barriers > Data sharing'],
      summaries: [[null, null], ['=Slow data, weeks.', null]],
      counts: [[1, 1], [1, 2]],
    });
    await gloss('analyse', 'study.gloss', 'framework', '--code', 'Barriers', '--csv', 'f.csv');
    expect((await fs.readFile(path.join(dir, 'f.csv'), 'utf8')).split('\r\n').slice(0, 3)).toEqual(['\ufeffcase,Barriers', 'Ana,', `Bo,"'=Slow data, weeks."`]);
    await gloss('analyse', 'study.gloss', 'framework', '--rows', 'documents', '--code', 'Barriers', '--markdown', 'f.md', '--where', 'Region=South');
    expect(await fs.readFile(path.join(dir, 'f.md'), 'utf8')).toBe('# Framework matrix: Analysis\n\n## Interview 2\n\n### Barriers\n\n_No summary yet._\n\n_1 coding._\n');
  });

  it('--xlsx writes the view\'s table as a one-sheet workbook', async () => {
    expect((await gloss('analyse', 'study.gloss', 'matrix', '--columns', 'cases', '--xlsx', 'm.xlsx')).code).toBe(0);
    const { default: excel } = await import('exceljs');
    const workbook = new excel.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 'm.xlsx'));
    const sheet = workbook.getWorksheet('Code matrix')!;
    expect([1, 2, 3, 4].map((r) => (sheet.getRow(r).values as unknown[]).slice(1))).toEqual([
      ['code_path', 'Ana', 'Bo'],
      ['=SUM(A1)', 1, 0],
      ['Barriers', 1, 1],
      ['Barriers > Data sharing', 1, 2],
    ]);
  });

  it('prints a table for a person', async () => {
    const run = await gloss('analyse', 'study.gloss', 'frequencies');
    expect(run.stdout.split('\n')[0]).toMatch(/^Code\s+Codings\s+Documents\s+Characters/);
    expect(run.stdout).toContain('Barriers > Data sharing');
  });

  it('refuses in one line what it cannot do, naming what there is', async () => {
    const refusal = async (args: string[], message: string | RegExp) => {
      const run = await gloss(...args);
      expect(run.code).not.toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr.trimEnd()).toMatch(message);
    };
    await refusal(['analyse', 'study.gloss'], /name a view after the project: frequencies, cooccurrence, matrix, retrieve, framework/);
    await refusal(['analyse', 'study.gloss', 'charts'], /there is no view "charts"/);
    await refusal(['analyse', 'study.gloss', 'frequencies', '--paragraph'], 'gloss: analyse: --paragraph goes with cooccurrence, not frequencies');
    await refusal(['analyse', 'study.gloss', 'matrix', '--columns', 'variable:Age'], 'gloss: study.gloss: no variable named "Age" (variables: Region)');
    await refusal(['analyse', 'study.gloss', 'frequencies', '--case', 'Cy'], 'gloss: study.gloss: no case named "Cy" (cases: Ana, Bo)');
    await refusal(['analyse', 'study.gloss', 'retrieve', '--query', 'Barriers AND'], /--query: a code name was expected before the end/);
    await refusal(['analyse', 'study.gloss', 'retrieve', '--query', 'Trust'], /no code named "Trust"/);
    await refusal(['analyse', 'study.gloss', 'frequencies', '--json', '--csv', 'x.csv'], /give one of --json, --csv OUT, --xlsx OUT and --markdown OUT/);
    await refusal(['analyse', 'study.gloss', 'matrix', '--markdown', 'm.md'], 'gloss: analyse: --markdown goes with framework, not matrix');
    await refusal(['analyse', 'study.gloss', 'frequencies', '--csv', 'other.gloss'], /names a Gloss project/);
  });
});
