/**
 * The file choosers Gloss opens, by what the files are for. The desktop app shows a native
 * open dialog and reads the chosen files in the main process by their paths; the browser
 * host shows the browser's chooser and uploads the files. Both take the title, the file
 * types and whether several files may be chosen from here. Documents are every extension
 * the importer registry reads, and an export's save dialog filters by its registry line.
 */
import { exportFormat, type ExportId } from '../export/registry';
import { SUPPORTED_EXTENSIONS } from '../import/registry';

export interface FileChooserInfo {
  /** The native dialog's title. */
  title: string;
  /** Name of the file-type filter in the native dialog. */
  filterName: string;
  /** Extensions offered, with the dot. */
  extensions: readonly string[];
  /** MIME types the browser's chooser accepts besides the extensions. */
  mimeTypes?: readonly string[];
  multiple: boolean;
  /** The native dialog's button, when "Open" would not say it. */
  button?: string;
}

export const FILE_CHOOSERS = {
  documents: {
    title: 'Import documents',
    filterName: 'Documents',
    extensions: SUPPORTED_EXTENSIONS,
    multiple: true,
    button: 'Import',
    mimeTypes: ['text/plain', 'text/markdown'],
  },
  qdpx: { title: 'Import REFI-QDA project', filterName: 'REFI-QDA projects', extensions: ['.qdpx'], multiple: false },
  codebook: { title: 'Import codebook', filterName: 'Codebooks', extensions: ['.qdc', '.csv'], multiple: false },
  'project-copy': { title: 'Choose a copy of the project', filterName: 'Gloss projects', extensions: ['.gloss'], mimeTypes: ['application/json'], multiple: false },
} as const satisfies Record<string, FileChooserInfo>;

export type FilePurpose = keyof typeof FILE_CHOOSERS;

export const FILE_PURPOSES = Object.keys(FILE_CHOOSERS) as FilePurpose[];

/** A native save dialog's file filter: its name and extensions without the dot. */
export interface SaveFilter {
  name: string;
  extensions: string[];
}

/** The save dialog's filter for an export: the format's label and its extension (shared/export/registry.ts). */
export function exportSaveFilter(kind: ExportId): SaveFilter {
  const { label, extension } = exportFormat(kind);
  return { name: label, extensions: [extension.slice(1)] };
}
