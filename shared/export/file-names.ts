/**
 * File names made from user text (code names) that every common file system accepts:
 * Windows forbids \ / : * ? " < > |, control characters, trailing dots and spaces and the
 * device names (CON, NUL, COM1…); macOS and Windows compare names case-insensitively, so
 * two names differing only in case would overwrite each other there. C1 controls and bidi
 * characters (shared/text/safe-names.ts) are kept out as well: the one place export file
 * names are made from user text.
 */
import { withoutBidiControls } from '../text/safe-names';

const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/**
 * Longest stem kept, in UTF-16 units. File systems allow 255 bytes per name; 120 units is
 * at most 240 bytes of UTF-8 for BMP text (4 bytes per surrogate pair = 2 units), leaving
 * room for " (12)" and the extension.
 */
const MAX_STEM = 120;

/**
 * `text` as a file name stem: bidi formatting characters are removed (an override would
 * make "x\u202efdp.exe" read "xexe.pdf" in a file manager), forbidden and control
 * characters become "_", whitespace runs one space.
 */
export function safeStem(text: string): string {
  let stem = withoutBidiControls(text).replace(FORBIDDEN, '_').replace(/\s+/g, ' ');
  if (stem.length > MAX_STEM) {
    const cut = stem.charCodeAt(MAX_STEM - 1);
    // Never keep half of a surrogate pair.
    stem = stem.slice(0, cut >= 0xd800 && cut <= 0xdbff ? MAX_STEM - 1 : MAX_STEM);
  }
  stem = stem.replace(/^[\s.]+|[\s.]+$/g, '');
  if (stem === '') return '_';
  // Windows treats "CON.md" and "con.notes.md" as the device too: the part before the first dot counts.
  const device = stem.split('.')[0]!.trim();
  return RESERVED.test(device) ? `${stem}_` : stem;
}

/** The start of an export's file name: the project's name as a safe stem, or `fallback` when it has none. */
export function exportBaseName(projectName: string, fallback = 'gloss'): string {
  return projectName.trim() === '' ? fallback : safeStem(projectName);
}

/**
 * Hands out names that are unique ignoring case: the second "Trust.md" becomes
 * "Trust (2).md". Names passed to `reserve` are never handed out.
 */
export class UniqueNames {
  private readonly taken = new Set<string>();

  reserve(name: string): void {
    this.taken.add(name.toLowerCase());
  }

  /** A name `stem + extension` (or `stem (n) + extension`) not handed out before. */
  next(stem: string, extension: string): string {
    let name = stem + extension;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) name = `${stem} (${n})${extension}`;
    this.taken.add(name.toLowerCase());
    return name;
  }
}
