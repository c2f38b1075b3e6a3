/**
 * REFI-QDA Notes as Gloss memos. A note is attached by a NoteRef (on the project, a code,
 * a source, a selection or a coding) or by a Link from or to it; Gloss memos belong to the
 * project, a document, a code or a coding, so a note on an uncoded passage becomes a
 * document memo that quotes the passage, and a note attached to nothing a project memo.
 */
import type { Memo, MemoTarget } from '../../model/schema';
import { short, type ImportContext } from './qdpx-import-context';
import type { ImportedCodes } from './qdpx-import-codes';
import type { ImportedDocuments } from './qdpx-import-documents';
import { normalGuid, type QdeProject, type QdeTextSource } from './qde-read';

/** A place a note is attached to. */
export interface NoteAnchor {
  /** The note's GUID as written. */
  note: string;
  target: MemoTarget;
  /** Words for messages: "code “Trust”". */
  about: string;
  /** The passage, when the note is about text that has no coding to hang on. */
  quote?: string;
}

/** The memo text for a note about a passage: the passage quoted, then the note. */
export function quotedPassage(quote: string, text: string): string {
  return `“${quote}”\n\n${text}`;
}

export function makeMemo(
  ctx: ImportContext,
  target: MemoTarget,
  title: string,
  text: string,
  user: string | null,
  time: string | null,
  guid: string | null = null,
): Memo {
  const createdAt = ctx.time(time);
  return {
    id: ctx.idFor('memos', guid, `Note “${short(title)}”`),
    target,
    title,
    text,
    coderId: ctx.coderFor(user),
    createdAt,
    modifiedAt: createdAt,
  };
}

/** Where a GUID (of a code, source, selection or coding) can hang a memo, or null. */
function anchorFor(guid: string, codes: ImportedCodes, docs: ImportedDocuments, note: string): NoteAnchor | null {
  const code = codes.byGuid.get(guid);
  if (code) return { note, target: { kind: 'code', id: code }, about: 'a code' };
  const document = docs.documentByGuid.get(guid);
  if (document) return { note, target: { kind: 'document', id: document }, about: 'a document' };
  const coding = docs.codingByGuid.get(guid);
  if (coding) return { note, target: { kind: 'coding', id: coding }, about: 'a coding' };
  const selection = docs.selectionByGuid.get(guid);
  if (selection) {
    const first = selection.codingIds[0];
    return first
      ? { note, target: { kind: 'coding', id: first }, about: 'a coded passage' }
      : { note, target: { kind: 'document', id: selection.documentId }, about: 'a passage', quote: selection.quote };
  }
  return null;
}

const sameTarget = (a: MemoTarget, b: MemoTarget) => a.kind === b.kind && (a.kind === 'project' || (b.kind !== 'project' && a.id === b.id));

/**
 * Memos for every note. `anchors` holds the NoteRefs met while importing codes and
 * documents; project NoteRefs and Links are read here. `noteText` gives a note's text
 * (its PlainTextContent or its file in the archive).
 */
export function importNotes(
  ctx: ImportContext,
  project: QdeProject,
  noteText: (note: QdeTextSource) => string | null,
  anchors: readonly NoteAnchor[],
  codes: ImportedCodes,
  docs: ImportedDocuments,
): Memo[] {
  // A note without a GUID, or with one an earlier note has, cannot be pointed at; it still
  // becomes a memo (on the project), under a key no GUID can match.
  const notes = new Map<string, QdeTextSource>();
  project.notes.forEach((note, i) => {
    const guid = normalGuid(note.guid);
    notes.set(guid && !notes.has(guid) ? guid : `#${i}`, note);
  });
  const byNote = new Map<string, NoteAnchor[]>();
  let dangling = 0;
  const attach = (anchor: NoteAnchor) => {
    const guid = normalGuid(anchor.note);
    if (!guid || !notes.has(guid)) {
      dangling++;
      return;
    }
    const list = byNote.get(guid) ?? [];
    if (!list.some((a) => sameTarget(a.target, anchor.target))) list.push(anchor);
    byNote.set(guid, list);
  };
  for (const anchor of anchors) attach(anchor);
  for (const note of project.noteRefs) attach({ note, target: { kind: 'project' }, about: 'the project' });
  if (dangling > 0) {
    ctx.warn(`${dangling} note reference${dangling === 1 ? ' points' : 's point'} to no note in the file; ${dangling === 1 ? 'it was' : 'they were'} ignored.`);
  }

  let otherLinks = 0;
  for (const link of project.links) {
    const origin = normalGuid(link.originGUID);
    const target = normalGuid(link.targetGUID);
    const [note, other] = origin && notes.has(origin) ? [origin, target] : target && notes.has(target) ? [target, origin] : [null, null];
    const anchor = note && other ? anchorFor(other, codes, docs, note) : null;
    if (anchor) attach(anchor);
    else otherLinks++;
  }
  if (otherLinks > 0) {
    ctx.skip(`${otherLinks} link${otherLinks === 1 ? '' : 's'}`, 'Gloss keeps links only from a note to a code, document, passage or coding');
  }

  const memos: Memo[] = [];
  let copies = 0;
  let ownSelections = 0;
  for (const [guid, note] of notes) {
    const title = note.name?.trim() ?? '';
    let text = noteText(note);
    if (text === null) {
      ctx.warn(`Note “${short(title || guid)}”: its text was not found in the archive; the memo holds its title only.`);
      text = '';
    }
    if (note.description?.trim() && !text.trim()) text = note.description.trim();
    ownSelections += note.selections.length;
    const places = byNote.get(guid) ?? [{ note: guid, target: { kind: 'project' } as MemoTarget, about: 'the project' }];
    if (places.length > 1) copies++;
    places.forEach((place, i) => {
      const body = place.quote !== undefined ? quotedPassage(place.quote, text) : text;
      memos.push(makeMemo(ctx, place.target, title, body, note.creatingUser, note.creationDateTime, i === 0 ? note.guid : null));
    });
  }
  if (copies > 0) ctx.warn(`${copies} note${copies === 1 ? ' is' : 's are'} attached to several things; each place got its own copy of the memo.`);
  if (ownSelections > 0) ctx.skip(`${ownSelections} selection${ownSelections === 1 ? '' : 's'} inside notes`, 'Gloss does not code memos');
  return memos;
}
