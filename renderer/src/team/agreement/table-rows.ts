/**
 * The agreement table as data: rows grouped per code (the overall row and its per-document
 * rows), sorted by a column, statistics formatted so that undefined stays "undefined", and
 * the table as CSV. No DOM here, so it is tested in Node.
 */
import type { AgreementRow, AgreementUnit } from '../../../../shared/agreement/types';
import { toCsv, type CsvOptions } from '../../../../shared/export/csv';
import { fixed } from '../../../../shared/text/fixed';

/** Names compare as localeCompare does; one collator is much faster than a call per comparison (tens of thousands of rows). */
const names = new Intl.Collator();

export type SortKey =
  | 'code'
  | 'document'
  | 'units'
  | 'percent'
  | 'cohen'
  | 'fleiss'
  | 'alpha'
  | 'both'
  | 'only_first'
  | 'only_second'
  | 'neither'
  | 'agreed';

export interface Sort {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

export interface CodeGroup {
  codeId: string;
  /** The code's row over all documents; null if the host sent none. */
  overall: AgreementRow | null;
  documents: AgreementRow[];
}

/** Rows by code, in the order the host sent the codes. */
export function groupRows(rows: readonly AgreementRow[]): CodeGroup[] {
  const groups = new Map<string, CodeGroup>();
  for (const row of rows) {
    let group = groups.get(row.code_id);
    if (!group) groups.set(row.code_id, (group = { codeId: row.code_id, overall: null, documents: [] }));
    if (row.document_id === null) group.overall = row;
    else group.documents.push(row);
  }
  return [...groups.values()];
}

/** The value a column sorts by; null sorts last whichever the direction. */
export function sortValue(row: AgreementRow, key: SortKey): string | number | null {
  switch (key) {
    case 'code':
      return row.code;
    case 'document':
      return row.document ?? '';
    case 'units':
      return row.counts.units;
    case 'percent':
      return row.percent_agreement;
    case 'cohen':
      return row.cohen_kappa;
    case 'fleiss':
      return row.fleiss_kappa;
    case 'alpha':
      return row.krippendorff_alpha;
    default:
      return row.counts[key] ?? null;
  }
}

function compareRows(a: AgreementRow, b: AgreementRow, sort: Sort): number {
  const x = sortValue(a, sort.key);
  const y = sortValue(b, sort.key);
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  const order = typeof x === 'string' || typeof y === 'string' ? names.compare(String(x), String(y)) : x - y;
  return sort.direction === 'ascending' ? order : -order;
}

/** Tie-break on code then document name, so equal values keep a stable, readable order. */
function byNames(a: AgreementRow, b: AgreementRow): number {
  return names.compare(a.code, b.code) || names.compare(a.document ?? '', b.document ?? '');
}

/**
 * Groups sorted by their overall rows, and each group's documents by the same column: only
 * the groups `withDocuments` picks (the open ones; tens of thousands of document rows on a
 * big project, most of them hidden); the others keep theirs as they were.
 */
export function sortGroups(groups: readonly CodeGroup[], sort: Sort, withDocuments: (group: CodeGroup) => boolean = () => true): CodeGroup[] {
  const rowOf = (g: CodeGroup) => g.overall ?? g.documents[0]!;
  return [...groups]
    .filter((g) => g.overall || g.documents.length > 0)
    .sort((a, b) => compareRows(rowOf(a), rowOf(b), sort) || byNames(rowOf(a), rowOf(b)))
    .map((g) => (withDocuments(g) ? { ...g, documents: [...g.documents].sort((a, b) => compareRows(a, b, sort) || byNames(a, b)) } : g));
}

/** Clicking a column header: the same column flips direction; a new one starts ascending for names, descending for numbers. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'code' || key === 'document' ? 'ascending' : 'descending' };
}

/** A statistic for the table, or null when it is undefined or not applicable (the caller says which). */
export function formatStatistic(value: number | null, kind: 'percent' | 'coefficient'): string | null {
  if (value === null) return null;
  const text = kind === 'percent' ? `${fixed(value * 100, 1)} %` : fixed(value, 3);
  // A true minus sign: a hyphen before a number reads as a dash.
  return text.replace(/^-/, '\u2212');
}

export type StatisticKey = 'percent' | 'cohen' | 'fleiss' | 'alpha';

/** Why a statistic has no value: not applicable (Cohen's κ with three coders), or undefined and why. */
export function missingReason(row: AgreementRow, key: StatisticKey): { text: 'undefined' | 'n/a'; why: string } {
  if (key === 'cohen' && row.coders.length > 2) {
    return { text: 'n/a', why: 'Cohen’s κ compares exactly two coders; see Fleiss’ κ and Krippendorff’s α for more.' };
  }
  if (row.unit === 'segment' && key !== 'percent') {
    return {
      text: 'n/a',
      why:
        'Not applicable to segments: no segment is one that both coders left uncoded, so chance agreement cannot be estimated and a κ or α here could never be positive. Compare by character or by document for chance-corrected figures.',
    };
  }
  if (row.counts.units === 0) return { text: 'undefined', why: 'Undefined: there are no units to compare.' };
  if (key === 'percent') return { text: 'undefined', why: 'Undefined: there are no units to compare.' };
  return {
    text: 'undefined',
    why: 'Undefined: no variation. Every unit got the same answer from every coder, so chance agreement is 1 and the statistic divides by zero.',
  };
}

export const UNIT_NAMES: Record<AgreementUnit, string> = { char: 'Character', segment: 'Segment', document: 'Document' };

/** The rule behind the unit, in one line for the view. */
export function unitRule(unit: AgreementUnit, minOverlap: number): string {
  switch (unit) {
    case 'char':
      return 'Unit: each character of a document, coded with the code or not by each coder (a coder’s overlapping codings of one code count once).';
    case 'segment':
      return `Unit: each coded segment. Two coders’ codings agree when they overlap by at least ${Math.round(minOverlap * 100)} % of the longer one (as MAXQDA does).`;
    case 'document':
      return 'Unit: each document, whether each coder used the code in it at all.';
  }
}

/** Label of the overall row's document cell. */
export const ALL_DOCUMENTS = 'All documents';

/**
 * The table as CSV (all rows, overall rows first per code); empty cells where a value is
 * undefined. Names a spreadsheet would run as a formula get a leading ' unless `options.raw`.
 */
export function agreementCsv(rows: readonly AgreementRow[], options: CsvOptions = {}): string {
  const header = [
    'code',
    'document',
    'unit',
    'coders',
    'percent_agreement',
    'cohen_kappa',
    'fleiss_kappa',
    'krippendorff_alpha',
    'units',
    'both',
    'only_first',
    'only_second',
    'neither',
    'agreed',
  ];
  const cell = (v: number | null | undefined) => (v === null || v === undefined ? '' : v);
  const ordered = groupRows(rows).flatMap((g) => (g.overall ? [g.overall, ...g.documents] : g.documents));
  return toCsv(
    header,
    ordered.map((r) => [
      r.code,
      r.document ?? ALL_DOCUMENTS,
      r.unit,
      r.coders.join('; '),
      cell(r.percent_agreement),
      cell(r.cohen_kappa),
      cell(r.fleiss_kappa),
      cell(r.krippendorff_alpha),
      r.counts.units,
      cell(r.counts.both),
      cell(r.counts.only_first),
      cell(r.counts.only_second),
      cell(r.counts.neither),
      cell(r.counts.agreed),
    ]),
    options,
  );
}
