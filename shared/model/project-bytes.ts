/**
 * The bytes of a `.gloss` file before they are JSON: how big a project may be, what its
 * first bytes must not be, and strict UTF-8 decoding that says where a bad byte is. A
 * decoder that turned bad bytes into U+FFFD would let the next save rewrite a user's text.
 */
import { err, ok, type Result } from '../result';

/**
 * The largest file Gloss tries to open: 512 MB. V8 (Node 20, Electron 42) cannot make a
 * string longer than 2^29 − 24 code units (about 537 million), so a much bigger file could
 * never become one text for JSON.parse; refusing it from its size saves reading it first.
 * It is also about seven times the largest real projects seen (70 MB and more), so no
 * project a person built is refused.
 */
export const MAX_PROJECT_BYTES = 512_000_000;

/**
 * Bytes read first to tell a binary file from a project. 64 KiB reads in well under a
 * millisecond and holds the whole header of any archive, image or PDF.
 */
export const SNIFF_BYTES = 64 * 1024;

/** Sizes in the units people see in file managers (decimal). */
export function formatSize(bytes: number): string {
  const one = (n: number) => n.toFixed(1).replace(/\.0$/, '');
  if (bytes >= 1e9) return `${one(bytes / 1e9)} GB`;
  if (bytes >= 1e6) return `${one(bytes / 1e6)} MB`;
  if (bytes >= 1e3) return `${one(bytes / 1e3)} kB`;
  return `${bytes} bytes`;
}

/** Why a file of `size` bytes is not opened at all, or null when its size is fine. */
export function refuseBySize(size: number): string | null {
  if (size <= MAX_PROJECT_BYTES) return null;
  return `it is ${formatSize(size)}, larger than any project Gloss can open (${formatSize(MAX_PROJECT_BYTES)}); it is not a Gloss project, or not one this Gloss can hold in memory`;
}

/** Formats whose files are often picked by mistake, by the bytes they start with. */
const MAGIC: readonly { bytes: readonly number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (a .qdpx, .docx or .xlsx file, perhaps: import it instead)' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], what: 'an empty ZIP archive' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF file (import it as a document instead)' },
  { bytes: [0x1f, 0x8b], what: 'a gzip-compressed file (uncompress it first)' },
  { bytes: [0xff, 0xfe], what: 'UTF-16 text; Gloss projects are UTF-8' },
  { bytes: [0xfe, 0xff], what: 'UTF-16 text; Gloss projects are UTF-8' },
];

const hex = (byte: number) => `0x${byte.toString(16).padStart(2, '0')}`;

/**
 * Why the first bytes of a file show it is no project, or null. JSON allows no control
 * character but tab, LF and CR anywhere, not even inside strings, so one such byte is
 * proof, not a guess, that the file is not a project.
 */
export function sniffProjectBytes(head: Uint8Array): string | null {
  for (const { bytes, what } of MAGIC) {
    if (bytes.every((b, i) => head[i] === b)) return `it is not a Gloss project: it is ${what}`;
  }
  for (let i = 0; i < head.length; i++) {
    const b = head[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return `it is not a Gloss project: it holds binary data (byte ${hex(b)} at offset ${i})`;
  }
  return null;
}

/** Where UTF-8 decoding fails and why, in words, or null when `bytes` are valid UTF-8 (RFC 3629). */
export function firstInvalidUtf8(bytes: Uint8Array): { offset: number; reason: string } | null {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    // The smallest and largest second byte allowed after this lead: this is what rules
    // out overlong forms, UTF-16 surrogates (U+D800–DFFF) and code points past U+10FFFF.
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else if (lead >= 0x80 && lead <= 0xbf) {
      return { offset: i, reason: `byte ${hex(lead)} continues a character that never started` };
    } else {
      return { offset: i, reason: `byte ${hex(lead)} never occurs in UTF-8` };
    }
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined) return { offset: i, reason: `the file ends inside the character that starts with byte ${hex(lead)}` };
      const min = k === 1 ? low : 0x80;
      const max = k === 1 ? high : 0xbf;
      if (next < min || next > max) {
        return { offset: i, reason: `byte ${hex(lead)} starts a character that byte ${hex(next)} does not continue` };
      }
    }
    i += length;
  }
  return null;
}

/**
 * The text of a project file: strict UTF-8, a leading byte order mark dropped. The error
 * gives the byte offset of the first bad byte, so the file can be mended by hand.
 */
export function decodeProjectBytes(bytes: Uint8Array): Result<string> {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    // The fast path: a native decoder that throws on the first bad byte without saying where.
    return ok(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body));
  } catch {
    const bad = firstInvalidUtf8(body);
    // The native decoder and the scan agree on RFC 3629; should they ever not, say so plainly.
    if (!bad) return err('it is not valid UTF-8');
    const offset = bad.offset + (body === bytes ? 0 : 3);
    return err(`it is not valid UTF-8 (byte offset ${offset}: ${bad.reason}); Gloss writes only UTF-8, so another program changed it`);
  }
}
