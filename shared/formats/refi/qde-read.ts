/**
 * The `project.qde` XML of a REFI-QDA project as plain typed data. Elements are matched by
 * local name, so namespace variants (`urn:QDA-XML:project:0:10`, a prefixed root) read
 * alike, and every attribute the schema calls optional may be missing: the importer
 * decides what a missing value means. Nothing here knows about Gloss.
 */
import { childElements, textOf, type XmlElement } from '../../import/xml';

/** Local name of an element ("qda:Code" → "Code"). */
export const localName = (el: XmlElement) => el.name.slice(el.name.lastIndexOf(':') + 1);

/** Child elements whose local name is `name`. */
export const childrenNamed = (el: XmlElement, name: string) => childElements(el).filter((c) => localName(c) === name);
const kid = (el: XmlElement, name: string): XmlElement | undefined => childrenNamed(el, name)[0];
const attr = (el: XmlElement, name: string): string | null => el.attrs[name] ?? null;
const refs = (el: XmlElement, name: string) => childrenNamed(el, name).map((r) => attr(r, 'targetGUID') ?? attr(r, 'guid')).filter((g): g is string => !!g);

/** Text of an optional child element such as Description, or null when absent. */
function childText(el: XmlElement, name: string): string | null {
  const child = kid(el, name);
  return child ? textOf(child) : null;
}

export interface QdeCoding {
  guid: string | null;
  codeRef: string | null;
  creatingUser: string | null;
  creationDateTime: string | null;
  noteRefs: string[];
}

export interface QdeSelection {
  guid: string | null;
  name: string | null;
  /** As written; NaN when missing or not a number. */
  start: number;
  end: number;
  description: string | null;
  creatingUser: string | null;
  creationDateTime: string | null;
  codings: QdeCoding[];
  noteRefs: string[];
}

export interface QdeVariableValue {
  variableRef: string | null;
  /** Local name of the value element (TextValue, IntegerValue, …) and its text. */
  kind: string | null;
  value: string | null;
}

/** A TextSource, a Note, a PDF's Representation or a Transcript: anything holding plain text. */
export interface QdeTextSource {
  guid: string | null;
  name: string | null;
  plainTextPath: string | null;
  plainTextContent: string | null;
  description: string | null;
  creatingUser: string | null;
  creationDateTime: string | null;
  selections: QdeSelection[];
  codings: QdeCoding[];
  noteRefs: string[];
  variableValues: QdeVariableValue[];
}

export interface QdeOtherSource {
  kind: 'PictureSource' | 'PDFSource' | 'AudioSource' | 'VideoSource';
  guid: string | null;
  name: string | null;
  path: string | null;
  /** The PDF's plain-text representation, when the program wrote one. */
  representation: QdeTextSource | null;
  /** Codings Gloss cannot place (region, time-span and transcript selections, source-level codings). */
  codings: number;
  selections: number;
  noteRefs: string[];
}

/** A child of <Sources> of a kind REFI-QDA does not define (a newer version's, or a typo). */
export interface QdeUnknownSource {
  kind: string;
  guid: string | null;
  name: string | null;
}

export interface QdeCode {
  guid: string | null;
  name: string | null;
  color: string | null;
  isCodable: string | null;
  description: string | null;
  noteRefs: string[];
  children: QdeCode[];
}

export interface QdeProject {
  rootName: string;
  name: string | null;
  origin: string | null;
  description: string | null;
  creationDateTime: string | null;
  users: { guid: string | null; name: string | null; id: string | null }[];
  codes: QdeCode[];
  textSources: QdeTextSource[];
  otherSources: QdeOtherSource[];
  unknownSources: QdeUnknownSource[];
  notes: QdeTextSource[];
  links: { guid: string | null; originGUID: string | null; targetGUID: string | null }[];
  variables: { guid: string | null; name: string | null; type: string | null; description: string | null }[];
  cases: {
    guid: string | null;
    name: string | null;
    description: string | null;
    codeRefs: string[];
    sourceRefs: string[];
    selectionRefs: string[];
    values: QdeVariableValue[];
  }[];
  sets: { guid: string | null; name: string | null; description: string | null; codes: string[]; sources: string[]; notes: string[] }[];
  graphs: number;
  noteRefs: string[];
}

function readCoding(el: XmlElement): QdeCoding {
  return {
    guid: attr(el, 'guid'),
    codeRef: refs(el, 'CodeRef')[0] ?? null,
    creatingUser: attr(el, 'creatingUser'),
    creationDateTime: attr(el, 'creationDateTime'),
    noteRefs: refs(el, 'NoteRef'),
  };
}

const position = (value: string | null) => (value !== null && /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN);

function readSelection(el: XmlElement): QdeSelection {
  return {
    guid: attr(el, 'guid'),
    name: attr(el, 'name'),
    start: position(attr(el, 'startPosition')),
    end: position(attr(el, 'endPosition')),
    description: childText(el, 'Description'),
    creatingUser: attr(el, 'creatingUser'),
    creationDateTime: attr(el, 'creationDateTime'),
    codings: childrenNamed(el, 'Coding').map(readCoding),
    noteRefs: refs(el, 'NoteRef'),
  };
}

function readVariableValue(el: XmlElement): QdeVariableValue {
  const value = childElements(el).find((c) => localName(c) !== 'VariableRef');
  return { variableRef: refs(el, 'VariableRef')[0] ?? null, kind: value ? localName(value) : null, value: value ? textOf(value) : null };
}

function readTextSource(el: XmlElement): QdeTextSource {
  return {
    guid: attr(el, 'guid'),
    name: attr(el, 'name'),
    plainTextPath: attr(el, 'plainTextPath'),
    plainTextContent: childText(el, 'PlainTextContent'),
    description: childText(el, 'Description'),
    creatingUser: attr(el, 'creatingUser'),
    creationDateTime: attr(el, 'creationDateTime'),
    selections: childrenNamed(el, 'PlainTextSelection').map(readSelection),
    codings: childrenNamed(el, 'Coding').map(readCoding),
    noteRefs: refs(el, 'NoteRef'),
    variableValues: childrenNamed(el, 'VariableValue').map(readVariableValue),
  };
}

/** Codings inside the selections named `selection` of `el` (PictureSelection, AudioSelection, …). */
function codingsIn(el: XmlElement, selection: string): { selections: number; codings: number } {
  const selections = childrenNamed(el, selection);
  return { selections: selections.length, codings: selections.reduce((n, s) => n + childrenNamed(s, 'Coding').length, 0) };
}

const OTHER_SELECTIONS: Record<QdeOtherSource['kind'], string> = {
  PictureSource: 'PictureSelection',
  PDFSource: 'PDFSelection',
  AudioSource: 'AudioSelection',
  VideoSource: 'VideoSelection',
};

function readOtherSource(el: XmlElement, kind: QdeOtherSource['kind']): QdeOtherSource {
  const own = codingsIn(el, OTHER_SELECTIONS[kind]);
  let selections = own.selections;
  let codings = own.codings + childrenNamed(el, 'Coding').length;
  // Transcripts of audio and video hold their own selections; PDF regions may hold a Representation each.
  for (const transcript of childrenNamed(el, 'Transcript')) {
    const t = codingsIn(transcript, 'TranscriptSelection');
    selections += t.selections;
    codings += t.codings;
  }
  const representation = kid(el, 'Representation');
  return {
    kind,
    guid: attr(el, 'guid'),
    name: attr(el, 'name'),
    path: attr(el, 'path'),
    representation: representation ? readTextSource(representation) : null,
    codings,
    selections,
    noteRefs: refs(el, 'NoteRef'),
  };
}

function readCode(el: XmlElement): QdeCode {
  return {
    guid: attr(el, 'guid'),
    name: attr(el, 'name'),
    color: attr(el, 'color'),
    isCodable: attr(el, 'isCodable'),
    description: childText(el, 'Description'),
    noteRefs: refs(el, 'NoteRef'),
    children: childrenNamed(el, 'Code').map(readCode),
  };
}

/** Reads a parsed `.qde` root element. A section written twice (two <Sources>) is read whole, both times. */
export function readQde(root: XmlElement): QdeProject {
  const sourceElements = childrenNamed(root, 'Sources').flatMap((s) => childElements(s));
  const codeElements = childrenNamed(root, 'CodeBook')
    .flatMap((book) => childrenNamed(book, 'Codes'))
    .flatMap((codes) => childrenNamed(codes, 'Code'));
  const section = (name: string, item: string) => childrenNamed(root, name).flatMap((holder) => childrenNamed(holder, item));
  return {
    rootName: localName(root),
    name: attr(root, 'name'),
    origin: attr(root, 'origin'),
    description: childText(root, 'Description'),
    creationDateTime: attr(root, 'creationDateTime'),
    users: section('Users', 'User').map((u) => ({ guid: attr(u, 'guid'), name: attr(u, 'name'), id: attr(u, 'id') })),
    codes: codeElements.map(readCode),
    textSources: sourceElements.filter((s) => localName(s) === 'TextSource').map(readTextSource),
    otherSources: sourceElements
      .filter((s) => localName(s) in OTHER_SELECTIONS)
      .map((s) => readOtherSource(s, localName(s) as QdeOtherSource['kind'])),
    unknownSources: sourceElements
      .filter((s) => localName(s) !== 'TextSource' && !(localName(s) in OTHER_SELECTIONS))
      .map((s) => ({ kind: localName(s), guid: attr(s, 'guid'), name: attr(s, 'name') })),
    notes: section('Notes', 'Note').map(readTextSource),
    links: section('Links', 'Link').map((l) => ({ guid: attr(l, 'guid'), originGUID: attr(l, 'originGUID'), targetGUID: attr(l, 'targetGUID') })),
    variables: section('Variables', 'Variable').map((v) => ({
      guid: attr(v, 'guid'),
      name: attr(v, 'name'),
      type: attr(v, 'typeOfVariable'),
      description: childText(v, 'Description'),
    })),
    cases: section('Cases', 'Case').map((c) => ({
      guid: attr(c, 'guid'),
      name: attr(c, 'name'),
      description: childText(c, 'Description'),
      codeRefs: refs(c, 'CodeRef'),
      sourceRefs: refs(c, 'SourceRef'),
      selectionRefs: refs(c, 'SelectionRef'),
      values: childrenNamed(c, 'VariableValue').map(readVariableValue),
    })),
    sets: section('Sets', 'Set').map((s) => ({
      guid: attr(s, 'guid'),
      name: attr(s, 'name'),
      description: childText(s, 'Description'),
      codes: refs(s, 'MemberCode'),
      sources: refs(s, 'MemberSource'),
      notes: refs(s, 'MemberNote'),
    })),
    graphs: section('Graphs', 'Graph').length,
    noteRefs: refs(root, 'NoteRef'),
  };
}

/** GUIDs compare case-insensitively without braces (NOTES.md §2). */
export function normalGuid(guid: string | null): string | null {
  if (!guid) return null;
  const g = guid.trim().replace(/^\{|\}$/g, '').toLowerCase();
  return g || null;
}
