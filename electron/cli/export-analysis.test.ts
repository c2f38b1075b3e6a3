/** gloss export's analysis tables and the report's --with sections: the rows gloss analyse writes, the filters said in the file, refusals. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { runGloss, type Run } from './run-gloss';
import { serializeProject } from '../../shared/model/serialize';
import { analysisFile, analysisProject, TWO_INTERVIEWS } from '../../shared/analysis/fixtures/analysis-project';
import { htmlReport } from '../../shared/export/html-report';

let dir: string;
const gloss = (...args: string[]): Promise<Run> => runGloss(dir, args);
const at = (name: string) => path.join(dir, name);
const ok = async (...args: string[]) => {
  const run = await gloss(...args);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run;
};

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-export-analysis-'));
  await fs.writeFile(at('study.gloss'), serializeProject(analysisFile(TWO_INTERVIEWS)));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('gloss export, analysis tables', () => {
  it('writes each table as gloss analyse VIEW --csv does, byte for byte', async () => {
    await ok('export', 'study.gloss', '--frequencies', 'f.csv', '--cooccurrence', 'c.csv', '--matrix', 'm.csv');
    for (const [view, file] of [['frequencies', 'f.csv'], ['cooccurrence', 'c.csv'], ['matrix', 'm.csv']] as const) {
      await ok('analyse', 'study.gloss', view, '--csv', `a-${file}`);
      expect(await fs.readFile(at(file), 'utf8'), view).toBe(await fs.readFile(at(`a-${file}`), 'utf8'));
    }
    expect(await fs.readFile(at('c.csv'), 'utf8')).toBe('\ufeffcode_a,code_b,count,c_coefficient\r\nBarriers,Barriers > Training,1,0.5\r\nBarriers,Delay,2,1\r\nBarriers > Training,Delay,1,0.5\r\n');
  });

  it('counts under the analyse filters and says so on the first line', async () => {
    await ok('export', 'study.gloss', '--frequencies', 'f2.csv', '--doc', 'Interview 2', '--analysis-xlsx', 'a.xlsx', '--framework', 'fw.md');
    expect((await fs.readFile(at('f2.csv'), 'utf8')).split('\r\n').slice(0, 3)).toEqual([
      '\ufeffCounted only: document “Interview 2”.',
      'code,code_path,codings,documents,characters,codings_with_subcodes,documents_with_subcodes,characters_with_subcodes',
      'Barriers,Barriers,1,1,12,1,1,12',
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await fs.readFile(at('a.xlsx'))) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Code frequencies', 'Co-occurrence', 'Co-occurring pairs', 'Codes × documents', 'Framework matrix']);
    const matrix = workbook.getWorksheet('Codes × documents')!;
    expect(matrix.getCell('A1').value).toBe('Counted only: document “Interview 2”.');
    expect(matrix.getRow(2).values).toEqual([undefined, 'code_path', 'Interview 2']);
    expect(matrix.getRow(3).values).toEqual([undefined, 'Barriers', 1]);
    expect(await fs.readFile(at('fw.md'), 'utf8')).toContain('_Counted only: document “Interview 2”._');
  });

  it('--html stays as it was; --with adds the chosen sections, in the report’s order', async () => {
    await ok('export', 'study.gloss', '--html', 'plain.html');
    expect(await fs.readFile(at('plain.html'), 'utf8')).toBe(htmlReport(analysisProject(TWO_INTERVIEWS)));
    await ok('export', 'study.gloss', '--html', 'with.html', '--with', 'matrix, frequencies', '--coded-by', 'ana');
    expect(await fs.readFile(at('with.html'), 'utf8')).toBe(
      htmlReport(analysisProject(TWO_INTERVIEWS), { sections: ['frequencies', 'matrix'], filter: { coderIds: ['ana'] } }),
    );
    await ok('export', 'study.gloss', '--html', 'all.html', '--with', 'all');
    expect((await fs.readFile(at('all.html'), 'utf8')).match(/<section class="analysis"/g)).toHaveLength(4);
  });

  it('refuses what does not fit, in one line, writing nothing', async () => {
    const refused = async (args: string[], message: string) => {
      const run = await gloss('export', 'study.gloss', ...args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`gloss: export: ${message}\n`);
    };
    await refused(['--with', 'frequencies'], '--with applies to --html; add --html OUT.html');
    await refused(['--html', 'x.html', '--with', 'frequencies,charts'], '--with takes frequencies, cooccurrence, matrix, framework or all, separated by commas, not "charts"');
    await refused(['--excerpts', 'x.csv', '--doc', 'Interview 1'], 'the filters (--doc, --case, --set, --where, --coded-by) apply to --frequencies, --cooccurrence, --matrix, --framework or --analysis-xlsx, or --html with --with');
    await expect(fs.stat(at('x.html'))).rejects.toThrow();
    await expect(fs.stat(at('x.csv'))).rejects.toThrow();
  });
});
