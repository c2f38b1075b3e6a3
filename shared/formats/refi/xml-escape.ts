/**
 * Escaping for the XML we write. Characters XML 1.0 does not allow at all (most C0
 * controls, lone surrogates, U+FFFE/U+FFFF) cannot be escaped either (`&#1;` is still
 * illegal), so they become U+FFFD: the reader then sees that something was there.
 */

/** Everything outside XML 1.0's Char production (§2.2). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD');
}

/** Text content of an element. CR is written as a reference because parsers turn a raw CR into LF. */
export function escapeXmlText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/**
 * A double-quoted attribute value. Tab, LF and CR are written as references because
 * attribute-value normalisation would otherwise turn them into spaces.
 */
export function escapeXmlAttribute(value: string): string {
  return escapeXmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
