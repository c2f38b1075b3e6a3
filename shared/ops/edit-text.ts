/**
 * Operations that change a document's text: editing it, and anonymising a name across
 * documents. Each is one Change that puts the new document and every coding whose stored
 * position or quote moved, so the generic invertChange undoes it exactly. Every coding is
 * re-anchored (see text/anchor.ts) and counted in the report; none is ever dropped.
 */
import type { Coding, GlossDocument } from '../model/schema';
import { codingsOfDocument, type Patch, type ProjectState } from '../model/state';
import { normalizeNewlines } from '../import/decode-text';
import { mapRanges, reanchor } from '../text/anchor';
import { applyReplacements, diffTexts, OffsetMap, type Replacement } from '../text/text-edit';
import { wholeWordOccurrences } from '../text/whole-word';
import { err, ok, type Result } from '../result';
import type { Planned } from './plan';
import type { AnonymiseRequest, EditDocumentTextRequest } from './requests';

/** What happened to the codings of an edited text, for the caller to tell the user. */
export interface EditReport {
  kept: number;
  moved: number;
  edited: number;
  unplaced: number;
  /** Occurrences replaced (anonymise only). */
  replacements?: number;
}

/** What an anonymise would do, without doing it. */
export interface AnonymisePreview {
  occurrences: number;
  /** Documents with at least one occurrence, by name. */
  documents: { id: string; name: string; occurrences: number }[];
  /** Codings whose passage contains an occurrence, so their text will change. */
  codingsTouched: number;
}

function emptyReport(): EditReport {
  return { kept: 0, moved: 0, edited: 0, unplaced: 0 };
}

const sameAnchor = (a: Coding, b: Coding) =>
  a.start === b.start && a.end === b.end && a.quote === b.quote && a.prefix === b.prefix && a.suffix === b.suffix && a.needsReview === b.needsReview;

/**
 * Patches that give `doc` the text `newText` (the old text with `replacements` applied) and
 * carry its structure and codings along; counts each coding's outcome into `report`.
 * `relabel` rewrites structure labels too (speaker names, for anonymising).
 */
function replaceTextPatches(
  state: ProjectState,
  doc: GlossDocument,
  replacements: Replacement[],
  newText: string,
  report: EditReport,
  relabel?: (label: string) => string,
): Patch[] {
  const edit = new OffsetMap(replacements);
  let structure = mapRanges(doc.structure, edit);
  if (relabel) structure = structure.map((r) => (r.label === undefined ? r : { ...r, label: relabel(r.label) }));
  const patches: Patch[] = [{ table: 'documents', op: 'put', value: { ...doc, text: newText, structure } }];
  for (const coding of codingsOfDocument(state, doc.id)) {
    const { status, ...anchor } = reanchor(coding, edit, newText);
    report[status]++;
    const moved: Coding = { ...coding, ...anchor };
    if (!sameAnchor(coding, moved)) patches.push({ table: 'codings', op: 'put', value: moved });
  }
  return patches;
}

/** Plans replacing a document's whole text (line endings normalised to LF). */
export function planEditDocumentText(state: ProjectState, request: EditDocumentTextRequest): Result<Planned> {
  const doc = state.documents.get(request.documentId);
  if (!doc) return err(`there is no document with id ${request.documentId}`);
  const text = normalizeNewlines(request.text);
  const label = `Edit the text of “${doc.name}”`;
  const report = emptyReport();
  if (text === doc.text) {
    report.kept = state.codingsByDocument.get(doc.id)?.size ?? 0;
    return ok({ label, change: { patches: [] }, created: {}, report });
  }
  const codings = state.codingsByDocument.get(doc.id)?.size ?? 0;
  if (text === '' && codings > 0) {
    return err(
      `the new text of “${doc.name}” is empty, which would leave its ${codings === 1 ? 'coding' : `${codings} codings`} ` +
        'with no words to stand on; remove the codings first, or delete the document',
    );
  }
  const patches = replaceTextPatches(state, doc, diffTexts(doc.text, text), text, report);
  return ok({ label, change: { patches }, created: {}, report });
}

/** The documents an anonymise request covers, in a stable order, or why there are none. */
function documentsInScope(state: ProjectState, request: AnonymiseRequest): Result<GlossDocument[]> {
  if (request.documentId !== undefined) {
    const doc = state.documents.get(request.documentId);
    return doc ? ok([doc]) : err(`there is no document with id ${request.documentId}`);
  }
  const all = [...state.documents.values()].sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  return ok(all);
}

/** The replacements anonymising `text` makes; an occurrence already equal to the placeholder is left alone. */
function anonymiseReplacements(text: string, request: AnonymiseRequest): Replacement[] {
  const placeholder = normalizeNewlines(request.placeholder);
  return wholeWordOccurrences(text, request.name, request.caseSensitive)
    .filter((o) => text.slice(o.start, o.end) !== placeholder)
    .map((o) => ({ ...o, text: placeholder }));
}

/**
 * Plans replacing every whole-word occurrence of a name with a placeholder, as one step.
 * Speaker names and other structure labels of those documents are anonymised with the text,
 * so the name does not survive beside it.
 */
export function planAnonymise(state: ProjectState, request: AnonymiseRequest): Result<Planned> {
  const docs = documentsInScope(state, request);
  if (!docs.ok) return docs;
  const report: EditReport = { ...emptyReport(), replacements: 0 };
  const patches: Patch[] = [];
  const relabel = (label: string) => applyReplacements(label, anonymiseReplacements(label, request));
  for (const doc of docs.value) {
    const replacements = anonymiseReplacements(doc.text, request);
    if (replacements.length === 0) continue;
    report.replacements! += replacements.length;
    patches.push(...replaceTextPatches(state, doc, replacements, applyReplacements(doc.text, replacements), report, relabel));
  }
  return ok({
    label: `Replace “${request.name}” with “${normalizeNewlines(request.placeholder)}”`,
    change: { patches },
    created: {},
    report,
  });
}

/** What planAnonymise would change: occurrences per document and codings whose text changes. */
export function previewAnonymise(state: ProjectState, request: AnonymiseRequest): Result<AnonymisePreview> {
  const docs = documentsInScope(state, request);
  if (!docs.ok) return docs;
  const preview: AnonymisePreview = { occurrences: 0, documents: [], codingsTouched: 0 };
  for (const doc of docs.value) {
    const replacements = anonymiseReplacements(doc.text, request);
    if (replacements.length === 0) continue;
    preview.occurrences += replacements.length;
    preview.documents.push({ id: doc.id, name: doc.name, occurrences: replacements.length });
    const edit = new OffsetMap(replacements);
    for (const coding of codingsOfDocument(state, doc.id)) {
      if (edit.touchesInside(coding.start, coding.end)) preview.codingsTouched++;
    }
  }
  return ok(preview);
}
