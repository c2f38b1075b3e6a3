/**
 * XML parts of ODT and EPUB files, parsed with fast-xml-parser and nothing expanded: a
 * DOCTYPE (which could declare entities, the "billion laughs" bomb, or point at local
 * files) refuses the part, entity processing is off, and only the five predefined entities
 * and character references are decoded, here.
 *
 * The parser's order-preserving output is turned into a small typed tree whose element
 * and attribute names carry canonical namespace prefixes, so that a file which binds the
 * ODF text namespace to "t:" instead of "text:" reads the same.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { err, ok, type Result } from '../result';
import { MAX_XML_DEPTH } from './limits';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | { text: string };

export const isElement = (node: XmlNode): node is XmlElement => 'name' in node;

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the predefined XML entities and numeric character references; leaves anything else as written. */
export function decodeXmlEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return PREDEFINED[ref] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** True if the text declares a DOCTYPE or entities. */
export function declaresDoctype(xml: string): boolean {
  return /<!(?:DOCTYPE|ENTITY)/i.test(xml);
}

type RawNode = Record<string, unknown>;

/** Namespace URI → the prefix the importers use for it. */
export type Namespaces = Record<string, string>;

function convert(raw: readonly RawNode[], namespaces: Namespaces, scope: Map<string, string>): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of raw) {
    const name = Object.keys(node).find((k) => k !== ':@');
    if (name === undefined || name.startsWith('?')) continue;
    if (name === '#text') {
      out.push({ text: decodeXmlEntities(String(node[name])) });
      continue;
    }
    const rawAttrs = (node[':@'] ?? {}) as Record<string, unknown>;
    let local = scope;
    for (const [key, value] of Object.entries(rawAttrs)) {
      if (key !== 'xmlns' && !key.startsWith('xmlns:')) continue;
      const canonical = namespaces[decodeXmlEntities(String(value))];
      if (local === scope) local = new Map(scope);
      // The default namespace is stored under the empty prefix.
      local.set(key === 'xmlns' ? '' : key.slice(6), canonical ?? (key === 'xmlns' ? '' : key.slice(6)));
    }
    const rename = (qualified: string, isAttribute: boolean): string => {
      const colon = qualified.indexOf(':');
      if (colon < 0) {
        // Unprefixed attributes belong to no namespace; unprefixed elements to the default one.
        const prefix = isAttribute ? '' : (local.get('') ?? '');
        return prefix ? `${prefix}:${qualified}` : qualified;
      }
      const prefix = local.get(qualified.slice(0, colon)) ?? qualified.slice(0, colon);
      return `${prefix}:${qualified.slice(colon + 1)}`;
    };
    const attrs: Record<string, string> = {};
    for (const [key, value] of Object.entries(rawAttrs)) {
      if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
      attrs[rename(key, true)] = decodeXmlEntities(String(value));
    }
    const children = Array.isArray(node[name]) ? convert(node[name] as RawNode[], namespaces, local) : [];
    out.push({ name: rename(name, false), attrs, children });
  }
  return out;
}

/** Where and why the validator rejected `xml`, in words a user can act on; null when it is well-formed. */
function malformedReason(xml: string): string | null {
  const verdict = XMLValidator.validate(xml);
  if (verdict === true) return null;
  const { msg, line, col } = verdict.err as { msg: string; line?: number; col?: number };
  // The validator lists still-open elements as a JSON array ("Invalid '[ "CodeBook" ]' found").
  const reason = /^Invalid '\[/.test(msg)
    ? 'the file ends before all its elements are closed'
    : /^Start tag expected/.test(msg)
      ? 'no element starts where one should'
      : msg.replace(/\bcol (\d)/g, 'column $1').replace(/\.$/, '');
  // It gives no column (and sometimes no line) when the document ends early.
  const where = [line === undefined ? null : `line ${line}`, col === undefined ? null : `column ${col}`].filter(Boolean).join(', ');
  return where ? `${where}: ${reason}` : reason;
}

/** Why `xml`, the part named `part`, cannot be read as XML (a DOCTYPE, not well-formed, nested too deeply), or null. */
export function unreadableXml(xml: string, part: string): string | null {
  if (declaresDoctype(xml)) {
    return `its ${part} declares a DOCTYPE or entities, which Gloss refuses to read (they can expand into huge text or reach outside the file)`;
  }
  // The parser itself accepts unclosed and mismatched tags; a broken part must not import half-read.
  const malformed = malformedReason(xml);
  if (malformed) return `its ${part} is not well-formed XML (${malformed})`;
  return tooDeep(xml, part);
}

/** Index just past the next `token` at or after `from`, or -1. */
function after(xml: string, token: string, from: number): number {
  const at = xml.indexOf(token, from);
  return at < 0 ? -1 : at + token.length;
}

/** Index just past the `>` that ends the start tag whose name begins at `from` (quoted values may hold ">"), or -1. */
function tagEnd(xml: string, from: number): number {
  let quote = '';
  for (let i = from; i < xml.length; i++) {
    const c = xml[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return -1;
}

/**
 * How deep elements nest in `xml` (1 for a lone root). Comments, CDATA sections,
 * processing instructions and empty elements add no level. Meant for text the validator
 * has passed; one linear scan, with no recursion and no tree.
 */
export function nestingDepth(xml: string): number {
  let depth = 0;
  let deepest = 0;
  let i = xml.indexOf('<');
  while (i >= 0) {
    let end: number;
    if (xml.startsWith('<!--', i)) end = after(xml, '-->', i + 4);
    else if (xml.startsWith('<![CDATA[', i)) end = after(xml, ']]>', i + 9);
    else if (xml[i + 1] === '?') end = after(xml, '?>', i + 2);
    else if (xml[i + 1] === '!') end = after(xml, '>', i + 2);
    else if (xml[i + 1] === '/') {
      depth--;
      end = after(xml, '>', i + 2);
    } else {
      end = tagEnd(xml, i + 1);
      if (end > 0 && xml[end - 2] !== '/') deepest = Math.max(deepest, ++depth);
    }
    if (end < 0) break;
    i = xml.indexOf('<', end);
  }
  return deepest;
}

/** Why `xml` nests too deeply to be read (see MAX_XML_DEPTH), or null. `part` names it ("content.xml"). */
export function tooDeep(xml: string, part: string): string | null {
  const depth = nestingDepth(xml);
  if (depth <= MAX_XML_DEPTH) return null;
  return `its ${part} is nested too deeply (${depth.toLocaleString('en-US')} levels; Gloss reads up to ${MAX_XML_DEPTH})`;
}

/**
 * Parses one XML part. `part` names it in messages ("content.xml"); `namespaces` maps the
 * namespace URIs the caller knows to the prefixes it matches names with.
 */
export function parseXml(xml: string, part: string, namespaces: Namespaces = {}): Result<XmlElement> {
  const unreadable = unreadableXml(xml, part);
  if (unreadable) return err(unreadable);
  let raw: unknown;
  try {
    raw = new XMLParser({
      preserveOrder: true,
      processEntities: false,
      htmlEntities: false,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      // Mixed content ("Hello <span>world</span>") needs its spaces; values stay strings.
      trimValues: false,
      parseTagValue: false,
      parseAttributeValue: false,
      ignoreDeclaration: true,
      ignorePiTags: true,
      // The parser's own limit (100 by default) would call a deep but legitimate part malformed.
      maxNestedTags: MAX_XML_DEPTH + 1,
    }).parse(xml);
  } catch {
    return err(`its ${part} is not well-formed XML`);
  }
  const root = Array.isArray(raw) ? convert(raw as RawNode[], namespaces, new Map()).find(isElement) : undefined;
  return root ? ok(root) : err(`its ${part} holds no XML element`);
}

/** Child elements named `name`. */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => isElement(c) && (name === undefined || c.name === name));
}

/** Every descendant element named `name`, in document order. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  // Pre-order walk with an explicit stack (children pushed in reverse), so deep nesting cannot overflow the call stack.
  const stack: XmlElement[] = childElements(element).reverse();
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next.name === name) out.push(next);
    const kids = childElements(next);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

/** The concatenated text inside an element. */
export function textOf(element: XmlElement): string {
  return element.children.map((c) => (isElement(c) ? textOf(c) : c.text)).join('');
}
