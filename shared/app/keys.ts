/**
 * Keyboard shortcuts written as text ("Mod+Shift+N"), read, matched against key events and
 * shown: one notation for the shortcut table, the desktop menu's accelerators and the
 * renderer's key handling. `Mod` is Cmd on macOS and Ctrl elsewhere.
 */

export interface KeyCombo {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  /** The key, lower-cased ("n", "1", "f3"). */
  key: string;
}

/** The parts of a KeyboardEvent that a shortcut is matched on. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const MODIFIERS = new Set(['mod', 'shift', 'alt']);

/** Reads "Mod+Shift+N"; null when it is not one key with known modifiers. */
export function parseKeys(keys: string): KeyCombo | null {
  const parts = keys.split('+').map((p) => p.trim().toLowerCase());
  const key = parts.pop();
  if (!key || MODIFIERS.has(key) || parts.some((p) => !MODIFIERS.has(p)) || new Set(parts).size !== parts.length) return null;
  return { mod: parts.includes('mod'), shift: parts.includes('shift'), alt: parts.includes('alt'), key };
}

/**
 * Whether a key press is the shortcut. Ctrl and Cmd both count as Mod on every platform
 * (Ctrl+Z has always undone in Gloss on a Mac too); Shift and Alt must be exactly as written.
 */
export function pressMatches(combo: KeyCombo, press: KeyPress): boolean {
  return (
    (press.ctrlKey || press.metaKey) === combo.mod &&
    // A punctuation key ("?") already says whether Shift made it, and which keyboards need Shift for it varies.
    (press.shiftKey === combo.shift || (!combo.shift && isPunctuation(combo.key))) &&
    press.altKey === combo.alt &&
    press.key.toLowerCase() === combo.key
  );
}

/** One printable character that is neither a letter nor a digit ("?", "/"). */
function isPunctuation(key: string): boolean {
  return key.length === 1 && !/[\p{L}\p{N}\s]/u.test(key);
}

/** The combo in Electron's accelerator syntax ("CmdOrCtrl+Shift+N"). */
export function toAccelerator(combo: KeyCombo): string {
  const parts = [combo.mod ? 'CmdOrCtrl' : null, combo.alt ? 'Alt' : null, combo.shift ? 'Shift' : null].filter((p): p is string => !!p);
  return [...parts, combo.key.toUpperCase()].join('+');
}

/** How the combo is written for people: "Ctrl+Shift+N", or "⇧⌘N" on macOS. */
export function keysLabel(combo: KeyCombo, mac: boolean): string {
  const key = combo.key.toUpperCase();
  if (mac) return `${combo.alt ? '⌥' : ''}${combo.shift ? '⇧' : ''}${combo.mod ? '⌘' : ''}${key}`;
  return [combo.mod ? 'Ctrl' : null, combo.alt ? 'Alt' : null, combo.shift ? 'Shift' : null, key].filter((p): p is string => !!p).join('+');
}
