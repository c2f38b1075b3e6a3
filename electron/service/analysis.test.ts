import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { analyse, runAnalysis } from './analysis';
import { analysisRequestSchema, unpackCooccurrence } from '../../shared/ipc/analysis-request';
import { cooccurrence } from '../../shared/analysis/cooccurrence';
import { analysisProject, TWO_INTERVIEWS, type ProjectSpec } from '../../shared/analysis/fixtures/analysis-project';
import type { ProjectService } from './project-service';

/** Codings are numbered c00000… in the order listed. */
const spec: ProjectSpec = TWO_INTERVIEWS;

describe('the analysis channel', () => {
  const state = analysisProject(spec);

  it('names the codings behind a number by id: a code with its sub-codes, in some documents', () => {
    expect(analyse(state, { view: 'codings', codeId: 'Barriers', withSubcodes: true, filter: {} })).toEqual({ view: 'codings', codingIds: ['c00001', 'c00000', 'c00003'] });
    expect(analyse(state, { view: 'codings', codeId: 'Barriers', withSubcodes: false, documentIds: ['Interview 2'], filter: {} })).toEqual({ view: 'codings', codingIds: ['c00003'] });
    // The filter still holds inside a cell's documents.
    expect(analyse(state, { view: 'codings', codeId: 'Barriers', withSubcodes: false, documentIds: ['Interview 2'], filter: { documentIds: ['Interview 1'] } })).toEqual({ view: 'codings', codingIds: [] });
  });

  it('gives a co-occurrence cell its pairs of codings, the first code’s coding first', () => {
    expect(analyse(state, { view: 'pairs', codeA: 'Delay', codeB: 'Barriers', within: 'overlap', filter: {} })).toEqual({
      view: 'pairs',
      pairs: [
        { documentId: 'Interview 1', a: 'c00002', b: 'c00001' },
        { documentId: 'Interview 2', a: 'c00004', b: 'c00003' },
      ],
    });
  });

  it('sends retrieved passages by document id, without the document', () => {
    const reply = analyse(state, { view: 'retrieve', query: { and: [{ code: 'Barriers' }, { code: 'Delay' }] }, filter: {} });
    expect(reply).toEqual({
      view: 'retrieve',
      passages: [
        { documentId: 'Interview 1', start: 5, end: 10, text: 'ver h', codingIds: ['c00001', 'c00002'] },
        { documentId: 'Interview 2', start: 10, end: 12, text: 'ng', codingIds: ['c00003', 'c00004'] },
      ],
    });
  });

  it('writes a view’s tables as a workbook, a sheet each, numbers as numbers', async () => {
    const service = { current: state } as unknown as ProjectService;
    const reply = await runAnalysis(service, { view: 'xlsx', sheets: [{ name: 'Frequencies', header: ['Code', 'Codings'], rows: [['Barriers', 2], ['=cmd', 1]] }] });
    if (reply.view !== 'xlsx') throw new Error('no workbook');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(reply.base64, 'base64') as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('Frequencies')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Code', 'Codings']);
    expect(sheet.getRow(2).values).toEqual([undefined, 'Barriers', 2]);
    // A text that looks like a formula stays text.
    expect(sheet.getCell('A3').value).toBe('=cmd');
  });

  it('sends co-occurrence packed, and it unpacks to what was computed', () => {
    const reply = analyse(state, { view: 'cooccurrence', within: 'overlap', filter: {} });
    if (reply.view !== 'cooccurrence') throw new Error('no co-occurrence');
    expect(reply.result.pairs).toEqual([
      [0, 1, 1, 0.5],
      [0, 2, 2, 1],
      [1, 2, 1, 0.5],
    ]);
    expect(unpackCooccurrence(reply.result)).toEqual(cooccurrence(state));
  });

  it('refuses a request no view makes', () => {
    expect(analysisRequestSchema.safeParse({ view: 'frequencies', filter: {} }).success).toBe(true);
    expect(analysisRequestSchema.safeParse({ view: 'everything', filter: {} }).success).toBe(false);
    expect(analysisRequestSchema.safeParse({ view: 'cooccurrence', within: 'sentence', filter: {} }).success).toBe(false);
    expect(analysisRequestSchema.safeParse({ view: 'retrieve', query: { nand: [] }, filter: {} }).success).toBe(false);
  });
});
