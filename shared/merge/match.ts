/**
 * Matching another copy's entities to ours when their ids differ: a document imported on
 * both sides from the same source (same sha256, else the same text), a code created on
 * both sides under the same path of names. The other copy is then rewritten into our ids,
 * so the merge itself only ever compares entities by id.
 */
import { codePathNames } from '../model/codes';
import type { Code, GlossDocument, ProjectFile } from '../model/schema';

/** Other id → our id, for the entities matched by content. */
export interface IdMatches {
  documents: Map<string, string>;
  codes: Map<string, string>;
}

/** Separates names in a path key; a code name cannot hold it in any sane file. */
const PATH_SEPARATOR = '\u0000';

/** The path of names from the top down to each code, as one key. */
function codePathKeys(codes: readonly Code[]): Map<string, string> {
  const state = { codes: new Map(codes.map((c) => [c.id, c])) };
  return new Map(codes.map((c) => [c.id, codePathNames(state, c.id).join(PATH_SEPARATOR)]));
}

/** Takes the first unused candidate from a key's list. */
function take<V>(index: Map<string, V[]>, key: string): V | undefined {
  const list = index.get(key);
  return list?.shift();
}

function push<V>(index: Map<string, V[]>, key: string, value: V): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

/**
 * Documents and codes of `other` whose ids ours lacks, matched one to one with ours'
 * documents and codes whose ids `other` lacks. Entities present on both sides by id are
 * never matched again by content.
 */
export function matchByContent(ours: ProjectFile, other: ProjectFile): IdMatches {
  return { documents: matchDocuments(ours.documents, other.documents), codes: matchCodes(ours.codes, other.codes) };
}

function matchDocuments(ours: readonly GlossDocument[], other: readonly GlossDocument[]): Map<string, string> {
  const matches = new Map<string, string>();
  const oursIds = new Set(ours.map((d) => d.id));
  const otherIds = new Set(other.map((d) => d.id));
  const unmatched = other.filter((d) => !oursIds.has(d.id));
  if (unmatched.length === 0) return matches;
  const bySha = new Map<string, GlossDocument[]>();
  const byText = new Map<string, GlossDocument[]>();
  for (const doc of ours) {
    if (otherIds.has(doc.id)) continue;
    if (doc.source) push(bySha, doc.source.sha256, doc);
    push(byText, doc.text, doc);
  }
  const used = new Set<string>();
  const free = (doc: GlossDocument | undefined) => (doc && !used.has(doc.id) ? doc : undefined);
  for (const doc of unmatched) {
    let match: GlossDocument | undefined;
    // The same source file is the same document even when one side has since edited its text.
    if (doc.source) while (!match && bySha.get(doc.source.sha256)?.length) match = free(take(bySha, doc.source.sha256));
    while (!match && byText.get(doc.text)?.length) match = free(take(byText, doc.text));
    if (!match) continue;
    used.add(match.id);
    matches.set(doc.id, match.id);
  }
  return matches;
}

function matchCodes(ours: readonly Code[], other: readonly Code[]): Map<string, string> {
  const matches = new Map<string, string>();
  const oursIds = new Set(ours.map((c) => c.id));
  const otherIds = new Set(other.map((c) => c.id));
  const unmatched = other.filter((c) => !oursIds.has(c.id));
  if (unmatched.length === 0) return matches;
  const oursKeys = codePathKeys(ours);
  const otherKeys = codePathKeys(other);
  const byPath = new Map<string, string[]>();
  for (const code of ours) if (!otherIds.has(code.id)) push(byPath, oursKeys.get(code.id)!, code.id);
  for (const code of unmatched) {
    const match = take(byPath, otherKeys.get(code.id)!);
    if (match) matches.set(code.id, match);
  }
  return matches;
}

/** `file` with the matched ids replaced by ours, everywhere they are referred to. */
export function remapFile(file: ProjectFile, matches: IdMatches): ProjectFile {
  const { documents: docs, codes } = matches;
  if (docs.size === 0 && codes.size === 0) return file;
  const doc = (id: string) => docs.get(id) ?? id;
  const code = (id: string) => codes.get(id) ?? id;
  return {
    ...file,
    documents: file.documents.map((d) => (docs.has(d.id) ? { ...d, id: doc(d.id) } : d)),
    codes: file.codes.map((c) => {
      const moved = codes.has(c.id) || (c.parentId !== null && codes.has(c.parentId)) ? { ...c, id: code(c.id), parentId: c.parentId === null ? null : code(c.parentId) } : c;
      // Dismissed suggestions name the document they were in.
      return moved.dismissed?.some((d) => docs.has(d.documentId)) ? { ...moved, dismissed: moved.dismissed.map((d) => ({ ...d, documentId: doc(d.documentId) })) } : moved;
    }),
    codings: file.codings.map((c) => (docs.has(c.documentId) || codes.has(c.codeId) ? { ...c, documentId: doc(c.documentId), codeId: code(c.codeId) } : c)),
    memos: file.memos.map((m) => {
      const target = m.target;
      if (target.kind === 'document' && docs.has(target.id)) return { ...m, target: { kind: 'document', id: doc(target.id) } };
      if (target.kind === 'code' && codes.has(target.id)) return { ...m, target: { kind: 'code', id: code(target.id) } };
      return m;
    }),
    cases: file.cases.map((c) => (c.documentIds.some((id) => docs.has(id)) ? { ...c, documentIds: c.documentIds.map(doc) } : c)),
    sets: file.sets.map((s) => {
      const map = s.kind === 'documents' ? doc : code;
      const table = s.kind === 'documents' ? docs : codes;
      return s.memberIds.some((id) => table.has(id)) ? { ...s, memberIds: s.memberIds.map(map) } : s;
    }),
  };
}
