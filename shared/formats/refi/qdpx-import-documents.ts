/**
 * Text sources as Gloss documents, and their selections and codings as Gloss codings with
 * positions mapped to LF-only UTF-16 offsets. A selection whose positions fall outside its
 * text, or inside a surrogate pair or a CRLF, is listed in the report and not imported:
 * moving it would code a passage nobody chose. So is a selection with no coding, no comment
 * and no note (ATLAS.ti's free quotation): Gloss keeps passages only as codings.
 */
import type { Coding, GlossDocument } from '../../model/schema';
import type { PendingDescription } from './memo-descriptions';
import { quoteAt } from '../../text/quote';
import { positionMapper, type MappedPosition, type PositionScheme, type StoredText } from './positions-in';
import { short, type ImportContext } from './qdpx-import-context';
import type { ImportedCodes } from './qdpx-import-codes';
import { quotedPassage, type NoteAnchor } from './qdpx-import-notes';
import { normalGuid, type QdeCoding, type QdeSelection, type QdeTextSource } from './qde-read';
import { plural } from '../../plural';

/** A text source whose text was found. */
export interface LoadedText {
  source: QdeTextSource;
  stored: StoredText;
  /** The stored file's name and bytes, recorded as the document's source. */
  fileName: string;
  bytes: Uint8Array;
}

/** Where an imported selection landed, for notes and links that point at it. */
export interface SelectionPlace {
  documentId: string;
  quote: string;
  codingIds: string[];
}

export interface ImportedDocuments {
  documents: GlossDocument[];
  codings: Coding[];
  /** Descriptions of sources and selections, made memos once the Notes are read (memo-descriptions.ts). */
  descriptions: PendingDescription[];
  /** Normalised GUID → id, for sources, selections and codings. */
  documentByGuid: Map<string, string>;
  selectionByGuid: Map<string, SelectionPlace>;
  codingByGuid: Map<string, string>;
}

const SPLIT_REASON: Record<Exclude<MappedPosition, { ok: true }>['reason'], string> = {
  outside: 'its position lies outside the text',
  surrogate: 'its position splits a character (an emoji or other character outside the Basic Multilingual Plane) in two',
  crlf: 'its position falls between the two characters of a Windows line break (CR LF)',
};


export function importDocuments(
  ctx: ImportContext,
  texts: readonly LoadedText[],
  scheme: PositionScheme,
  codes: ImportedCodes,
  anchors: NoteAnchor[],
  sha256: (bytes: Uint8Array) => string,
): ImportedDocuments {
  const out: ImportedDocuments = {
    documents: [],
    codings: [],
    descriptions: [],
    documentByGuid: new Map(),
    selectionByGuid: new Map(),
    codingByGuid: new Map(),
  };
  const unknownCodes = new Map<string, number>();
  let folderCodings = 0;
  let commentsOnUncoded = 0;
  /** Selections of the current text that carry nothing Gloss can keep (no coding, comment or note). */
  let freeSelections = 0;
  const folders = new Set(codes.codes.filter((c) => !c.codable).map((c) => c.id));

  const addCoding = (doc: GlossDocument, start: number, end: number, qc: QdeCoding, fallback: { user: string | null; time: string | null }, where: string): string | null => {
    const code = normalGuid(qc.codeRef);
    const codeId = code ? codes.byGuid.get(code) : undefined;
    if (!codeId) {
      unknownCodes.set(where, (unknownCodes.get(where) ?? 0) + 1);
      return null;
    }
    if (folders.has(codeId)) folderCodings++;
    const coding: Coding = {
      id: ctx.idFor('codings', qc.guid, `A coding in “${short(doc.name)}”`),
      documentId: doc.id,
      codeId,
      coderId: ctx.coderFor(qc.creatingUser ?? fallback.user),
      start,
      end,
      ...quoteAt(doc.text, start, end),
      createdAt: ctx.time(qc.creationDateTime ?? fallback.time),
      needsReview: false,
    };
    out.codings.push(coding);
    const guid = normalGuid(qc.guid);
    if (guid && !out.codingByGuid.has(guid)) out.codingByGuid.set(guid, coding.id);
    for (const note of qc.noteRefs) anchors.push({ note, target: { kind: 'coding', id: coding.id }, about: `a coding in “${short(doc.name)}”` });
    return coding.id;
  };

  for (const loaded of texts) {
    const { source, stored } = loaded;
    const name = source.name?.trim() || loaded.fileName.replace(/\.[^.]*$/, '') || 'Untitled document';
    const doc: GlossDocument = {
      id: ctx.idFor('documents', source.guid, `Document “${short(name)}”`),
      name,
      text: stored.text,
      createdAt: ctx.time(source.creationDateTime),
      source: { fileName: loaded.fileName, type: 'text/plain', size: loaded.bytes.length, sha256: sha256(loaded.bytes) },
      attributes: {},
      structure: [],
    };
    out.documents.push(doc);
    const guid = normalGuid(source.guid);
    if (guid && !out.documentByGuid.has(guid)) out.documentByGuid.set(guid, doc.id);
    for (const note of source.noteRefs) anchors.push({ note, target: { kind: 'document', id: doc.id }, about: `document “${short(name)}”` });
    if (source.description?.trim()) {
      out.descriptions.push({ target: { kind: 'document', id: doc.id }, title: 'Description', text: source.description.trim(), user: source.creatingUser, time: source.creationDateTime });
    }

    const map = positionMapper(stored, scheme);
    freeSelections = 0;
    for (const sel of source.selections) importSelection(doc, sel, map);
    if (freeSelections > 0) {
      ctx.skip(`${plural(freeSelections, 'selection')} without a code in “${short(name)}”`, 'Gloss keeps a passage only as a coding; its text is in the document');
    }

    // Source-level codings code the whole document.
    for (const qc of source.codings) {
      if (doc.text.length === 0) {
        ctx.skip(`a whole-document coding of “${short(name)}”`, 'the document is empty', 1);
        continue;
      }
      addCoding(doc, 0, doc.text.length, qc, { user: source.creatingUser, time: source.creationDateTime }, `“${short(name)}”`);
    }
  }

  function importSelection(doc: GlossDocument, sel: QdeSelection, map: (p: number) => MappedPosition): void {
    const label = `selection ${sel.start}–${sel.end}${sel.name ? ` “${short(sel.name)}”` : ''} in “${short(doc.name)}”`;
    const codingCount = sel.codings.length;
    if (!Number.isFinite(sel.start) || !Number.isFinite(sel.end)) {
      ctx.skip(label, 'its start or end position is missing or not a number', codingCount);
      return;
    }
    const a = map(sel.start);
    const b = map(sel.end);
    if (!a.ok || !b.ok) {
      ctx.skip(label, SPLIT_REASON[(!a.ok ? a : (b as Exclude<MappedPosition, { ok: true }>)).reason], codingCount);
      return;
    }
    if (b.offset <= a.offset) {
      ctx.skip(label, b.offset === a.offset ? 'it is empty' : 'it ends before it starts', codingCount);
      return;
    }
    if (sel.codings.length === 0 && !sel.description?.trim() && sel.noteRefs.length === 0) freeSelections++;
    const codingIds: string[] = [];
    for (const qc of sel.codings) {
      const id = addCoding(doc, a.offset, b.offset, qc, { user: sel.creatingUser, time: sel.creationDateTime }, `“${short(doc.name)}”`);
      if (id) codingIds.push(id);
    }
    const quote = doc.text.slice(a.offset, b.offset);
    const guid = normalGuid(sel.guid);
    if (guid && !out.selectionByGuid.has(guid)) out.selectionByGuid.set(guid, { documentId: doc.id, quote, codingIds });
    const firstCoding = codingIds[0];
    for (const note of sel.noteRefs) {
      anchors.push(
        firstCoding
          ? { note, target: { kind: 'coding', id: firstCoding }, about: `a coded passage in “${short(doc.name)}”` }
          : { note, target: { kind: 'document', id: doc.id }, about: `a passage in “${short(doc.name)}”`, quote },
      );
    }
    const description = sel.description?.trim();
    if (description) {
      // ATLAS.ti quotation comments and MAXQDA comments arrive as a selection's Description.
      if (firstCoding) {
        out.descriptions.push({ target: { kind: 'coding', id: firstCoding }, title: 'Comment', text: description, user: sel.creatingUser, time: sel.creationDateTime });
      } else {
        out.descriptions.push({ target: { kind: 'document', id: doc.id }, title: `Comment on “${short(quote, 30)}”`, text: quotedPassage(quote, description), user: sel.creatingUser, time: sel.creationDateTime });
        commentsOnUncoded++;
      }
    }
  }

  for (const [where, n] of unknownCodes) ctx.skip(`${plural(n, 'coding')} in ${where}`, 'they refer to a code that is not in the codebook', n);
  if (folderCodings > 0) ctx.warn(`${plural(folderCodings, 'coding')} apply a code marked as not codable (a folder); they were imported as they are.`);
  if (commentsOnUncoded > 0) {
    ctx.warn(`${plural(commentsOnUncoded, 'comment')} on passages without a code became document memos quoting the passage (Gloss memos belong to a project, document, code or coding).`);
  }
  return out;
}
