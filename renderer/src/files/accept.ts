/**
 * Which files the Import button offers: every extension the importers read (see
 * shared/import/registry.ts; a unit test keeps the two lists in step). The registry itself
 * is not imported here, because it would bring every importer's library into the renderer.
 */
export const IMPORT_EXTENSIONS = [
  '.txt',
  '.md',
  '.markdown',
  '.text',
  '.docx',
  '.pdf',
  '.html',
  '.htm',
  '.xhtml',
  '.odt',
  '.epub',
  '.rtf',
  '.srt',
  '.vtt',
] as const;

/** For hints and messages: ".txt, .md, .docx, …". */
export const IMPORT_FORMATS_TEXT = '.txt, .md, .docx, .pdf, .html, .odt, .epub, .rtf, .srt, .vtt';
