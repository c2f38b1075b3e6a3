/**
 * Every export format built from a project's state, as text or bytes. Binary formats are
 * base64-encoded only where they cross to the renderer (toExportContent); the app's own
 * Export menu and the CLI write the bytes as they are. The excerpts CSV is made as UTF-8
 * bytes too (it is the biggest export) and decoded to text for the renderer.
 */
import { strToU8, zipSync } from 'fflate';
import type { ProjectState } from '../../shared/model/state';
import type { Result } from '../../shared/result';
import type { ExportContent, ExportKind } from '../../shared/ipc/contract';
import { excerptsCsvBytes } from '../../shared/export/csv-excerpts';
import { codebookCsv } from '../../shared/export/csv-codebook';
import { codebookQdc } from '../../shared/formats/refi/qdc-export';
import { projectQdpx } from '../../shared/formats/refi/qdpx-export';
import { htmlReport } from '../../shared/export/html-report';
import { markdownFiles } from '../../shared/export/markdown';
import { webAnnotations } from '../../shared/export/web-annotation';
import { exportBaseName } from '../../shared/export/file-names';
import { workbookXlsx } from '../export/xlsx';
import { HandlerError } from './handler-error';

/** An export ready to write: its suggested file name, type, and text or bytes. */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  content: string | Uint8Array;
}

/** How an export is written: `csvRaw` leaves CSV cells that a spreadsheet would run as formulas as they are. */
export interface ExportOptions {
  csvRaw?: boolean;
}

/**
 * The export `kind` of `state`. Throws a HandlerError when the project cannot be expressed
 * in the format (a codebook with no codes).
 */
export async function exportFile(state: Readonly<ProjectState>, kind: ExportKind, options: ExportOptions = {}): Promise<ExportFile> {
  const base = exportBaseName(state.project.name);
  const csv = { raw: options.csvRaw === true };
  const file = (fileName: string, mimeType: string, content: string | Uint8Array): ExportFile => ({ fileName, mimeType, content });
  const refused = <T>(result: Result<T>): T => {
    if (!result.ok) throw new HandlerError(result.error);
    return result.value;
  };
  switch (kind) {
    case 'excerpts-csv':
      // Bytes: the biggest export is encoded line by line instead of becoming one huge string first.
      return file(`${base} - excerpts.csv`, 'text/csv', excerptsCsvBytes(state, undefined, csv));
    case 'codebook-csv':
      return file(`${base} - codebook.csv`, 'text/csv', codebookCsv(state, csv));
    case 'codebook-qdc':
      return file(`${base} - codebook.qdc`, 'application/xml', refused(codebookQdc(state, 'Gloss')));
    case 'project-qdpx':
    case 'project-qdpx-utf16': {
      const positions = kind === 'project-qdpx' ? 'codepoints' : 'utf16';
      const suffix = positions === 'utf16' ? ' (NVivo)' : '';
      // The origin says how positions count, so an importer (Gloss's own, too) need not guess.
      const origin = positions === 'utf16' ? 'Gloss (UTF-16 positions, as NVivo)' : 'Gloss';
      return file(`${base}${suffix}.qdpx`, 'application/zip', refused(projectQdpx(state, { positions, origin })));
    }
    case 'xlsx':
      return file(`${base}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', await workbookXlsx(state));
    case 'html-report':
      return file(`${base} - report.html`, 'text/html', htmlReport(state));
    case 'markdown-zip': {
      const files = markdownFiles(state);
      const zip = zipSync(Object.fromEntries(files.map((f) => [`${base}/${f.path}`, strToU8(f.content)])));
      return file(`${base} - markdown.zip`, 'application/zip', zip);
    }
    case 'web-annotations':
      return file(`${base} - annotations.jsonld`, 'application/ld+json', webAnnotations(state));
  }
}

/**
 * The form an export crosses to the renderer in: text (a text/* export made as UTF-8 bytes
 * is decoded, its BOM kept), or base64 for binary formats, which JSON over HTTP cannot carry.
 */
export function toExportContent({ fileName, mimeType, content }: ExportFile): ExportContent {
  if (typeof content === 'string') return { fileName, mimeType, content, encoding: 'utf8' };
  if (mimeType.startsWith('text/')) return { fileName, mimeType, content: new TextDecoder('utf-8', { ignoreBOM: true }).decode(content), encoding: 'utf8' };
  return { fileName, mimeType, content: Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('base64'), encoding: 'base64' };
}
