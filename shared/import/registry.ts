/**
 * The importer registry: one module per file format, chosen by extension. Adding a format
 * is one new module and one line in IMPORTERS.
 *
 * Each line names the format's extensions and label and how to load its module; the module
 * (and the libraries it reads with: htmlparser2, fflate, fast-xml-parser, and through them
 * mammoth and pdfjs) is loaded when the first file of that format is read. So the file
 * choosers and the CLI know every format at once, and a `gloss info` or a window that
 * imports nothing never loads a parser. registry.test.ts checks that each line says what
 * its module says.
 *
 * The text every importer returns follows one convention, so the reader, Find and the
 * exports treat all documents alike:
 * - line endings are LF only;
 * - blocks (paragraphs, headings, list items, table cells, subtitle turns) are separated by
 *   one blank line ("\n\n"); a single "\n" is a line break inside a block (HTML's <br>,
 *   RTF's \line, a line of a poem);
 * - no block starts or ends with white space, and runs of white space are collapsed where
 *   the format says so (HTML, ODF); list bullets and numbers that a format generates are
 *   not part of the text (a PDF's are, being printed on the page).
 *
 * Structure ranges (see StructureRange in shared/model/schema.ts) are UTF-16 offsets into
 * that text, sorted by start, outer ranges before the ranges inside them; they may nest (a
 * paragraph inside a table cell or a page). `level` is a heading's level or a list item's
 * depth; `label` is a page's printed number, a speaker's name, a timestamp
 * ("00:01:02.500"), or a table cell's position ("r2c3": row 2, column 3). The plain-text
 * importer returns no ranges: its blank lines already are its paragraphs.
 */
import type { StructureRange } from '../model/schema';
import { err, ok, type Result } from '../result';
import { extensionOf } from './file-names';
import { MAX_TEXT_LENGTH, TOO_MUCH_TEXT } from './limits';

export { extensionOf, documentNameFor } from './file-names';

export interface ImportedText {
  text: string;
  /** A short type name recorded with the document, e.g. "text/plain". */
  type: string;
  /** Notes for the user, e.g. the encoding that was detected. */
  notes: string[];
  /** Reading structure as ranges into `text` (see the convention above). */
  structure: StructureRange[];
}

export interface Importer {
  /** Lower-case extensions with the dot, e.g. ".txt". */
  extensions: readonly string[];
  label: string;
  read(bytes: Uint8Array, fileName: string): Promise<Result<ImportedText>>;
}

/** A registry line: an Importer whose module is loaded on first use, and how to load it. */
export interface RegisteredImporter extends Importer {
  /** The importer module's own Importer (loaded once, then the same promise). */
  load(): Promise<Importer>;
}

function lazily(extensions: readonly string[], label: string, loadModule: () => Promise<Importer>): RegisteredImporter {
  let loading: Promise<Importer> | undefined;
  const load = () => (loading ??= loadModule());
  return { extensions, label, load, read: async (bytes, fileName) => (await load()).read(bytes, fileName) };
}

export const IMPORTERS: readonly RegisteredImporter[] = [
  lazily(['.txt', '.md', '.markdown', '.text'], 'Plain text and Markdown', async () => (await import('./plain-text')).plainTextImporter),
  lazily(['.docx'], 'Word documents (DOCX)', async () => (await import('./docx')).docxImporter),
  lazily(['.pdf'], 'PDF documents', async () => (await import('./pdf')).pdfImporter),
  lazily(['.html', '.htm', '.xhtml'], 'Web pages (HTML)', async () => (await import('./html')).htmlImporter),
  lazily(['.odt'], 'OpenDocument text (ODT)', async () => (await import('./odt')).odtImporter),
  lazily(['.epub'], 'E-books (EPUB)', async () => (await import('./epub')).epubImporter),
  lazily(['.rtf'], 'Rich Text Format (RTF)', async () => (await import('./rtf')).rtfImporter),
  lazily(['.srt', '.vtt'], 'Subtitles and transcripts (SRT, VTT)', async () => (await import('./subtitles')).subtitlesImporter),
];

export const SUPPORTED_EXTENSIONS: readonly string[] = IMPORTERS.flatMap((i) => i.extensions);

export function importerFor(fileName: string): RegisteredImporter | undefined {
  const ext = extensionOf(fileName);
  return IMPORTERS.find((i) => i.extensions.includes(ext));
}

/** The message of an exception a library threw on a malformed file, on one line. */
function reasonOf(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** Reads one file into text, or says (without the file name) why it cannot. */
export async function readDocument(bytes: Uint8Array, fileName: string): Promise<Result<ImportedText>> {
  const importer = importerFor(fileName);
  if (!importer) {
    const ext = extensionOf(fileName) || 'a file without an extension';
    return err(`${ext} is not a format Gloss can import yet (it reads ${SUPPORTED_EXTENSIONS.join(', ')})`);
  }
  // Loaded outside the try: a module that fails to load is Gloss's fault, not the file's.
  const reader = await importer.load();
  let read: Result<ImportedText>;
  try {
    read = await reader.read(bytes, fileName);
  } catch (e) {
    // Libraries throw on files they cannot parse; that is a refusal of this file, not a crash.
    const reason = reasonOf(e);
    const format = extensionOf(fileName).slice(1).toUpperCase();
    return err(`it could not be read as a${/^[AEFHILMNORSX]/.test(format) ? 'n' : ''} ${format} file${reason ? ` (${reason})` : ''}`);
  }
  if (!read.ok) return read;
  if (read.value.text.length > MAX_TEXT_LENGTH) return err(TOO_MUCH_TEXT);
  if (!read.value.text.trim()) return err('it holds no text');
  return ok(read.value);
}
