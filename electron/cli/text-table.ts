/** Aligned plain-text tables for the CLI's human-readable output. */
import { terminalSafe } from '../../shared/text/safe-names';

/**
 * The lines of a table: text columns padded on the right, columns from `rightFrom` on
 * (figures) on the left. Cells are made terminal-safe here, so a line break in a name
 * cannot break a row.
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], rightFrom: number): string[] {
  const safe = rows.map((r) => r.map(terminalSafe));
  const widths = header.map((h, i) => Math.max(h.length, ...safe.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i >= rightFrom ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...safe.map(line)];
}
