/**
 * What an import from another tool's file brought in and what it could not: shown after
 * every REFI-QDA project or codebook import, in the app and by the CLI. Nothing is
 * dropped without a line here (REFI-QDA §7 asks importers to list discarded data).
 */
export interface ExchangeReport {
  /** The file read, by name, for messages. */
  fileName: string;
  /** The program that wrote it (`origin` attribute), when it says. */
  origin: string | null;
  /** How text positions were read, e.g. "Unicode code points, CRLF as 2". Null for codebooks. */
  positions: string | null;
  /** What was imported, by kind: documents, codes, codings, memos, cases, variables, sets, coders. */
  imported: Record<string, number>;
  /** Things not imported, each with the reason; `codings` counts codings lost with it (a PDF source with 12 codings). */
  skipped: { item: string; reason: string; codings?: number }[];
  /** Things imported with a change the user should know about (a colour fixed, a name made unique). */
  warnings: string[];
}

/** The report as plain text lines, for the CLI and for copying from the report dialog. */
export function reportLines(report: ExchangeReport): string[] {
  const counts = Object.entries(report.imported)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${n === 1 ? kind.replace(/s$/, '') : kind}`);
  const lines = [`Imported from ${report.fileName}${report.origin ? ` (written by ${report.origin})` : ''}: ${counts.length ? counts.join(', ') : 'nothing'}.`];
  if (report.positions) lines.push(`Text positions read as ${report.positions}.`);
  if (report.skipped.length) {
    lines.push(`Skipped (${report.skipped.length}):`);
    for (const s of report.skipped) {
      lines.push(`  - ${s.item}: ${s.reason}${s.codings ? ` (${s.codings} coding${s.codings === 1 ? '' : 's'} not imported)` : ''}`);
    }
  }
  if (report.warnings.length) {
    lines.push(`Warnings (${report.warnings.length}):`);
    for (const w of report.warnings) lines.push(`  - ${w}`);
  }
  return lines;
}
