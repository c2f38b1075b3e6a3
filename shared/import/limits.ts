/** Limits every importer shares, with the reason for each. */

const MiB = 1024 * 1024;

/**
 * The most text one document may hold: 20 MiB of UTF-16 code units. The reader, the
 * project file and every export keep a document's whole text in memory; a longer text is
 * almost always a whole corpus in one file, better imported as several documents.
 */
export const MAX_TEXT_LENGTH = 20 * 1024 * 1024;

export const TOO_MUCH_TEXT = 'it holds over 20 MB of text, more than one Gloss document can hold; split it into smaller files';

/**
 * Plain text, Markdown and subtitle files: 80 MB, checked before they are read. No
 * encoding Gloss reads spends more than 4 bytes on one UTF-16 code unit of text (UTF-16's
 * CR LF, which becomes one LF), plus 2 for a BOM, so a larger plain text file holds more
 * than MAX_TEXT_LENGTH and would be refused after reading it anyway. Subtitle files also lose
 * their timing lines, but no real one comes near: ten hours of subtitles are about 1 MB.
 */
export const MAX_TEXT_FILE_BYTES = 4 * MAX_TEXT_LENGTH + 2;

/**
 * Every other document (DOCX, PDF, ODT, EPUB, RTF, HTML): 256 MB, checked before it is
 * read. An importer holds the whole file in memory, some several times over (pdf.js parses
 * it; the browser host receives it base64-encoded in one request), and a 1 GB file took a
 * minute and 2 GB of memory to read before anything could be said about it. Real documents
 * stay far below: a 500-page report with photographs is tens of MB; past this it is a scan
 * of a book, a disk image or a video.
 */
export const MAX_DOCUMENT_BYTES = 256 * MiB;

/**
 * REFI-QDA projects (.qdpx): 1 GB, checked before reading. The archive is held in memory
 * whole while its texts are read out of it. Most of a big project is pictures, audio and
 * video, which Gloss does not import; Node cannot read a file over 2 GB into memory at all.
 */
export const MAX_QDPX_BYTES = 1024 * MiB;

/**
 * Codebooks (.qdc, .csv): 64 MB, checked before reading. Ten thousand codes with long
 * descriptions take a few MB; a file past this is not a codebook.
 */
export const MAX_CODEBOOK_BYTES = 64 * MiB;

/**
 * Codings to apply (gloss code --from): 256 MB, checked before a named file is read and
 * after standard input is. A row takes some 100 bytes, so a million codings fit many times
 * over; the file is held in memory whole while its rows are checked.
 */
export const MAX_CODINGS_CSV_BYTES = 256 * MiB;

/**
 * How much of a file is looked at before the rest is read, to refuse one that is plainly
 * not what its name says (a binary file named .txt, a .docx that is no ZIP): 64 KB, enough
 * for any format's signature and for a fair sample of a text's bytes (git decides whether a
 * file is binary from its first 8,000 bytes).
 */
export const SNIFF_BYTES = 64 * 1024;

/**
 * ZIP containers (DOCX, ODT, EPUB) are checked against the sizes in their central directory
 * before anything is inflated. 200 MB of uncompressed content is far beyond any real
 * document (images included) and keeps a crafted archive from exhausting memory.
 */
export const MAX_ZIP_UNCOMPRESSED = 200 * 1024 * 1024;

/**
 * Deflate rarely beats 20:1 on real XML or text and cannot beat ~1032:1; a large entry that
 * claims more than 100:1 is a decompression bomb, not a document.
 */
export const MAX_ZIP_RATIO = 100;

/**
 * Entries smaller than this may compress as well as they like (a run of spaces, an empty
 * part), and so may a whole archive that inflates to less: 1 MiB costs nothing to inflate.
 */
export const RATIO_CHECK_MIN_SIZE = 1024 * 1024;

/**
 * The whole archive, all entries together, may not inflate to more than 100 times its
 * compressed size either. Without this, many entries each just under RATIO_CHECK_MIN_SIZE
 * slip past the per-entry check: 190 entries of zeros made a 190 MB DOCX out of a few
 * hundred KB. Real documents, images and fonts included, stay below 20:1 overall.
 */
export const MAX_ZIP_OVERALL_RATIO = 100;

/** More entries than any real document has; a guard against archives built to waste time. */
export const MAX_ZIP_ENTRIES = 20_000;

/**
 * HTML (web pages, EPUB chapters, mammoth's rendering of a DOCX) may nest elements 512
 * deep, as Chromium's HTML parser allows. htmlparser2 keeps its open elements with
 * Array.unshift, so each level costs as much as the levels above it: a crafted page of
 * 20,000 nested tables took seconds to parse, 100,000 minutes.
 */
export const MAX_HTML_DEPTH = 512;

/**
 * Codebooks (.qdc, codebook CSV) may nest codes 100 levels deep. Real code trees have a
 * handful of levels; the tree is built, checked and matched recursively, and a CSV path of
 * 1,000 levels overflowed the call stack.
 */
export const MAX_CODE_DEPTH = 100;

/**
 * XML parts (ODT content, EPUB package files, REFI-QDA projects and codebooks, DOCX parts)
 * may nest elements 256 deep. Real files stay within a few dozen levels (ODF nests lists,
 * tables and sections; a codebook its code tree); the parsed trees are walked recursively,
 * here and in mammoth, so a file nested thousands deep would exhaust the call stack.
 */
export const MAX_XML_DEPTH = 256;
