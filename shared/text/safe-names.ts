/**
 * Names (of documents, codes, coders, memos, projects) are user data, and a name can hold
 * characters that act instead of showing: C0 and C1 control characters (ESC starts a
 * terminal escape sequence that can recolour, retitle or clear the terminal; CR rewrites
 * a line) and bidirectional formatting characters (U+202E RIGHT-TO-LEFT OVERRIDE shows
 * "report‮fdp.exe" as "reportexe.pdf"; isolates and marks reorder text invisibly; the
 * "Trojan Source" characters). This module says which they are and shows them three ways:
 *
 * - terminal: escaped as JSON escapes them (`\n`, `\u001b`, `\u202e`), so a line the CLI
 *   prints shows them as text, and a JSON line keeps its meaning;
 * - screen: replaced by a visible mark, `⟨U+202E⟩`, so the UI shows what is in the name;
 * - file names: removed (bidi characters) or replaced (controls, and what a file system
 *   forbids), by safeStem, the one place file names are made from user text (exports, a
 *   new project's file).
 *
 * The marks U+200E, U+200F and U+061C are included although they cannot reverse text:
 * they are invisible and still move neutral characters (".exe") across a name.
 */

/** C0 controls, DEL and C1 controls. */
const CONTROL = '\\u0000-\\u001f\\u007f-\\u009f';
/** Bidi embeddings, overrides and their end (U+202A–E), isolates (U+2066–9) and the marks (ALM, LRM, RLM). */
const BIDI = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';

const UNSAFE = new RegExp(`[${CONTROL}${BIDI}]`, 'g');
/** Like UNSAFE, but a line break or tab in printed text stays one: text the CLI lays out itself. */
const UNSAFE_BUT_LAYOUT = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f${BIDI}]`, 'g');
const BIDI_ONLY = new RegExp(`[${BIDI}]`, 'g');
const UNSAFE_TEST = new RegExp(`[${CONTROL}${BIDI}]`);

/** Whether `text` holds a control or bidi formatting character. */
export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE_TEST.test(text);
}

const hex4 = (c: string) => c.charCodeAt(0).toString(16).padStart(4, '0');

const visibleMark = (c: string) => `⟨U+${hex4(c).toUpperCase()}⟩`;

const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const terminalEscape = (c: string) => SHORT_ESCAPES[c] ?? `\\u${hex4(c)}`;

/** A name for one line of terminal output: every control and bidi character written as its escape (`\u001b`, `\n`). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, terminalEscape);
}

/**
 * Text the CLI prints, made safe line by line: like terminalSafe, but line breaks and tabs
 * (the CLI's own layout: help, tables) are kept. A name with a line break can still break a
 * line, but nothing it holds can move the cursor, change the terminal or reorder the text.
 */
export function terminalSafeText(text: string): string {
  return text.replace(UNSAFE_BUT_LAYOUT, terminalEscape);
}

/** A name as the UI shows it: every control and bidi character replaced by a visible mark such as ⟨U+202E⟩. */
export function visibleName(text: string): string {
  return text.replace(UNSAFE, visibleMark);
}

/** Text with names in it (a message) as the UI shows it: like visibleName, but line breaks and tabs stay. */
export function visibleText(text: string): string {
  return text.replace(UNSAFE_BUT_LAYOUT, visibleMark);
}

/** `text` without bidi formatting characters (for file names; they have no look to keep). */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_ONLY, '');
}

/**
 * Characters no common file system accepts in a name: Windows forbids \ / : * ? " < > |
 * and control characters (C1 controls are kept out as well).
 */
const FILE_NAME_FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f]/g;
/** Windows' device names, which no file may be called (CON, NUL, COM1…). */
const RESERVED_FILE_NAMES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/**
 * Longest stem kept, in UTF-16 units. File systems allow 255 bytes per name; 120 units is
 * at most 240 bytes of UTF-8 for BMP text (4 bytes per surrogate pair = 2 units), leaving
 * room for " (12)" and the extension.
 */
const MAX_STEM = 120;

/**
 * `text` (a code's or a project's name) as a file name stem every common file system
 * accepts: bidi formatting characters are removed (an override would make "x\u202efdp.exe"
 * read "xexe.pdf" in a file manager), forbidden and control characters become
 * `replacement` ("_" by default; a space reads better in a project's name, "Field: notes"
 * → "Field notes"), whitespace runs one space; no leading or trailing dots and spaces
 * (Windows drops them), no device name, at most MAX_STEM units. Never empty; applying it
 * twice changes nothing.
 */
export function safeStem(text: string, replacement: '_' | ' ' = '_'): string {
  let stem = withoutBidiControls(text).replace(FILE_NAME_FORBIDDEN, replacement).replace(/\s+/g, ' ');
  if (stem.length > MAX_STEM) {
    const cut = stem.charCodeAt(MAX_STEM - 1);
    // Never keep half of a surrogate pair.
    stem = stem.slice(0, cut >= 0xd800 && cut <= 0xdbff ? MAX_STEM - 1 : MAX_STEM);
  }
  stem = stem.replace(/^[\s.]+|[\s.]+$/g, '');
  if (stem === '') return '_';
  // Windows treats "CON.md" and "con.notes.md" as the device too: the part before the first dot counts.
  const device = stem.split('.')[0]!.trim();
  return RESERVED_FILE_NAMES.test(device) ? `${stem}_` : stem;
}
