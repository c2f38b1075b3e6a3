/**
 * Reading a REFI-QDA codebook (`.qdc`, Codebook-mrt2019.xsd) into an IncomingCodebook.
 *
 * Strict where safety or meaning is at stake: malformed XML, a DOCTYPE or entity
 * declarations, a root other than CodeBook, or a codebook without codes are refused and
 * nothing is imported. Lenient everywhere else, because real files stray from the schema
 * (NOTES.md §5): namespace variants, an empty `<Sets/>`, #RGB or unusable colours, GUIDs in
 * braces, missing optional attributes. Every leniency becomes a warning the user sees.
 */
import { MAX_CODE_DEPTH } from '../../import/limits';
import { parseXml, textOf, type XmlElement } from '../../import/xml';
import { err, ok, type Result } from '../../result';
import { CODEBOOK_NAMESPACE } from '../refi/qdc-export';
// Elements are matched by local name: files bind the codebook namespace to any prefix, or to none.
import { childrenNamed, localName } from '../refi/qde-read';
import { tooDeepCode, type IncomingCode, type IncomingCodebook, type IncomingSet } from './types';
import { readColor, readGuid } from './values';

/** The namespace the root element is in, read from its start tag (the parsed tree keeps no xmlns attributes). */
function rootNamespace(xml: string, root: XmlElement): string | null {
  const colon = root.name.lastIndexOf(':');
  const prefix = colon < 0 ? '' : root.name.slice(0, colon);
  const tag = new RegExp(`<${prefix ? `${escapeRegExp(prefix)}:` : ''}${escapeRegExp(localName(root))}\\b[^>]*>`).exec(xml)?.[0] ?? '';
  const attribute = prefix ? `xmlns:${escapeRegExp(prefix)}` : 'xmlns';
  const value = new RegExp(`\\s${attribute}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return value ? (value[1] ?? value[2] ?? '') : null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Reader {
  warnings: string[];
  /** GUIDs seen so far, to catch a GUID given to two codes. */
  guids: Set<string>;
  braced: number;
  unnamed: number;
  /** The names down to the first code nested deeper than MAX_CODE_DEPTH, once one is met. */
  tooDeep: string[] | null;
}

function readCodeGuid(reader: Reader, element: XmlElement, what: string): string | null {
  const raw = element.attrs.guid;
  if (raw === undefined || raw.trim() === '') {
    reader.warnings.push(`${what} has no guid; it is matched by its name alone.`);
    return null;
  }
  const guid = readGuid(raw);
  if (guid.kind === 'invalid') {
    reader.warnings.push(`${what} has guid “${raw.trim()}”, which is not a GUID; it is matched by its name alone.`);
    return null;
  }
  if (guid.kind === 'braced') reader.braced++;
  return guid.guid;
}

function readCode(reader: Reader, element: XmlElement, parentPath: string, parentNames: readonly string[] = []): IncomingCode {
  let name = (element.attrs.name ?? '').trim();
  if (!name) {
    name = `Unnamed code ${++reader.unnamed}`;
    reader.warnings.push(`A code${parentPath ? ` under “${parentPath}”` : ''} has no name; it was called “${name}”.`);
  }
  const path = parentPath ? `${parentPath} > ${name}` : name;
  const names = [...parentNames, name];
  if (names.length > MAX_CODE_DEPTH) reader.tooDeep ??= names;
  const what = `Code “${path}”`;
  let guid = readCodeGuid(reader, element, what);
  if (guid !== null) {
    if (reader.guids.has(guid)) {
      reader.warnings.push(`${what} has the same guid as an earlier code; it is matched by its name alone.`);
      guid = null;
    } else {
      reader.guids.add(guid);
    }
  }

  let color: string | null = null;
  const rawColor = element.attrs.color;
  if (rawColor !== undefined && rawColor.trim() !== '') {
    const reading = readColor(rawColor);
    if (reading.kind === 'invalid') reader.warnings.push(`${what} has colour “${rawColor.trim()}”, which is not #RRGGBB or #RGB; the colour was left out.`);
    else {
      if (reading.kind === 'expanded') reader.warnings.push(`${what} has the short colour “${rawColor.trim()}”; read as ${reading.color}.`);
      color = reading.color;
    }
  }

  let codable = true;
  const rawCodable = element.attrs.isCodable?.trim();
  if (rawCodable === undefined) {
    reader.warnings.push(`${what} does not say whether it can be applied to text (isCodable); taken as a code, not a folder.`);
  } else if (rawCodable === 'false' || rawCodable === '0') {
    codable = false;
  } else if (rawCodable !== 'true' && rawCodable !== '1') {
    reader.warnings.push(`${what} has isCodable “${rawCodable}”, which is neither true nor false; taken as true.`);
  }

  const description = childrenNamed(element, 'Description').map(textOf).join('\n\n').trim();
  return {
    guid,
    name,
    color,
    description,
    codable,
    children: reader.tooDeep ? [] : childrenNamed(element, 'Code').map((child) => readCode(reader, child, path, names)),
  };
}

function readSet(reader: Reader, element: XmlElement, index: number): IncomingSet {
  let name = (element.attrs.name ?? '').trim();
  if (!name) {
    name = `Unnamed set ${index + 1}`;
    reader.warnings.push(`A code set has no name; it was called “${name}”.`);
  }
  const what = `Set “${name}”`;
  const guid = readCodeGuid(reader, element, what);
  const memberGuids: string[] = [];
  for (const member of childrenNamed(element, 'MemberCode')) {
    // The codebook schema names the member's GUID `guid`; the project schema's `targetGUID` turns up too.
    const raw = member.attrs.guid ?? member.attrs.targetGUID;
    const reading = raw === undefined ? ({ kind: 'invalid' } as const) : readGuid(raw);
    if (reading.kind === 'invalid') {
      reader.warnings.push(`${what} has a member without a valid guid${raw ? ` (“${raw.trim()}”)` : ''}; it was left out.`);
      continue;
    }
    if (reading.kind === 'braced') reader.braced++;
    if (member.attrs.guid === undefined) reader.warnings.push(`${what} names a member with targetGUID instead of guid; read anyway.`);
    if (!memberGuids.includes(reading.guid)) memberGuids.push(reading.guid);
  }
  for (const other of ['MemberSource', 'MemberNote']) {
    const count = childrenNamed(element, other).length;
    if (count > 0) reader.warnings.push(`${what} lists ${count} ${other === 'MemberSource' ? 'document' : 'note'} member${count === 1 ? '' : 's'}, which a codebook cannot hold; they were left out.`);
  }
  const description = childrenNamed(element, 'Description').map(textOf).join('\n\n').trim();
  return { guid, name, description, memberGuids };
}

/**
 * The codebook in `xml` (the text of `fileName`), or a message naming the file that says
 * why nothing can be imported from it.
 */
export function readQdc(xml: string, fileName: string): Result<IncomingCodebook> {
  const refuse = (reason: string) => err(`${fileName}: ${reason}; nothing was imported.`);
  const parsed = parseXml(xml, 'content');
  if (!parsed.ok) return refuse(parsed.error);
  const root = parsed.value;
  if (localName(root) !== 'CodeBook') {
    const hint = localName(root) === 'Project' ? ' (a REFI-QDA project: import it as a .qdpx project instead)' : '';
    return refuse(`its root element is <${localName(root)}>, not <CodeBook>, so it is not a REFI-QDA codebook${hint}`);
  }

  const reader: Reader = { warnings: [], guids: new Set(), braced: 0, unnamed: 0, tooDeep: null };
  const namespace = rootNamespace(xml, root);
  if (namespace === null || namespace === '') {
    reader.warnings.push(`The codebook declares no namespace (expected ${CODEBOOK_NAMESPACE}); read as REFI-QDA 1.0.`);
  } else if (namespace !== CODEBOOK_NAMESPACE) {
    reader.warnings.push(`The codebook is in namespace ${namespace}, not ${CODEBOOK_NAMESPACE}; read as REFI-QDA 1.0.`);
  }

  const codeElements = childrenNamed(root, 'Codes').flatMap((codes) => childrenNamed(codes, 'Code'));
  if (codeElements.length === 0) return refuse('it holds no codes (a REFI-QDA codebook lists them in <Codes>)');
  const codes = codeElements.map((element) => readCode(reader, element, ''));
  if (reader.tooDeep) return err(tooDeepCode(fileName, reader.tooDeep, MAX_CODE_DEPTH));

  const sets: IncomingSet[] = [];
  for (const setsElement of childrenNamed(root, 'Sets')) {
    const setElements = childrenNamed(setsElement, 'Set');
    if (setElements.length === 0) reader.warnings.push('The codebook has an empty <Sets/> element (the schema wants at least one Set); ignored.');
    for (const element of setElements) sets.push(readSet(reader, element, sets.length));
  }
  if (reader.braced > 0) {
    reader.warnings.splice(0, 0, `${reader.braced} GUID${reader.braced === 1 ? ' is' : 's are'} written in braces {…}; read without them.`);
  }
  const origin = root.attrs.origin?.trim() || null;
  return ok({ fileName, origin, codes, sets, warnings: reader.warnings });
}
