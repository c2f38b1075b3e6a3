import { describe, expect, it } from 'vitest';
import { analysisFile, analysisProject, TWO_INTERVIEWS } from '../analysis/fixtures/analysis-project';
import { stateFromFile } from '../model/state';
import { filterSentence } from '../analysis/filter-words';
import { analysisWorkbook, cooccurrenceCsvExport, frameworkMarkdownExport, frequenciesCsvExport, matrixCsvExport } from './analysis-tables';
import { UTF8_BOM } from './csv';
import type { BuildOptions, ExportBuilder } from './registry';

const state = analysisProject(TWO_INTERVIEWS);
const text = (builder: ExportBuilder, options: Partial<BuildOptions> = {}, project = state) => {
  const built = builder(project, { base: 'Analysis', csvRaw: false, ...options });
  if (!built.ok || typeof built.value !== 'string') throw new Error('no text');
  return built.value;
};
/** CSV lines without the BOM and the last CRLF. */
const lines = (csv: string) => csv.slice(UTF8_BOM.length).split('\r\n').slice(0, -1);

describe('the analysis tables as files', () => {
  it('frequencies: a row per code in tree order with its own and rolled-up counts, the keys gloss analyse writes', () => {
    expect(lines(text(frequenciesCsvExport))).toEqual([
      'code,code_path,codings,documents,characters,codings_with_subcodes,documents_with_subcodes,characters_with_subcodes',
      // Barriers: 0–10 and 0–12; with Training's 9–21 the first document's cover is 0–21.
      'Barriers,Barriers,2,2,22,3,2,33',
      'Training,Barriers > Training,1,1,12,1,1,12',
      'Delay,Delay,2,2,24,2,2,24',
    ]);
  });

  it('co-occurrence: a row per pair of codes with the c-coefficient', () => {
    expect(lines(text(cooccurrenceCsvExport))).toEqual([
      'code_a,code_b,count,c_coefficient',
      'Barriers,Barriers > Training,1,0.5',
      'Barriers,Delay,2,1',
      'Barriers > Training,Delay,1,0.5',
    ]);
  });

  it('matrix: codes × documents, codings of each code', () => {
    expect(lines(text(matrixCsvExport))).toEqual(['code_path,Interview 1,Interview 2', 'Barriers,1,1', 'Barriers > Training,1,0', 'Delay,1,1']);
  });

  it('under a filter, says what it counts on the first line and counts only that', () => {
    const filter = { documentIds: ['Interview 2'] };
    expect(lines(text(frequenciesCsvExport, { filter }))).toEqual([
      'Counted only: document “Interview 2”.',
      'code,code_path,codings,documents,characters,codings_with_subcodes,documents_with_subcodes,characters_with_subcodes',
      'Barriers,Barriers,1,1,12,1,1,12',
      'Training,Barriers > Training,0,0,0,0,0,0',
      'Delay,Delay,1,1,14,1,1,14',
    ]);
    expect(lines(text(cooccurrenceCsvExport, { filter }))).toEqual(['Counted only: document “Interview 2”.', 'code_a,code_b,count,c_coefficient', 'Barriers,Delay,1,1']);
    expect(lines(text(matrixCsvExport, { filter }))[1]).toBe('code_path,Interview 2');
    // An empty filter counts everything and says nothing.
    expect(text(frequenciesCsvExport, { filter: {} })).toBe(text(frequenciesCsvExport));
  });

  it('guards cells a spreadsheet would run, the filter line too, unless csvRaw', () => {
    const file = analysisFile({ documents: { '=cmd|x': 'Data sharing.' }, codes: { '@SUM(1)': null }, codings: [['=cmd|x', '@SUM(1)', 0, 4]] });
    const hostile = stateFromFile(file);
    const filter = { documentIds: ['=cmd|x'] };
    expect(lines(text(frequenciesCsvExport, {}, hostile))[1]).toBe("'@SUM(1),'@SUM(1),1,1,4,1,1,4");
    expect(lines(text(matrixCsvExport, {}, hostile))[0]).toBe("code_path,'=cmd|x");
    expect(lines(text(matrixCsvExport, { csvRaw: true }, hostile))[0]).toBe('code_path,=cmd|x');
    expect(filterSentence(hostile, filter)).toBe('Counted only: document “=cmd|x”.');
    expect(lines(text(matrixCsvExport, { filter }, hostile))[0]).toBe('Counted only: document “=cmd|x”.');
  });

  it('names every kind of condition in words', () => {
    const project = analysisProject({
      ...TWO_INTERVIEWS,
      codings: [...TWO_INTERVIEWS.codings, ['Interview 2', 'Delay', 0, 4, 'ben']],
      cases: { Ana: { documents: ['Interview 1'] } },
      variables: { Region: 'text' },
      sets: { Pilots: { kind: 'documents', members: ['Interview 1'] }, Core: { kind: 'codes', members: ['Delay'] } },
    });
    expect(
      filterSentence(project, {
        documentSetIds: ['Pilots'],
        caseIds: ['Ana'],
        values: [{ variableId: 'Region', values: ['North', null] }],
        coderIds: ['ana', 'ben'],
        codeSetIds: ['Core'],
      }),
    ).toBe('Counted only: documents in set “Pilots”; documents of case “Ana”; documents where “Region” is “North” or “(no value)”; codings by “ana” or “ben”; codes in set “Core”.');
    expect(filterSentence(project, {})).toBeNull();
    expect(filterSentence(project, undefined)).toBeNull();
  });

  it('the framework matrix as Markdown: cases when there are any, the filter under the title', () => {
    const file = analysisFile({ ...TWO_INTERVIEWS, cases: { Ana: { documents: ['Interview 1'] }, Bo: { documents: ['Interview 2'] } } });
    file.summaries = [{ id: 's1', row: { kind: 'case', id: 'Ana' }, codeId: 'Delay', text: 'Waited weeks for data.', coderId: 'ana', createdAt: '2026-01-02T00:00:00.000Z', modifiedAt: '2026-01-02T00:00:00.000Z' }];
    const project = stateFromFile(file);
    const markdown = text(frameworkMarkdownExport, {}, project);
    expect(markdown.startsWith('# Framework matrix: Analysis\n\n## Ana\n\n### Barriers\n')).toBe(true);
    expect(markdown).toContain('### Delay\n\nWaited weeks for data.\n\n_1 coding._');
    expect(markdown).toContain('## Bo');
    const filtered = text(frameworkMarkdownExport, { filter: { caseIds: ['Ana'] } }, project);
    expect(filtered.startsWith('# Framework matrix: Analysis\n\n_Counted only: documents of case “Ana”._\n\n## Ana')).toBe(true);
    expect(filtered).not.toContain('## Bo');
    // Without cases, a section per document.
    expect(text(frameworkMarkdownExport)).toContain('## Interview 1');
  });

  it('the workbook holds every table, each sheet captioned with the filter', () => {
    const book = analysisWorkbook(state);
    expect(book.sheets.map((s) => s.name)).toEqual(['Code frequencies', 'Co-occurrence', 'Co-occurring pairs', 'Codes × documents', 'Framework matrix']);
    expect(book.sheets[0]!.rows[0]).toEqual(['Barriers', 'Barriers', 2, 2, 22, 3, 2, 33]);
    expect(book.sheets[1]!.header).toEqual(['code_path', 'Barriers', 'Barriers > Training', 'Delay']);
    expect(book.sheets[1]!.rows).toEqual([
      ['Barriers', 0, 1, 2],
      ['Barriers > Training', 1, 0, 1],
      ['Delay', 2, 1, 0],
    ]);
    expect(book.sheets[2]!.rows).toEqual([['Barriers', 'Barriers > Training', 1, 0.5], ['Barriers', 'Delay', 2, 1], ['Barriers > Training', 'Delay', 1, 0.5]]);
    expect(book.sheets[3]!.rows).toEqual([['Barriers', 1, 1], ['Barriers > Training', 1, 0], ['Delay', 1, 1]]);
    expect(book.sheets[4]!.header).toEqual(['document', 'Barriers', 'Barriers (codings)', 'Barriers > Training', 'Barriers > Training (codings)', 'Delay', 'Delay (codings)']);
    expect(book.sheets[4]!.rows[0]).toEqual(['Interview 1', '', 1, '', 1, '', 1]);
    expect(book.sheets.every((s) => s.caption === undefined)).toBe(true);
    const filtered = analysisWorkbook(state, { documentIds: ['Interview 2'] });
    expect(filtered.sheets.map((s) => s.caption)).toEqual(new Array(5).fill('Counted only: document “Interview 2”.'));
    expect(filtered.sheets[3]!.rows).toEqual([['Barriers', 1], ['Barriers > Training', 0], ['Delay', 1]]);
  });
});
