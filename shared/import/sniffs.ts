/**
 * What the first bytes of a file say about its format, before the rest is read. These are
 * cheap checks with no parsing library behind them, so the registry can refuse a binary
 * file named .txt or a PNG named .docx without loading the importer's module.
 */
export { binaryStart } from './decode-text';

/** The message for bytes that are no ZIP archive, naming the format they should be ("DOCX"). */
export const notZip = (format: string) => `it is not a valid ${format} file (its ZIP container is damaged or it is another kind of file)`;

/**
 * Why a file whose first bytes are `head` is no ZIP archive, or null. Every archive Gloss
 * reads starts with a local file header ("PK\x03\x04"), or is an empty one ("PK\x05\x06").
 */
export function notZipStart(head: Uint8Array, format: string): string | null {
  const zip = head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6));
  return zip ? null : notZip(format);
}

/** An OLE compound file: what Word writes for an encrypted (password-protected) document. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

export const PROTECTED_DOCX = 'it is password-protected or an old Word (.doc) file; save it from Word as an unprotected .docx first';

/** Why bytes starting with `head` are not a DOCX file, or null. */
export const notDocx = (head: Uint8Array): string | null => (isCompoundFile(head) ? PROTECTED_DOCX : notZipStart(head, 'DOCX'));
export const notOdt = (head: Uint8Array): string | null => notZipStart(head, 'ODT');
export const notEpub = (head: Uint8Array): string | null => notZipStart(head, 'EPUB');

/** Why bytes starting with `head` are not RTF, or null. */
export function notRtf(head: Uint8Array): string | null {
  const start = String.fromCharCode(...head.subarray(0, 16)).replace(/^\ufeff|^\u00ef\u00bb\u00bf/, '');
  return /^\s*\{\\rtf/.test(start) ? null : 'it is not an RTF file (it does not start with {\\rtf)';
}
