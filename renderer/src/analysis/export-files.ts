/**
 * Saving a view's tables and charts: CSV written here, XLSX by the host (exceljs needs
 * Node), Markdown for the framework matrix, SVG as drawn and PNG painted from it.
 */
import { useGloss } from '../store';
import { downloadExport, downloadText } from '../files/download';
import { analysisCsv } from '../../../shared/export/analysis-csv';
import { exportBaseName } from '../../../shared/export/file-names';
import type { ExportTable } from './tables';
import { ask } from './use-analysis';

/** "Pilot - Frequencies": the project's name and what the file holds. */
export function fileStem(what: string): string {
  return `${exportBaseName(useGloss.getState().project?.project.name ?? 'gloss')} - ${what}`;
}

/**
 * The table as CSV (spreadsheet-safe cells unless the export settings say raw); under a
 * filter, its first line says what the table counts (`caption`, filter-words.ts).
 */
export function saveCsv(table: ExportTable, caption: string | null = null): void {
  downloadText(`${fileStem(table.name)}.csv`, 'text/csv', analysisCsv(table, caption, useGloss.getState().csvRaw));
}

/** The tables as one workbook, a sheet each (the caption above each header); the error in words when the host could not write it. */
export async function saveXlsx(what: string, tables: readonly ExportTable[], caption: string | null = null): Promise<string | null> {
  const outcome = await ask({ view: 'xlsx', sheets: tables.map((t) => ({ name: t.name.slice(0, 31), header: t.header, rows: t.rows, ...(caption ? { caption } : {}) })) });
  if (!outcome.ok) return outcome.error;
  downloadExport({ fileName: `${fileStem(what)}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: outcome.value.base64, encoding: 'base64' });
  return null;
}

export function saveMarkdown(what: string, markdown: string): void {
  downloadText(`${fileStem(what)}.md`, 'text/markdown', markdown);
}

function svgText(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}

export function saveSvg(what: string, svg: SVGSVGElement): void {
  downloadText(`${fileStem(what)}.svg`, 'image/svg+xml', svgText(svg));
}

/** The chart painted at twice its size (sharp on high-density screens and in print). */
export async function savePng(what: string, svg: SVGSVGElement): Promise<void> {
  const width = svg.width.baseVal.value;
  const height = svg.height.baseVal.value;
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const context = canvas.getContext('2d')!;
    context.scale(2, 2);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the chart could not be painted as PNG');
    const link = document.createElement('a');
    const pngUrl = URL.createObjectURL(blob);
    link.href = pngUrl;
    link.download = `${fileStem(what)}.png`;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(pngUrl), 60_000);
  } finally {
    URL.revokeObjectURL(url);
  }
}
