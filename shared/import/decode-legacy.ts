/**
 * Decoding bytes in a named legacy encoding: a web page's `<meta charset>`, an RTF file's
 * code page. Windows-1252 and its WHATWG aliases go through our own table (Node's
 * TextDecoder reads them as Latin-1, see windows-1252.ts); every other label goes to
 * TextDecoder, which knows the WHATWG encodings in Node (full ICU), Electron and Chromium.
 */
import { decodeWindows1252 } from './windows-1252';

/** Labels the WHATWG Encoding Standard maps to windows-1252. */
const WINDOWS_1252_LABELS = new Set([
  'ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1', 'iso-ir-100', 'iso8859-1',
  'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii', 'windows-1252', 'x-cp1252',
]);

/** True if `label` names Windows-1252 (or one of the encodings browsers read as it). */
export function isWindows1252Label(label: string): boolean {
  return WINDOWS_1252_LABELS.has(label.trim().toLowerCase());
}

/** Decodes `bytes` as the encoding `label` names, or returns null for a label nobody knows. */
export function decodeWithLabel(bytes: Uint8Array, label: string): string | null {
  if (isWindows1252Label(label)) return decodeWindows1252(bytes);
  try {
    return new TextDecoder(label.trim().toLowerCase()).decode(bytes);
  } catch {
    return null;
  }
}

/** The WHATWG encoding label for a Windows code page number (RTF's \ansicpgN, \cpgN). */
export function labelForCodePage(codePage: number): string | null {
  switch (codePage) {
    case 708:
    case 720:
      return 'iso-8859-6';
    case 866:
      return 'ibm866';
    case 874:
      return 'windows-874';
    case 932:
      return 'shift_jis';
    case 936:
      return 'gbk';
    case 949:
      return 'euc-kr';
    case 950:
      return 'big5';
    case 10000:
      return 'macintosh';
    case 20127:
      return 'us-ascii';
    case 28591:
      return 'iso-8859-1';
    case 65001:
      return 'utf-8';
    default:
      return codePage >= 1250 && codePage <= 1258 ? `windows-${codePage}` : null;
  }
}
