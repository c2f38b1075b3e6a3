/**
 * Inter-coder agreement on a project: for each code, one row per document that any of
 * the chosen coders coded with it, and one overall row (document null) that pools the
 * units of every document.
 *
 * Units, per code (see tally.ts for how they turn into statistics):
 * - 'char': every character of every document; a coder "codes" a character when any of
 *   their codings of the code covers it, so overlapping codings by one coder count once.
 *   The overall row pools every character of the project, so characters of documents
 *   nobody coded with the code count as agreed "neither": with every coder coding every
 *   document, leaving a document uncoded is a judgement too.
 * - 'document': every document that has text (an empty one cannot be coded); a coder
 *   "codes" it when they used the code in it at all.
 * - 'segment': coded segments matched across coders (segments.ts explains the units and
 *   why the chance-corrected statistics are null there).
 *
 * Percentage agreement is the share of units on which every chosen coder gave the same
 * answer (for two coders, (both + neither) / units). A document with no characters gives
 * no units, so its statistics are null (undefined), as are all statistics of a code with
 * no units at all. Rows come code by code in tree order, each code's overall row first,
 * then its documents by name.
 */
import { codePath, codeTree } from '../model/codes';
import type { Code, Coder, Coding } from '../model/schema';
import { err, ok, type Result } from '../result';
import { mergeSpans, spanLength, sweep, type Span } from './intervals';
import { segmentTally, segmentUnits } from './segments';
import {
  addTally,
  agreedUnits,
  emptyTally,
  percentAgreement,
  tallyAlpha,
  tallyCohen,
  tallyFleiss,
  type Tally,
} from './tally';
import type { AgreementCounts, AgreementRequest, AgreementResult, AgreementRow, AgreementUnit } from './types';

/** MAXQDA's default: two segments agree when they share 90 % of the longer one. */
export const DEFAULT_MIN_OVERLAP = 0.9;

export interface AgreementProgress {
  done: number;
  total: number;
}

/** What agreement reads of a coding: who coded what where. */
export type AgreementCoding = Pick<Coding, 'documentId' | 'codeId' | 'coderId' | 'start' | 'end'>;

/**
 * What agreement reads of a document: its name and how long its text is (in UTF-16 code
 * units, as offsets count); a host may pass the length alone (the task worker does),
 * since the text itself is never read.
 */
export interface AgreementDocument {
  id: string;
  name: string;
  text: { readonly length: number };
}

/** The parts of a project agreement reads (a ProjectState is one). */
export interface AgreementState {
  coders: ReadonlyMap<string, Coder>;
  codes: ReadonlyMap<string, Code>;
  documents: ReadonlyMap<string, AgreementDocument>;
  codings: ReadonlyMap<string, AgreementCoding>;
}

/** The coders who coded anything, by name: the default comparison. */
export function codersWithCodings(state: Pick<AgreementState, 'coders' | 'codings'>): string[] {
  const used = new Set<string>();
  for (const coding of state.codings.values()) used.add(coding.coderId);
  return [...state.coders.values()]
    .filter((c) => used.has(c.id))
    .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1))
    .map((c) => c.id);
}

interface Plan {
  coderIds: string[];
  coderLabels: string[];
  codeIds: string[];
  unit: AgreementUnit;
  minOverlap: number;
}

function plan(state: AgreementState, request: AgreementRequest): Result<Plan> {
  const minOverlap = request.minOverlap ?? DEFAULT_MIN_OVERLAP;
  if (!(minOverlap > 0 && minOverlap <= 1)) return err(`the minimum overlap must be more than 0 and at most 1 (90 % is 0.9), not ${minOverlap}`);
  const coderIds = request.coderIds ?? codersWithCodings(state);
  for (const id of coderIds) if (!state.coders.has(id)) return err(`this project has no coder with id ${id}`);
  if (new Set(coderIds).size !== coderIds.length) return err('a coder is named twice; choose each coder once');
  if (coderIds.length < 2) {
    const names = coderIds.map((id) => state.coders.get(id)!.name);
    return err(
      request.coderIds
        ? 'agreement needs at least two coders; choose two or more'
        : names.length === 0
          ? 'agreement needs codings by at least two coders, and nobody has coded anything in this project yet'
          : `agreement needs codings by at least two coders, and only ${names[0]} has coded in this project; merge the other coders' copies first`,
    );
  }
  const codeIds = request.codeIds ? [...new Set(request.codeIds)] : codeTree(state.codes.values()).filter(({ code }) => code.codable).map(({ code }) => code.id);
  for (const id of codeIds) if (!state.codes.has(id)) return err(`this project has no code with id ${id}`);
  return ok({ coderIds, coderLabels: coderLabels(state, coderIds), codeIds, unit: request.unit, minOverlap });
}

/** Coder names for the rows; two coders who share a name are told apart by their ids. */
function coderLabels(state: AgreementState, coderIds: readonly string[]): string[] {
  const names = coderIds.map((id) => state.coders.get(id)!.name);
  return names.map((name, i) => (names.indexOf(name) === names.lastIndexOf(name) ? name : `${name} (${coderIds[i]!.slice(0, 8)})`));
}

/**
 * The chosen coders' codings of the chosen codes as spans, by code, document and coder.
 * One pass over all codings in table order: much faster than looking each coding up by
 * id from the per-code index (100,000 random Map lookups cost more than the statistics).
 */
function groupCodings(state: AgreementState, codeIds: readonly string[], coderIndex: Map<string, number>): Map<string, Map<string, Span[][]>> {
  const byCode = new Map<string, Map<string, Span[][]>>(codeIds.map((id) => [id, new Map()]));
  for (const coding of state.codings.values()) {
    const coder = coderIndex.get(coding.coderId);
    if (coder === undefined) continue;
    const byDocument = byCode.get(coding.codeId);
    if (!byDocument) continue;
    let perCoder = byDocument.get(coding.documentId);
    if (!perCoder) byDocument.set(coding.documentId, (perCoder = Array.from({ length: coderIndex.size }, () => [])));
    // The coding itself is a span (start, end); mergeSpans copies what it keeps.
    perCoder[coder]!.push(coding);
  }
  return byCode;
}

/** The character tally of one document of `length` characters; `perCoder` merged. */
function charTally(perCoder: readonly Span[][], length: number): Tally {
  const tally = emptyTally(perCoder.length);
  tally.units = length;
  let covered = 0;
  sweep(perCoder, (start, end, _active, yes) => {
    tally.byYes[yes]! += end - start;
    covered += end - start;
  });
  tally.byYes[0] = length - covered;
  perCoder.forEach((spans, i) => (tally.codedBy[i] = spanLength(spans)));
  return tally;
}

function documentTally(perCoder: readonly Span[][]): Tally {
  const tally = emptyTally(perCoder.length);
  tally.units = 1;
  let yes = 0;
  perCoder.forEach((spans, i) => {
    if (spans.length === 0) return;
    tally.codedBy[i] = 1;
    yes++;
  });
  tally.byYes[yes] = 1;
  return tally;
}

function counts(tally: Tally, labels: readonly string[]): AgreementCounts {
  const out: AgreementCounts = { units: tally.units };
  if (labels.length === 2) {
    const both = tally.byYes[2]!;
    out.both = both;
    out.only_first = tally.codedBy[0]! - both;
    out.only_second = tally.codedBy[1]! - both;
    out.neither = tally.byYes[0]!;
  } else {
    out.units_by_coder_count = [...tally.byYes];
  }
  out.agreed = agreedUnits(tally);
  const codedBy: Record<string, number> = {};
  for (let i = 0; i < labels.length; i++) codedBy[labels[i]!] = tally.codedBy[i]!;
  out.coded_by = codedBy;
  return out;
}

function row(
  p: Plan,
  code: { id: string; path: string },
  document: { id: string; name: string } | null,
  tally: Tally,
): AgreementRow {
  // Segment units have no "neither", so chance agreement is not defined (segments.ts).
  const chanceCorrected = p.unit !== 'segment';
  return {
    code: code.path,
    code_id: code.id,
    document: document?.name ?? null,
    document_id: document?.id ?? null,
    unit: p.unit,
    // One array shared by every row: rows are read and serialised, never changed.
    coders: p.coderLabels,
    percent_agreement: percentAgreement(tally),
    cohen_kappa: chanceCorrected ? tallyCohen(tally) : null,
    fleiss_kappa: chanceCorrected ? tallyFleiss(tally) : null,
    krippendorff_alpha: chanceCorrected ? tallyAlpha(tally) : null,
    counts: counts(tally, p.coderLabels),
  };
}

/**
 * The agreement computation one code at a time: yields progress after each code and
 * returns the result, so a host can report progress and let other work run in between.
 */
export function* agreementSteps(state: AgreementState, request: AgreementRequest): Generator<AgreementProgress, Result<AgreementResult>> {
  const planned = plan(state, request);
  if (!planned.ok) return planned;
  const p = planned.value;
  const m = p.coderIds.length;
  const coderIndex = new Map(p.coderIds.map((id, i) => [id, i]));
  const documents = [...state.documents.values()];
  const textDocuments = documents.filter((d) => d.text.length > 0);
  const totalCharacters = textDocuments.reduce((sum, d) => sum + d.text.length, 0);
  // Documents are listed by name; ranking them once keeps localeCompare (slow, and called
  // n·log n times per code otherwise) out of the loop over codes.
  const rank = new Map(
    documents
      .slice()
      .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1))
      .map((d, i) => [d.id, i]),
  );

  const grouped = groupCodings(state, p.codeIds, coderIndex);
  const rows: AgreementRow[] = [];
  for (const [done, codeId] of p.codeIds.entries()) {
    const code = { id: codeId, path: codePath(state, codeId) };
    const overall = emptyTally(m);
    const documentRows: AgreementRow[] = [];
    const coded = [...grouped.get(codeId)!]
      .map(([id, spans]) => ({ doc: state.documents.get(id), rank: rank.get(id) ?? 0, spans }))
      .filter((entry) => entry.doc !== undefined)
      .sort((x, y) => x.rank - y.rank);
    for (const { doc, spans } of coded) {
      const length = doc!.text.length;
      const merged = spans.map((s) => mergeSpans(s, length));
      // Codings whose offsets fall outside the text (a corrupted file) cover nothing.
      if (merged.every((s) => s.length === 0)) continue;
      const tally =
        p.unit === 'char' ? charTally(merged, length) : p.unit === 'document' ? documentTally(merged) : segmentTally(segmentUnits(merged, p.minOverlap), m);
      addTally(overall, tally);
      documentRows.push(row(p, code, { id: doc!.id, name: doc!.name }, tally));
    }
    // The units no chosen coder touched: every uncoded character, every uncoded document.
    if (p.unit !== 'segment') {
      const all = p.unit === 'char' ? totalCharacters : textDocuments.length;
      overall.byYes[0]! += all - overall.units;
      overall.units = all;
    }
    rows.push(row(p, code, null, overall), ...documentRows);
    yield { done: done + 1, total: p.codeIds.length };
  }
  return ok({ request: { unit: p.unit, minOverlap: p.minOverlap, coderIds: p.coderIds }, rows });
}

/** Inter-coder agreement, all at once. */
export function computeAgreement(state: AgreementState, request: AgreementRequest): Result<AgreementResult> {
  const steps = agreementSteps(state, request);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
