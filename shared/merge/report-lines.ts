/** A merge report as lines of plain text, for the CLI's output (and anywhere else that wants text). */
import { TABLES, type Table } from '../model/schema';
import type { MergeConflict, MergeReport, Side } from './types';
import { plural } from '../plural';

const SINGULAR: Record<Table, string> = {
  coders: 'coder',
  documents: 'document',
  codes: 'code',
  codings: 'coding',
  memos: 'memo',
  cases: 'case',
  variables: 'variable',
  sets: 'set',
};

/** "2 codings, 1 code", or "nothing". */
export function countsText(tally: Partial<Record<Table, number>>): string {
  const parts = TABLES.filter((t) => tally[t]).map((t) => `${tally[t]} ${tally[t] === 1 ? SINGULAR[t] : t}`);
  return parts.length ? parts.join(', ') : 'nothing';
}


/** A value on one line, quoted, shortened. */
function value(text: string | null): string {
  if (text === null) return '(not in the base)';
  const line = JSON.stringify(text);
  return line.length > 200 ? `${line.slice(0, 199)}…"` : line;
}

export interface ReportNames {
  ours: string;
  theirs: string;
  /** The side chosen for a conflict id, if any. */
  chosen: (conflict: MergeConflict) => Side | undefined;
}

/** The report: what came from each side, what matched, was deleted, re-placed, not placed, and every conflict. */
export function mergeReportLines(report: MergeReport, names: ReportNames): string[] {
  const lines = [
    `Added from ${names.ours}: ${countsText(report.addedFromOurs)}`,
    `Added from ${names.theirs}: ${countsText(report.addedFromTheirs)}`,
    `Matched: ${report.matched.byId === 1 ? '1 item' : `${report.matched.byId} items`} (documents, codes, codings…) by id, ${plural(report.matched.byTextHash, 'document')} by text hash, ${plural(report.matched.byCodePath, 'code')} by path`,
    `Deleted: ${countsText(report.deleted)}`,
    `Re-anchored by quote: ${plural(report.reanchored, 'coding')}`,
  ];
  if (report.unplaced.length > 0) {
    lines.push(`Not placed (not merged): ${plural(report.unplaced.length, 'coding')}`);
    for (const u of report.unplaced) lines.push(`  ${u.side}: document ${JSON.stringify(u.document)}, code ${JSON.stringify(u.code)}: ${value(u.quote)}`);
  }
  for (const note of report.notes) lines.push(`Note: ${note}`);
  lines.push(`Conflicts: ${report.conflicts.length}`);
  for (const c of report.conflicts) {
    const side = names.chosen(c);
    lines.push(`  ${c.id}  ${c.label}  [${side ? `${side} chosen` : 'unresolved, ours kept'}]`);
    lines.push(`    ours:   ${value(c.ours)}`);
    lines.push(`    theirs: ${value(c.theirs)}`);
    if (c.base !== null) lines.push(`    base:   ${value(c.base)}`);
  }
  return lines;
}
