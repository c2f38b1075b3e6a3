import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { FREQUENCIES_NOTE, MAX_CELL_LENGTH, workbookXlsx } from './xlsx';
import { excerptRows, EXCERPTS_HEADER } from '../../shared/export/csv-excerpts';
import { CODEBOOK_HEADER, codebookRows } from '../../shared/export/csv-codebook';
import { stateFromFile } from '../../shared/model/state';
import { exportProject, exportProjectFile, POLICE } from '../../shared/export/fixtures/export-project';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Every row of a sheet as plain values (row 1 is the header). */
function values(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push(Array.from((row.values as unknown[]).slice(1), (v) => v ?? ''));
  });
  return rows;
}

describe('workbookXlsx', () => {
  it('writes the four sheets (the fixture has memos), each with a bold frozen header and a filter', async () => {
    const workbook = await load(await workbookXlsx(exportProject()));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Excerpts', 'Codebook', 'Code frequencies', 'Memos']);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.autoFilter).toBeTruthy();
    }
    expect(workbook.creator).toBe('Gloss');
    expect(workbook.created.toISOString()).toBe('2025-01-01T10:00:00.000Z');
    expect(workbook.modified.toISOString()).toBe('2025-01-01T10:00:05.000Z');
  });

  it('puts exactly the excerpts CSV rows in Excerpts, numbers as numbers, times as dates, the text column wrapped', async () => {
    const state = exportProject();
    const sheet = (await load(await workbookXlsx(state))).getWorksheet('Excerpts')!;
    const created = EXCERPTS_HEADER.indexOf('created_at');
    // The CSV's ISO text becomes a date cell holding the same instant.
    const asCells = excerptRows(state).map((row) => row.map((v, i) => (i === created ? new Date(v as string) : v)));
    expect(values(sheet)).toEqual([[...EXCERPTS_HEADER], ...asCells]);
    const firstTime = sheet.getCell(2, created + 1);
    expect(firstTime.type).toBe(ExcelJS.ValueType.Date);
    expect((firstTime.value as Date).toISOString()).toBe(excerptRows(state)[0]![created]);
    expect(firstTime.numFmt).toBe('yyyy-mm-dd hh:mm:ss "UTC"');
    const lines = values(sheet).find((row) => row[6] === POLICE.slice(23))!;
    expect(lines.slice(3, 6)).toEqual(["Ben O'Neil", 23, POLICE.length]);
    expect(typeof lines[4]).toBe('number');
    expect(lines[7]).toBe('Note: first, "second"');
    const text = sheet.getColumn(EXCERPTS_HEADER.indexOf('text') + 1);
    expect(sheet.getCell(3, EXCERPTS_HEADER.indexOf('text') + 1).alignment?.wrapText).toBe(true);
    expect(text.width).toBeGreaterThanOrEqual(10);
    expect(text.width).toBeLessThanOrEqual(80);
    expect(sheet.getColumn(EXCERPTS_HEADER.indexOf('start') + 1).width).toBe(10);
    // Read back as a range: header plus five codings, nine columns.
    expect(sheet.autoFilter).toBe('A1:I6');
  });

  it('puts the codebook CSV rows in Codebook', async () => {
    const state = exportProject();
    const sheet = (await load(await workbookXlsx(state))).getWorksheet('Codebook')!;
    expect(values(sheet)).toEqual([[...CODEBOOK_HEADER], ...codebookRows(state)]);
  });

  it('counts codings per code and document, with a Total column and a Total row', async () => {
    const sheet = (await load(await workbookXlsx(exportProject()))).getWorksheet('Code frequencies')!;
    const rows = values(sheet);
    const header = rows[0] as string[];
    // Documents in name order ("<script>…" sorts first), then the total.
    expect(header.slice(0, 2)).toEqual(['code', 'code_path']);
    expect(header.slice(3)).toEqual(['Council 😀', 'Interview, police', 'Total']);
    const row = (path: string) => rows.find((r) => r[1] === path)!;
    expect(row('Barriers > Data sharing').slice(2)).toEqual([0, 1, 1, 2]);
    expect(row('Barriers > Data sharing > Health').slice(2)).toEqual([0, 1, 0, 1]);
    expect(row('Training gaps').slice(2)).toEqual([0, 0, 1, 1]);
    expect(row('Barriers').slice(2)).toEqual([0, 0, 0, 0]);
    const total = rows.findIndex((r) => r[0] === 'Total');
    expect(rows[total]).toEqual(['Total', '', 1, 2, 2, 5]);
    expect(sheet.getRow(total + 1).font?.bold).toBe(true);
    // Under it, a note that parents do not add up their sub-codes (Barriers shows 0 above).
    expect(rows.at(-1)).toEqual([FREQUENCIES_NOTE]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1 });
    // The filter covers the codes, not the totals, so sorting leaves the Total row last.
    expect(total).toBe(9);
    expect(sheet.autoFilter).toBe('A1:F9');
  });

  it('cuts a cell past Excel’s limit and says so', async () => {
    const file = exportProjectFile();
    const long = 'word '.repeat(8000); // 40,000 characters
    file.documents = file.documents.map((d) => (d.name === 'Interview, police' ? { ...d, text: long } : d));
    file.codings = file.codings
      .filter((c) => c.documentId !== file.documents.find((d) => d.text === long)!.id)
      .concat({ ...file.codings[0]!, id: 'c-long', start: 0, end: long.length, quote: long });
    const sheet = (await load(await workbookXlsx(stateFromFile(file)))).getWorksheet('Excerpts')!;
    const cell = values(sheet).find((r) => r[2] === 'Training gaps')![6] as string;
    expect(cell.length).toBe(MAX_CELL_LENGTH);
    expect(cell.startsWith('word word')).toBe(true);
    expect(cell).toMatch(/the CSV export has the full text\]$/);
  });
});
