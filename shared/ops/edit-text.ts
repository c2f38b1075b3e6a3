/**
 * Operations that change a document's text: editing it, and anonymising a name across
 * documents. Each is one Change that puts the new document and every coding whose stored
 * position or quote moved, so the generic invertChange undoes it exactly. Every coding is
 * re-anchored (see text/anchor.ts) and counted in the report; none is ever dropped.
 */
import type { Coding, GlossDocument, StructureRange } from '../model/schema';
import { codingsOfDocument, type Patch, type ProjectState } from '../model/state';
import { normalizeNewlines } from '../import/decode-text';
import { mapRanges, reanchor, type Anchor } from '../text/anchor';
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
 * When anonymising, the replacements are exact (not a diff's guess), and `scrub` rewrites the
 * text kept beside the document too: structure labels (speaker names), and the old quote and
 * context a coding waiting for review holds on to.
 */
function replaceTextPatches(
  state: ProjectState,
  doc: GlossDocument,
  replacements: Replacement[],
  newText: string,
  report: EditReport,
  anonymising?: { scrub: (text: string) => string },
): Patch[] {
  const scrub = anonymising?.scrub;
  const edit = new OffsetMap(replacements);
  const structure = mapRanges(doc.structure, edit);
  const patches: Patch[] = [
    { table: 'documents', op: 'put', value: { ...doc, text: newText, structure: scrub ? scrubLabels(structure, scrub) : structure } },
  ];
  for (const coding of codingsOfDocument(state, doc.id)) {
    const { status, ...placed } = reanchor(coding, edit, newText, { exactEdit: anonymising !== undefined });
    report[status]++;
    const moved: Coding = { ...coding, ...(scrub ? scrubReviewQuote(placed, scrub) : placed) };
    if (!sameAnchor(coding, moved)) patches.push({ table: 'codings', op: 'put', value: moved });
  }
  return patches;
}

function scrubLabels(structure: StructureRange[], scrub: (text: string) => string): StructureRange[] {
  return structure.map((r) => {
    const label = r.label === undefined ? undefined : scrub(r.label);
    return label === r.label ? r : { ...r, label };
  });
}

/**
 * A coding waiting for review holds on to the quote and context of the text it was made
 * on, not the current text's; when anonymising, the name must not survive there either.
 */
function scrubReviewQuote<A extends Anchor>(anchor: A, scrub: (text: string) => string): A {
  if (!anchor.needsReview) return anchor;
  return { ...anchor, quote: scrub(anchor.quote), prefix: scrub(anchor.prefix), suffix: scrub(anchor.suffix) };
}

/** Anonymises what a document without occurrences in its text may still hold: labels and review quotes. */
function scrubPatches(state: ProjectState, doc: GlossDocument, scrub: (text: string) => string): Patch[] {
  const patches: Patch[] = [];
  const structure = scrubLabels(doc.structure, scrub);
  if (structure.some((r, i) => r !== doc.structure[i])) patches.push({ table: 'documents', op: 'put', value: { ...doc, structure } });
  for (const coding of codingsOfDocument(state, doc.id)) {
    const scrubbed = scrubReviewQuote(coding, scrub);
    if (!sameAnchor(coding, scrubbed)) patches.push({ table: 'codings', op: 'put', value: scrubbed });
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
 * Speaker names and other structure labels of those documents, and the stored quotes of
 * codings waiting for review, are anonymised with the text, so the name survives nowhere.
 */
export function planAnonymise(state: ProjectState, request: AnonymiseRequest): Result<Planned> {
  const docs = documentsInScope(state, request);
  if (!docs.ok) return docs;
  const report: EditReport = { ...emptyReport(), replacements: 0 };
  const patches: Patch[] = [];
  const scrub = (text: string) => applyReplacements(text, anonymiseReplacements(text, request));
  for (const doc of docs.value) {
    const replacements = anonymiseReplacements(doc.text, request);
    if (replacements.length === 0) {
      patches.push(...scrubPatches(state, doc, scrub));
      continue;
    }
    report.replacements! += replacements.length;
    patches.push(...replaceTextPatches(state, doc, replacements, applyReplacements(doc.text, replacements), report, { scrub }));
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
