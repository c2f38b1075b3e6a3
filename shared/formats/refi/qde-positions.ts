/**
 * Text positions between Gloss and REFI-QDA. Gloss offsets are UTF-16 code unit indices
 * (JavaScript string indices) into `document.text`. The REFI-QDA spec (§10.2) counts
 * Unicode code points; NVivo counts UTF-16 code units (NOTES.md §4). The two differ only
 * after a character outside the Basic Multilingual Plane (emoji), which is one code point
 * but two code units.
 */
import { countBelow, isHighSurrogate as isHigh, isLowSurrogate as isLow, isPairTail } from '../../text/code-points';

export type PositionUnit = 'codepoints' | 'utf16';

/** The text as written to `sources/<GUID>.txt`, and where a Gloss offset lands in it. */
export interface ExportedText {
  text: string;
  /** Position in `text`, in the chosen unit, of the Gloss UTF-16 offset `offset`. */
  position(offset: number): number;
}


/**
 * The text to export with LF line endings, and the offset mapping. Gloss keeps texts
 * LF-only, but a CR that slipped in would leave importers guessing whether a line end
 * counts one or two (NOTES.md §4), so CRLF becomes LF and a lone CR becomes LF. Positions
 * are counted by dropping, before each offset, the code units that do not count: the CR
 * of each CRLF and, for code points, the second half of each surrogate pair.
 */
export function exportedText(text: string, unit: PositionUnit): ExportedText {
  // Ascending UTF-16 indices of the code units that do not count in the exported positions.
  const dropped: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) dropped.push(i);
    else if (unit === 'codepoints' && isPairTail(text, i)) dropped.push(i);
  }
  const lf = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  return { text: lf, position: (offset) => offset - countBelow(dropped, offset) };
}

/** The code point index of the UTF-16 offset `offset` in `text`. */
export function codePointIndex(text: string, offset: number): number {
  let index = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (!isPairTail(text, i)) index++;
  }
  return index;
}

/** The UTF-16 offset of code point number `index` in `text` (the text's length past its end). */
export function utf16Offset(text: string, index: number): number {
  let offset = 0;
  for (let n = 0; n < index && offset < text.length; n++) {
    offset += isHigh(text.charCodeAt(offset)) && isLow(text.charCodeAt(offset + 1)) ? 2 : 1;
  }
  return offset;
}

/**
 * [start, end) widened so that neither end falls inside a surrogate pair. Gloss refuses to
 * create such spans; this keeps a damaged one from being written as half a character.
 */
export function wholeCharacters(text: string, start: number, end: number): [number, number] {
  const inside = (offset: number) => offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
  return [inside(start) ? start - 1 : start, inside(end) ? end + 1 : end];
}
