/**
 * The importer registry: one module per file format, chosen by extension. Adding a format
 * is one new module and one line in IMPORTERS.
 *
 * Each line names the format's extensions, label, size limit and first-bytes check, and how
 * to load its module; the module (and the libraries it reads with: htmlparser2, fflate,
 * fast-xml-parser, and through them mammoth and pdfjs) is loaded when the first file of that
 * format is read. So the file choosers and the CLI know every format at once, and a
 * `gloss info` or a window that imports nothing never loads a parser.
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
import { isInternalFailure } from './library-errors';
import { MAX_DOCUMENT_BYTES, MAX_TEXT_FILE_BYTES, MAX_TEXT_LENGTH, SNIFF_BYTES, TOO_MUCH_TEXT } from './limits';
import { binaryStart, notDocx, notEpub, notOdt, notRtf } from './sniffs';
import { sizeInWords } from './sizes';

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
  /** Files larger than this are refused before they are read (limits.ts gives each limit's reason). */
  maxBytes: number;
  /**
   * Why a file whose first SNIFF_BYTES bytes are `head` is plainly not in this format (a
   * binary file named .txt), or null. Seen before the rest of the file is read.
   */
  sniff?(head: Uint8Array): string | null;
  read(bytes: Uint8Array, fileName: string): Promise<Result<ImportedText>>;
}

/** A registry line: an Importer whose module is loaded on first use, and how to load it. */
export interface RegisteredImporter extends Importer {
  /** The importer module's own Importer (loaded once, then the same promise). */
  load(): Promise<Importer>;
  /** The extensions hints and help name: all of them, less other spellings of one named (".htm" beside ".html"). */
  named: readonly string[];
}

/**
 * A line of the registry. Its size limit and first-bytes check are stated here too, so a
 * file can be refused before its importer's module (and its parsing libraries) is loaded;
 * registry.test.ts checks that each line says what its module says.
 */
function lazily(
  { named, ...line }: Pick<Importer, 'extensions' | 'label' | 'maxBytes' | 'sniff'> & { named?: readonly string[] },
  loadModule: () => Promise<Importer>,
): RegisteredImporter {
  let loading: Promise<Importer> | undefined;
  const load = () => (loading ??= loadModule());
  return { ...line, named: named ?? line.extensions, load, read: async (bytes, fileName) => (await load()).read(bytes, fileName) };
}

export const IMPORTERS: readonly RegisteredImporter[] = [
  lazily(
    { extensions: ['.txt', '.md', '.markdown', '.text'], named: ['.txt', '.md'], label: 'Plain text and Markdown', maxBytes: MAX_TEXT_FILE_BYTES, sniff: binaryStart },
    async () => (await import('./plain-text')).plainTextImporter,
  ),
  lazily({ extensions: ['.docx'], label: 'Word documents (DOCX)', maxBytes: MAX_DOCUMENT_BYTES, sniff: notDocx }, async () => (await import('./docx')).docxImporter),
  // No first-bytes check: pdf.js reads files with junk before "%PDF-", as Acrobat does.
  lazily({ extensions: ['.pdf'], label: 'PDF documents', maxBytes: MAX_DOCUMENT_BYTES }, async () => (await import('./pdf')).pdfImporter),
  lazily(
    { extensions: ['.html', '.htm', '.xhtml'], named: ['.html'], label: 'Web pages (HTML)', maxBytes: MAX_DOCUMENT_BYTES, sniff: binaryStart },
    async () => (await import('./html')).htmlImporter,
  ),
  lazily({ extensions: ['.odt'], label: 'OpenDocument text (ODT)', maxBytes: MAX_DOCUMENT_BYTES, sniff: notOdt }, async () => (await import('./odt')).odtImporter),
  lazily({ extensions: ['.epub'], label: 'E-books (EPUB)', maxBytes: MAX_DOCUMENT_BYTES, sniff: notEpub }, async () => (await import('./epub')).epubImporter),
  lazily({ extensions: ['.rtf'], label: 'Rich Text Format (RTF)', maxBytes: MAX_DOCUMENT_BYTES, sniff: notRtf }, async () => (await import('./rtf')).rtfImporter),
  lazily(
    { extensions: ['.srt', '.vtt'], label: 'Subtitles and transcripts (SRT, VTT)', maxBytes: MAX_TEXT_FILE_BYTES, sniff: binaryStart },
    async () => (await import('./subtitles')).subtitlesImporter,
  ),
];

/** Every extension an importer reads: the file choosers' lists (shared/app/file-choosers.ts). */
export const SUPPORTED_EXTENSIONS: readonly string[] = IMPORTERS.flatMap((i) => i.extensions);

/** For hints, messages and the CLI's help: ".txt, .md, .docx, …", each format's named extensions. */
export const IMPORT_FORMATS_TEXT = IMPORTERS.flatMap((i) => i.named).join(', ');

export function importerFor(fileName: string): RegisteredImporter | undefined {
  const ext = extensionOf(fileName);
  return IMPORTERS.find((i) => i.extensions.includes(ext));
}

/**
 * The message of an exception a library threw on a malformed file, on one line. An error
 * of the library's own making (a TypeError deep inside pdf.js) says nothing about the file
 * a person could use, so it is not shown.
 */
function reasonOf(e: unknown): string {
  if (isInternalFailure(e)) return 'it is damaged in a way Gloss cannot make sense of';
  const message = e instanceof Error ? e.message : String(e);
  return message.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** The refusal for a file whose importer threw (a library that cannot parse it). */
export function refusalForThrow(fileName: string, e: unknown): string {
  const reason = reasonOf(e);
  const format = extensionOf(fileName).slice(1).toUpperCase();
  return `it could not be read as a${/^[AEFHILMNORSX]/.test(format) ? 'n' : ''} ${format} file${reason ? ` (${reason})` : ''}`;
}

/** The checks every importer's result passes before it becomes a document. */
export function checkedText(read: Result<ImportedText>): Result<ImportedText> {
  if (!read.ok) return read;
  if (read.value.text.length > MAX_TEXT_LENGTH) return err(TOO_MUCH_TEXT);
  if (!read.value.text.trim()) return err('it holds no text');
  return ok(read.value);
}

/** Why a file of `size` bytes is refused unread; text formats' limit is the text a document holds, so they say that. */
function tooLarge(size: number, maxBytes: number): string {
  if (maxBytes === MAX_TEXT_FILE_BYTES) {
    return `it is ${sizeInWords(size)}, more text than one Gloss document can hold (${sizeInWords(MAX_TEXT_LENGTH)} of text); split it into smaller files`;
  }
  return `it is ${sizeInWords(size)}, larger than the ${sizeInWords(maxBytes)} Gloss reads as one document; save its text alone (e.g. as .txt, or a copy without pictures) and import that`;
}

/**
 * What can be said of a file to import from its name, its size and its first bytes
 * (`head`, up to SNIFF_BYTES of them; left out to judge by the size alone): why it cannot be
 * imported, or null. Reading by path asks this before reading the rest; readDocument asks it
 * too, so both refuse alike.
 */
export function refusalBeforeReading(fileName: string, size: number, head?: Uint8Array): string | null {
  const importer = importerFor(fileName);
  if (!importer) {
    const ext = extensionOf(fileName) || 'a file without an extension';
    return `${ext} is not a format Gloss can import yet (it reads ${SUPPORTED_EXTENSIONS.join(', ')})`;
  }
  if (size === 0) return 'the file is empty';
  if (size > importer.maxBytes) return tooLarge(size, importer.maxBytes);
  return head ? (importer.sniff?.(head.subarray(0, SNIFF_BYTES)) ?? null) : null;
}

/** Reads one file into text, or says (without the file name) why it cannot. */
export async function readDocument(bytes: Uint8Array, fileName: string): Promise<Result<ImportedText>> {
  const early = refusalBeforeReading(fileName, bytes.length, bytes.subarray(0, SNIFF_BYTES));
  if (early) return err(early);
  // Loaded outside the try: a module that fails to load is Gloss's fault, not the file's.
  const reader = await importerFor(fileName)!.load();
  let read: Result<ImportedText>;
  try {
    read = await reader.read(bytes, fileName);
  } catch (e) {
    // Libraries throw on files they cannot parse; that is a refusal of this file, not a crash.
    return err(refusalForThrow(fileName, e));
  }
  return checkedText(read);
}
