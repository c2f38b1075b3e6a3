/**
 * The file choosers Gloss opens, by what the files are for. The desktop app shows a native
 * open dialog and reads the chosen files in the main process by their paths; the browser
 * host shows the browser's chooser and uploads the files. Both take the title, the file
 * types and whether several files may be chosen from here.
 */

export interface FileChooserInfo {
  /** The native dialog's title. */
  title: string;
  /** Name of the file-type filter in the native dialog. */
  filterName: string;
  /**
   * Extensions offered, with the dot. Absent for documents: those are every extension the
   * importers read (shared/import/registry.ts in the main process, files/accept.ts in the
   * renderer, kept equal by a unit test), which the renderer may not import.
   */
  extensions?: readonly string[];
  /** MIME types the browser's chooser accepts besides the extensions. */
  mimeTypes?: readonly string[];
  multiple: boolean;
  /** The native dialog's button, when "Open" would not say it. */
  button?: string;
}

export const FILE_CHOOSERS = {
  documents: { title: 'Import documents', filterName: 'Documents', multiple: true, button: 'Import', mimeTypes: ['text/plain', 'text/markdown'] },
  qdpx: { title: 'Import REFI-QDA project', filterName: 'REFI-QDA projects', extensions: ['.qdpx'], multiple: false },
  codebook: { title: 'Import codebook', filterName: 'Codebooks', extensions: ['.qdc', '.csv'], multiple: false },
  'project-copy': { title: 'Choose a copy of the project', filterName: 'Gloss projects', extensions: ['.gloss'], mimeTypes: ['application/json'], multiple: false },
} as const satisfies Record<string, FileChooserInfo>;

export type FilePurpose = keyof typeof FILE_CHOOSERS;

export const FILE_PURPOSES = Object.keys(FILE_CHOOSERS) as FilePurpose[];
