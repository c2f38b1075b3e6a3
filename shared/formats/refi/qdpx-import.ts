/**
 * A REFI-QDA project (`.qdpx`) as a new Gloss project, with a report of everything that
 * was changed or left behind. The archive is checked before anything is inflated (path
 * traversal, size and ratio bombs), the XML is read with no DOCTYPE or entities, and any
 * refusal names the file and the problem: then nothing is imported.
 */
import { MAX_CODE_DEPTH, MAX_QDPX_BYTES, MAX_TEXT_LENGTH, SNIFF_BYTES, TOO_MUCH_TEXT } from '../../import/limits';
import { tooDeepCode } from '../codebook/types';
import { sizeInWords } from '../../import/sizes';
import { notZipStart, openZip, type ZipEntries } from '../../import/zip-safety';
import { decodeText, normalizeNewlines } from '../../import/decode-text';
import { parseXml } from '../../import/xml';
import { validateProject } from '../../model/parse';
import { emptyProjectFile, fileFromState, stateFromFile } from '../../model/state';
import type { ProjectFile } from '../../model/schema';
import { err, ok, type Result } from '../../result';
import type { ExchangeReport } from '../report';
import { storedText } from './positions-in';
import type { PositionUnit } from './qde-positions';
import { readQde, normalGuid, type QdeCode, type QdeProject, type QdeTextSource } from './qde-read';
import { importCases } from './qdpx-import-cases';
import { importCodes } from './qdpx-import-codes';
import { ImportContext, short } from './qdpx-import-context';
import { importDocuments, type LoadedText } from './qdpx-import-documents';
import { importNotes, makeMemo, type NoteAnchor } from './qdpx-import-notes';
import { descriptionsBeyondNotes, projectDescriptionBeyondNotes } from './memo-descriptions';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { chooseScheme, decodeSourceText, entryFinder } from './qdpx-import-texts';

export interface QdpxImportOptions {
  /** 'auto' reads the unit the writing program uses (NOTES.md §4), checked against quoted text. */
  positions: 'auto' | PositionUnit;
  /** Timestamp for things the file gives no time for. */
  now: string;
  /** Ids for entities whose GUID cannot be kept. */
  newId: () => string;
}

/** The `.qde` at the archive's root (any name: ATLAS.ti 26 writes `<Project>.qde`). */
function findQde(names: readonly string[], fileName: string): Result<string> {
  const qdes = names.filter((n) => !n.includes('/') && n.toLowerCase().endsWith('.qde'));
  if (qdes.length === 1) return ok(qdes[0]!);
  if (qdes.length > 1) return err(`${fileName}: it holds ${qdes.length} project files (${qdes.join(', ')}) where there should be one; nothing was imported.`);
  const nested = names.filter((n) => n.toLowerCase().endsWith('.qde'));
  if (nested.length > 0) {
    return err(`${fileName}: it holds no .qde project file at the top level (there is ${nested[0]} inside a folder; a .qdpx keeps it at the top level); nothing was imported.`);
  }
  // Other ZIP-based files people pick by mistake, named so they know what they picked.
  const office = names.includes('[Content_Types].xml')
    ? names.some((n) => n.startsWith('word/')) ? 'a Word document (.docx)'
    : names.some((n) => n.startsWith('xl/')) ? 'an Excel workbook (.xlsx)'
    : names.some((n) => n.startsWith('ppt/')) ? 'a PowerPoint file (.pptx)'
    : 'an Office document'
    : names.includes('mimetype') ? 'an OpenDocument or EPUB file'
    : null;
  const what = office ? `it looks like ${office}, not a REFI-QDA project` : 'it holds no .qde project file, so it is not a REFI-QDA project';
  return err(`${fileName}: ${what}; nothing was imported.`);
}

/** The names down to the first code nested deeper than MAX_CODE_DEPTH, or null. */
function tooDeepCodes(roots: readonly QdeCode[]): string[] | null {
  const stack = roots.map((code) => ({ code, names: [code.name?.trim() || 'Unnamed code'] }));
  while (stack.length > 0) {
    const { code, names } = stack.pop()!;
    if (names.length > MAX_CODE_DEPTH) return names;
    for (const child of code.children) stack.push({ code: child, names: [...names, child.name?.trim() || 'Unnamed code'] });
  }
  return null;
}

/** Whether the bytes start (after a BOM and white space) with an XML declaration or a tag. */
function looksLikeXml(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c; // '<'
}

/** A text source (or a PDF's text representation) with the codings it carries, for the report. */
const codingsOf = (s: QdeTextSource) => s.selections.reduce((n, sel) => n + sel.codings.length, 0) + s.codings.length;

const SOURCE_KINDS = { PictureSource: 'picture', PDFSource: 'PDF', AudioSource: 'audio', VideoSource: 'video' } as const;

const FORMAT = 'REFI-QDA project (.qdpx)';

/**
 * Why the `.qdpx` file `fileName` of `size` bytes, starting with `head` (left out to judge by
 * the size alone), cannot be imported, seen before the rest is read; null when nothing is
 * wrong so far.
 */
export function qdpxRefusalBeforeReading(fileName: string, size: number, head?: Uint8Array): string | null {
  const refuse = (problem: string) => `${fileName}: ${problem}; nothing was imported.`;
  if (size > MAX_QDPX_BYTES) {
    return refuse(
      `it is ${sizeInWords(size)}, more than the ${sizeInWords(MAX_QDPX_BYTES)} Gloss reads; most of it will be pictures, audio or video, which Gloss does not import: ` +
        'export the project again without them, or remove them from its sources folder with a ZIP tool',
    );
  }
  if (!head) return null;
  if (looksLikeXml(head)) {
    return refuse('it is XML, not a .qdpx archive; a REFI-QDA codebook (.qdc) is imported with Import codebook… (gloss import-codebook)');
  }
  const notZip = notZipStart(head, FORMAT);
  return notZip ? refuse(notZip) : null;
}

/** Reads a `.qdpx` archive into a complete, validated Gloss project. */
export function readQdpx(bytes: Uint8Array, fileName: string, options: QdpxImportOptions): Result<{ file: ProjectFile; report: ExchangeReport }> {
  const refuse = (problem: string) => err(`${fileName}: ${problem}; nothing was imported.`);
  const early = qdpxRefusalBeforeReading(fileName, bytes.length, bytes.subarray(0, SNIFF_BYTES));
  if (early) return err(early);
  const archive = openZip(bytes, FORMAT);
  if (!archive.ok) return refuse(archive.error);
  const names = archive.value.names.filter((n) => !n.endsWith('/'));
  const qdeName = findQde(names, fileName);
  if (!qdeName.ok) return qdeName;
  const qdeEntries = archive.value.read((n) => n === qdeName.value);
  if (!qdeEntries.ok) return refuse(qdeEntries.error);
  const decoded = decodeText(qdeEntries.value[qdeName.value] ?? new Uint8Array());
  if (!decoded.ok) return refuse(`its ${qdeName.value}: ${decoded.error}`);
  const root = parseXml(decoded.value.text, qdeName.value);
  if (!root.ok) return refuse(root.error);
  const project = readQde(root.value);
  const deep = tooDeepCodes(project.codes);
  if (deep) return err(tooDeepCode(fileName, deep, MAX_CODE_DEPTH));
  if (project.rootName !== 'Project') {
    return refuse(`its ${qdeName.value} holds a <${project.rootName}>, not a REFI-QDA <Project>${project.rootName === 'CodeBook' ? ' (import it as a codebook instead)' : ''}`);
  }

  // Inflate just the texts the project names.
  const wanted = new Set<string>();
  const entryFor = entryFinder(names);
  const pathOf = (s: QdeTextSource) => (s.plainTextPath ? entryFor(s.plainTextPath) : null);
  const textSources = [...project.textSources, ...project.notes, ...project.otherSources.flatMap((o) => (o.representation ? [o.representation] : []))];
  for (const s of textSources) {
    const entry = pathOf(s);
    if (entry && entry !== 'external') wanted.add(entry);
  }
  const files = archive.value.read((n) => wanted.has(n));
  if (!files.ok) return refuse(files.error);
  return build(project, files.value, pathOf, fileName, options);
}

function build(
  project: QdeProject,
  files: ZipEntries,
  pathOf: (s: QdeTextSource) => string | 'external' | null,
  fileName: string,
  options: QdpxImportOptions,
): Result<{ file: ProjectFile; report: ExchangeReport }> {
  const ctx = new ImportContext(fileName, project.origin?.trim() || null, options.now, options.newId);
  ctx.addUsers(project.users);
  const anchors: NoteAnchor[] = [];
  const codes = importCodes(ctx, project.codes, anchors);

  // Sources Gloss cannot code yet are listed with their codings; a PDF's text representation is imported.
  const skippedSources = new Map<string, string>();
  const textSources: QdeTextSource[] = [...project.textSources];
  const aliases: [string, string][] = [];
  for (const other of project.otherSources) {
    const label = `${SOURCE_KINDS[other.kind]} “${short(other.name ?? other.path ?? other.guid ?? '')}”`;
    const rep = other.representation;
    if (other.kind === 'PDFSource' && rep && (rep.plainTextPath || rep.plainTextContent !== null)) {
      textSources.push({ ...rep, guid: other.guid ?? rep.guid, name: other.name ?? rep.name, noteRefs: [...other.noteRefs, ...rep.noteRefs] });
      if (other.guid && rep.guid) aliases.push([other.guid, rep.guid]);
      if (other.codings > 0) ctx.skip(`${other.selections} region selection(s) of ${label}`, 'Gloss imports the PDF’s text, not regions of its pages', other.codings);
      else if (other.selections > 0) ctx.skip(`${other.selections} region selection(s) of ${label}`, 'Gloss imports the PDF’s text, not regions of its pages');
      continue;
    }
    const why = other.kind === 'PDFSource' ? 'the file holds no plain-text version of this PDF' : `Gloss cannot code ${SOURCE_KINDS[other.kind]} sources yet`;
    ctx.skip(label, why, other.codings + (rep ? codingsOf(rep) : 0));
    const guid = normalGuid(other.guid);
    if (guid) skippedSources.set(guid, other.name ?? '');
  }

  for (const unknown of project.unknownSources) {
    ctx.skip(`source “${short(unknown.name ?? unknown.guid ?? unknown.kind)}”`, `it is a ${unknown.kind}, a kind of source REFI-QDA does not define and Gloss cannot read`);
    const guid = normalGuid(unknown.guid);
    if (guid) skippedSources.set(guid, unknown.name ?? '');
  }

  const loaded: LoadedText[] = [];
  for (const source of textSources) {
    const label = `text “${short(source.name ?? source.plainTextPath ?? source.guid ?? '')}”`;
    const skip = (reason: string) => {
      ctx.skip(label, reason, codingsOf(source));
      const guid = normalGuid(source.guid);
      if (guid) skippedSources.set(guid, source.name ?? '');
    };
    let raw: string;
    let bytes: Uint8Array;
    let storedName: string;
    const entry = pathOf(source);
    if (source.plainTextPath && entry !== null && entry !== 'external' && files[entry]) {
      bytes = files[entry]!;
      const text = decodeSourceText(bytes);
      if (text.note) ctx.warn(`The text of “${short(source.name ?? entry)}”: ${text.note}.`);
      raw = text.raw;
      storedName = entry.slice(entry.lastIndexOf('/') + 1);
    } else if (source.plainTextContent !== null) {
      raw = source.plainTextContent;
      bytes = new TextEncoder().encode(raw);
      storedName = `${source.name?.trim() || 'text'}.txt`;
    } else if (entry === 'external') {
      skip(`its text is outside the archive (${source.plainTextPath}), and Gloss imports only what the .qdpx holds`);
      continue;
    } else if (source.plainTextPath) {
      skip(`its text file (${source.plainTextPath}) is not in the archive`);
      continue;
    } else {
      skip('it has no text (neither PlainTextContent nor plainTextPath)');
      continue;
    }
    if (raw.length > MAX_TEXT_LENGTH) {
      skip(TOO_MUCH_TEXT);
      continue;
    }
    loaded.push({ source, stored: storedText(raw), fileName: storedName, bytes });
  }

  const choice = chooseScheme(project.origin, options.positions, loaded.map((l) => ({ stored: l.stored, selections: l.source.selections })));
  ctx.report.positions = choice.description;
  for (const w of choice.warnings) ctx.warn(w);

  const docs = importDocuments(ctx, loaded, choice.scheme, codes, anchors, (bytes) => bytesToHex(sha256(bytes)));
  for (const [pdf, rep] of aliases) {
    const id = docs.documentByGuid.get(normalGuid(pdf) ?? '');
    const r = normalGuid(rep);
    if (id && r && !docs.documentByGuid.has(r)) docs.documentByGuid.set(r, id);
  }
  const noteText = (note: QdeTextSource): string | null => {
    if (note.plainTextContent !== null) return normalizeNewlines(note.plainTextContent);
    const entry = pathOf(note);
    const data = entry && entry !== 'external' ? files[entry] : undefined;
    return data ? normalizeNewlines(decodeSourceText(data).raw) : null;
  };
  const notes = importNotes(ctx, project, noteText, anchors, codes, docs);
  // A Description that repeats the Notes on the same thing (as Gloss writes both) is not a second memo.
  const described = descriptionsBeyondNotes(docs.descriptions, notes).map((d) => makeMemo(ctx, d.target, d.title, d.text, d.user, d.time));
  const memos = [...described, ...notes];
  const cases = importCases(ctx, project, codes, docs.documents, docs.documentByGuid, skippedSources);
  if (project.graphs > 0) ctx.skip(`${project.graphs} graph${project.graphs === 1 ? '' : 's'}`, 'Gloss has no network views');
  ctx.finishCoders();

  const name = project.name?.trim() || fileName.replace(/\.qdpx$/i, '') || 'Imported project';
  const created = ctx.time(project.creationDateTime);
  const file: ProjectFile = {
    ...emptyProjectFile(name, options.now),
    project: { name, description: projectDescriptionBeyondNotes(project.description?.trim() ?? '', notes), createdAt: created, modifiedAt: options.now },
    coders: ctx.coders,
    documents: docs.documents,
    codes: codes.codes,
    codings: docs.codings,
    memos,
    cases: cases.cases,
    variables: cases.variables,
    sets: cases.sets,
  };
  ctx.report.imported = {
    documents: file.documents.length,
    codes: file.codes.length,
    codings: file.codings.length,
    memos: file.memos.length,
    cases: file.cases.length,
    variables: file.variables.length,
    sets: file.sets.length,
    coders: file.coders.length,
  };
  const valid = validateProject(file);
  if (!valid.ok) {
    return err(`${fileName}: Gloss made an invalid project from it (${valid.error}); this is a bug in Gloss, please report it. Nothing was imported.`);
  }
  // Entities in id order, as every save writes them, so the new file is already canonical.
  return ok({ file: fileFromState(stateFromFile(valid.value)), report: ctx.report });
}
