/** Limits every importer shares, with the reason for each. */

/**
 * The most text one document may hold: 20 MiB of UTF-16 code units. The reader, the
 * project file and every export keep a document's whole text in memory; a longer text is
 * almost always a whole corpus in one file, better imported as several documents.
 */
export const MAX_TEXT_LENGTH = 20 * 1024 * 1024;

export const TOO_MUCH_TEXT = 'it holds over 20 MB of text, more than one Gloss document can hold; split it into smaller files';

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
 * XML parts (ODT content, EPUB package files, REFI-QDA projects and codebooks, DOCX parts)
 * may nest elements 256 deep. Real files stay within a few dozen levels (ODF nests lists,
 * tables and sections; a codebook its code tree); the parsed trees are walked recursively,
 * here and in mammoth, so a file nested thousands deep would exhaust the call stack.
 */
export const MAX_XML_DEPTH = 256;
