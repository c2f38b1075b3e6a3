/**
 * Reading REFI-QDA text positions into Gloss offsets. A `.qdpx` text is stored as written
 * (maybe with CRLF line endings), and its selections count characters in one of four
 * ways: Unicode code points (the spec, QualCoder) or UTF-16 code units (NVivo), with a
 * CRLF counting as two characters (as stored; NVivo) or as one (ATLAS.ti). Gloss keeps
 * LF-only texts and UTF-16 offsets, so every position is mapped, and a position that
 * falls inside a surrogate pair or between CR and LF is refused rather than moved.
 * See ../shared/refi-qda/NOTES.md §4.
 */
import { normalizeNewlines } from '../../import/decode-text';
import { countBelow, isHighSurrogate, isLowSurrogate } from '../../text/code-points';
import type { PositionUnit } from './qde-positions';

export interface PositionScheme {
  unit: PositionUnit;
  /** How many characters a CRLF counts as. */
  crlf: 1 | 2;
}

export type MappedPosition = { ok: true; offset: number } | { ok: false; reason: 'outside' | 'surrogate' | 'crlf' };

/**
 * A stored text with its LF-only form and the places where counting schemes disagree:
 * astral characters (two UTF-16 units, one code point) and CRLFs (two characters stored,
 * one in the LF text).
 */
export interface StoredText {
  /** The text as Gloss keeps it: CRLF and lone CR turned into LF. */
  text: string;
  /** Length of the stored text in UTF-16 units. */
  rawLength: number;
  /** Raw UTF-16 index of each astral character or CRLF, ascending, and which it is. */
  events: { at: number; crlf: boolean }[];
  /** crlfBefore[i] = CRLFs among events[0..i). */
  crlfBefore: number[];
}

/** Indexes a decoded text (BOM already removed, line endings as stored). */
export function storedText(raw: string): StoredText {
  const events: { at: number; crlf: boolean }[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x0d && raw.charCodeAt(i + 1) === 0x0a) {
      events.push({ at: i, crlf: true });
      i++;
    } else if (isHighSurrogate(c) && isLowSurrogate(raw.charCodeAt(i + 1))) {
      events.push({ at: i, crlf: false });
      i++;
    }
  }
  const crlfBefore = [0];
  for (const e of events) crlfBefore.push(crlfBefore[crlfBefore.length - 1]! + (e.crlf ? 1 : 0));
  return { text: normalizeNewlines(raw), rawLength: raw.length, events, crlfBefore };
}

/** How many positions an event spans under `scheme` (its raw span is always 2 units). */
function width(event: { crlf: boolean }, scheme: PositionScheme): 1 | 2 {
  if (event.crlf) return scheme.crlf;
  return scheme.unit === 'codepoints' ? 1 : 2;
}

/**
 * A mapper from positions under `scheme` to offsets into `stored.text`. Each call is a
 * binary search over the events, so a file with many selections maps in O(n log n).
 */
export function positionMapper(stored: StoredText, scheme: PositionScheme): (position: number) => MappedPosition {
  // External start of each event: its raw index minus the units the scheme collapsed before it.
  const starts: number[] = [];
  let collapsed = 0;
  for (const e of stored.events) {
    starts.push(e.at - collapsed);
    collapsed += 2 - width(e, scheme);
  }
  const externalLength = stored.rawLength - collapsed;
  return (position) => {
    if (!Number.isInteger(position) || position < 0 || position > externalLength) return { ok: false, reason: 'outside' };
    // The last event starting strictly before the position.
    const i = countBelow(starts, position) - 1;
    let raw: number;
    let crlfs: number;
    if (i < 0) {
      raw = position;
      crlfs = 0;
    } else {
      const event = stored.events[i]!;
      const w = width(event, scheme);
      if (position - starts[i]! < w) return { ok: false, reason: event.crlf ? 'crlf' : 'surrogate' };
      raw = event.at + 2 + (position - starts[i]! - w);
      crlfs = stored.crlfBefore[i + 1]!;
    }
    return { ok: true, offset: raw - crlfs };
  };
}

/** Words for the report: "Unicode code points, CRLF as 2". */
export function describeScheme(scheme: PositionScheme): string {
  return `${scheme.unit === 'utf16' ? 'UTF-16 code units' : 'Unicode code points'}, a CRLF line break counted as ${scheme.crlf === 2 ? 'two characters' : 'one character'}`;
}

/** The scheme a program is known to write (NOTES.md §4); the spec's code points otherwise. */
export function schemeForOrigin(origin: string | null): { scheme: PositionScheme; known: string | null } {
  const o = (origin ?? '').toLowerCase();
  if (o.includes('gloss') && o.includes('utf-16')) return { scheme: { unit: 'utf16', crlf: 2 }, known: 'Gloss (UTF-16 export)' };
  if (o.includes('nvivo')) return { scheme: { unit: 'utf16', crlf: 2 }, known: 'NVivo' };
  if (o.includes('atlas')) return { scheme: { unit: 'codepoints', crlf: 1 }, known: 'ATLAS.ti' };
  if (o.includes('qualcoder')) return { scheme: { unit: 'codepoints', crlf: 2 }, known: 'QualCoder' };
  return { scheme: { unit: 'codepoints', crlf: 2 }, known: null };
}

export const ALL_SCHEMES: readonly PositionScheme[] = [
  { unit: 'codepoints', crlf: 2 },
  { unit: 'codepoints', crlf: 1 },
  { unit: 'utf16', crlf: 2 },
  { unit: 'utf16', crlf: 1 },
];

export const sameScheme = (a: PositionScheme, b: PositionScheme) => a.unit === b.unit && a.crlf === b.crlf;

/** Whitespace-insensitive form used to compare a passage with a quote a program stored. */
const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Whether `name` (PlainTextSelection@name) is the quoted passage: equal, or a prefix of it
 * when the program shortened it with an ellipsis (ATLAS.ti writes "first words…").
 * Whitespace is compared loosely since programs differ in how they store line breaks.
 */
export function nameQuotes(name: string, passage: string): boolean {
  const n = squeeze(name);
  const p = squeeze(passage);
  if (n.length === 0) return false;
  if (n === p) return true;
  const cut = /(?:…|\.\.\.)$/.exec(n);
  if (!cut) return false;
  const head = n.slice(0, cut.index).trimEnd();
  return head.length > 0 && p.startsWith(head);
}
