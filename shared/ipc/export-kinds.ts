/** How each export is named in menus (the desktop File ▸ Export menu and the toolbar's Export menu). */
import type { ExportKind } from './contract';

export const EXPORT_LABELS: Record<ExportKind, string> = {
  'excerpts-csv': 'Coded excerpts (CSV)',
  'codebook-csv': 'Codebook (CSV)',
  'codebook-qdc': 'Codebook (REFI-QDA .qdc)',
  'project-qdpx': 'Project (REFI-QDA .qdpx)',
  'project-qdpx-utf16': 'Project for NVivo (.qdpx, UTF-16 positions)',
  xlsx: 'Workbook (Excel .xlsx)',
  'html-report': 'Report (HTML)',
  'markdown-zip': 'Notes per code (Markdown .zip)',
  'web-annotations': 'Web Annotations (JSON-LD)',
};

/** Menu order, grouped: the everyday exports, then exchange with other QDA tools, then the rest. */
export const EXPORT_ORDER: readonly ExportKind[] = [
  'excerpts-csv',
  'codebook-csv',
  'xlsx',
  'html-report',
  'markdown-zip',
  'codebook-qdc',
  'project-qdpx',
  'project-qdpx-utf16',
  'web-annotations',
];
