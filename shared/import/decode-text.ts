/**
 * Decoding the bytes of a plain-text file: BOMs first (UTF-8, UTF-16 LE/BE), then strict
 * UTF-8, then Windows-1252 for legacy single-byte files. Binary files are refused.
 */
import { err, ok, type Result } from '../result';
import { decodeWindows1252 } from './windows-1252';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/**
 * Share of C0 control bytes (other than tab, LF, CR, form feed) above which a file without
 * a BOM is taken for binary. Real text has practically none; 1 % leaves room for a stray one.
 */
const MAX_CONTROL_SHARE = 0.01;

function looksBinary(bytes: Uint8Array): boolean {
  let controls = 0;
  for (const b of bytes) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  return controls > bytes.length * MAX_CONTROL_SHARE;
}

const hasBom = (bytes: Uint8Array) =>
  (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);

export const NOT_TEXT = 'it looks like a binary file, not text';

/** Why a text file whose first bytes are `head` is binary, or null: the check decodeText makes, on the start alone. */
export function binaryStart(head: Uint8Array): string | null {
  return !hasBom(head) && looksBinary(head) ? NOT_TEXT : null;
}

/** Normalises CRLF and lone CR line endings to LF. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Decodes a text file's bytes, or says why they are not text. */
export function decodeText(bytes: Uint8Array): Result<DecodedText> {
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    body = bytes.subarray(3);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    body = bytes.subarray(2);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    body = bytes.subarray(2);
  } else {
    if (looksBinary(bytes)) return err(NOT_TEXT);
    try {
      return ok({ text: normalizeNewlines(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), encoding: 'utf-8' });
    } catch {
      // Not UTF-8: a legacy single-byte file, which Windows-1252 decodes with no failure.
      return ok({ text: normalizeNewlines(decodeWindows1252(bytes)), encoding: 'windows-1252' });
    }
  }
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch {
    return err(`it is not valid ${encoding.toUpperCase()} text`);
  }
  if (encoding !== 'utf-8' && text.includes('\u0000')) return err(NOT_TEXT);
  return ok({ text: normalizeNewlines(text), encoding });
}
