/**
 * Pasting a block of cells into the variables table: the block lands with its top left
 * corner on the active cell and fills the rows and columns below and right of it. It is
 * one importValues request (one undo step); a cell that does not fit its column's type or
 * choices refuses the whole paste, naming the row and the column, before anything changes.
 */
import type { Variable } from '../../../shared/model/schema';
import type { OpRequest } from '../../../shared/ops/requests';
import { parseVariableValue } from '../../../shared/model/variable-values';
import { err, ok, type Result } from '../../../shared/result';

type ImportValues = Extract<OpRequest, { type: 'importValues' }>;

/** A row of the table: a document or a case. */
export interface GridRow {
  id: string;
  name: string;
}

export interface PastePlan {
  request: ImportValues;
  /** Cells of the block that fell beyond the table's last row or column, and were left out. */
  leftOut: number;
}

/** The request that pastes `block` at (row, column) of a table of `rows` × `variables`; or why it cannot be pasted. */
export function planPaste(kind: 'document' | 'case', rows: readonly GridRow[], variables: readonly Variable[], at: { row: number; column: number }, block: readonly (readonly string[])[]): Result<PastePlan> {
  const width = Math.max(0, ...block.map((r) => r.length));
  if (block.length === 0 || width === 0) return err('The clipboard holds no cells to paste.');
  const columns = variables.slice(at.column, at.column + width);
  const targets = rows.slice(at.row, at.row + block.length);
  if (columns.length === 0 || targets.length === 0) return err('There is no cell here to paste into.');
  let leftOut = 0;
  const out: ImportValues['rows'] = [];
  for (const [r, target] of targets.entries()) {
    const cells = columns.map((_, c) => block[r]![c] ?? '');
    for (const [c, variable] of columns.entries()) {
      const parsed = parseVariableValue(variable, cells[c]!);
      if (!parsed.ok) return err(`Nothing was pasted: ${target.name}, ${variable.name}: ${parsed.error}.`);
    }
    out.push({ id: target.id, line: at.row + r + 1, cells });
  }
  for (const [r, cells] of block.entries()) leftOut += r < targets.length ? Math.max(0, cells.length - columns.length) : cells.length;
  return ok({ request: { type: 'importValues', kind, variables: columns.map((v) => v.name), rows: out }, leftOut });
}
