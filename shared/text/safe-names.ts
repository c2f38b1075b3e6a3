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
 * - file names: removed (bidi characters) or replaced (controls, in file-names.ts).
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
