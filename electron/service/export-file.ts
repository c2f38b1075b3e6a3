/**
 * Every export format built from a project's state, as text or bytes. Binary formats are
 * base64-encoded only where they cross to the renderer (toExportContent); the app's own
 * Export menu and the CLI write the bytes as they are. The excerpts CSV is made as UTF-8
 * bytes too (it is the biggest export) and decoded to text for the renderer.
 */
import type { ProjectState } from '../../shared/model/state';
import type { ExportContent, ExportKind } from '../../shared/ipc/contract';
import { exportFileName, exportFormat, type ExportBody } from '../../shared/export/registry';
import { exportBaseName } from '../../shared/export/file-names';
import { workbookBytes } from '../export/xlsx';
import { HandlerError } from './handler-error';
import type { AnalysisFilter } from '../../shared/analysis/scope';
import type { ReportSection } from '../../shared/export/report-sections';

/** An export ready to write: its suggested file name, type, and text or bytes. */
export interface ExportFile {
  kind: ExportKind;
  fileName: string;
  mimeType: string;
  content: string | Uint8Array;
}

/**
 * How an export is written: `csvRaw` leaves CSV cells that a spreadsheet would run as
 * formulas as they are; `filter` is what the analysis tables count, `sections` the
 * analysis tables the HTML report holds (registry.ts BuildOptions).
 */
export interface ExportOptions {
  csvRaw?: boolean;
  filter?: AnalysisFilter;
  sections?: readonly ReportSection[];
}

/** A builder's text or bytes as they are; a workbook written as .xlsx bytes. */
async function contentOf(body: ExportBody): Promise<string | Uint8Array> {
  return typeof body === 'string' || body instanceof Uint8Array ? body : workbookBytes(body);
}

/**
 * The export `kind` of `state`, built by its registry line's builder (shared/export/registry.ts).
 * Throws a HandlerError when the project cannot be expressed in the format (a codebook
 * with no codes).
 */
export async function exportFile(state: Readonly<ProjectState>, kind: ExportKind, options: ExportOptions = {}): Promise<ExportFile> {
  const base = exportBaseName(state.project.name);
  const build = await exportFormat(kind).load();
  const built = build(state, { base, csvRaw: options.csvRaw === true, ...(options.filter ? { filter: options.filter } : {}), ...(options.sections ? { sections: options.sections } : {}) });
  if (!built.ok) throw new HandlerError(built.error);
  return { kind, fileName: exportFileName(kind, base), mimeType: exportFormat(kind).mimeType, content: await contentOf(built.value) };
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
