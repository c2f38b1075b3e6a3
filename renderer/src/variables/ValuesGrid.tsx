/**
 * The table of values: documents (or cases) as rows, variables as columns, kept to the
 * ARIA grid pattern. One cell is active (the only one Tab reaches; arrows, Home, End and
 * Page Up/Down move it). Enter or F2 edits it, typing starts editing with that character,
 * Delete clears it; while editing, Enter saves and goes down, Tab saves and goes right
 * (Shift+Tab left), Escape cancels. A value that does not fit its variable is not saved:
 * the message under the table says why and the cell stays open. Ctrl+V pastes a block
 * copied from a spreadsheet at the active cell, as one undo step; Ctrl+C copies the cell.
 *
 * A project of thousands of documents is not put in the DOM whole: rows are windowed as the
 * analysis tables are (grid-window.tsx), aria-rowindex saying where each row stands, and
 * moving the active cell scrolls its row into the window first, so the keyboard reaches
 * every row.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { Spacer, useRowWindow } from '../analysis/grid-window';
import type { Variable, VariableValue } from '../../../shared/model/schema';
import { parseVariableValue, valueText } from '../../../shared/model/variable-values';
import { MenuButton } from '../common/MenuButton';
import { run } from '../project/actions';
import { planPaste, type GridRow } from './paste';
import { parseTsv, formatTsv } from './tsv';
import { cellHint, kindWord } from './variable-kinds';

export interface ValuesRow extends GridRow {
  values: Record<string, VariableValue>;
}

export interface ValuesGridProps {
  kind: 'document' | 'case';
  rows: readonly ValuesRow[];
  variables: readonly Variable[];
  readOnly: boolean;
  onEditVariable: (variable: Variable) => void;
  onDeleteVariable: (variable: Variable) => void;
  /** A line for the status under the table ("Pasted 6 values"). */
  onStatus: (text: string) => void;
}

/** A cell's text as typed: empty for no value, yes/no for booleans. */
const cellText = (value: VariableValue | undefined) => (value === undefined || value === null ? '' : valueText(value));

const PAGE = 10;
/** A row's height before one is measured, px (a cell is 2rem high plus its border). */
const ROW_ESTIMATE = 33;

export function ValuesGrid({ kind, rows, variables, readOnly, onEditVariable, onDeleteVariable, onStatus }: ValuesGridProps) {
  const [active, setActive] = useState({ row: 0, column: 0 });
  const [editing, setEditingState] = useState<string | null>(null);
  // The open cell's text, read by commit: Enter and the blur that follows must not both save it.
  const draft = useRef<string | null>(null);
  const setEditing = (text: string | null) => {
    draft.current = text;
    setEditingState(text);
  };
  const [error, setError] = useState<string | null>(null);
  const table = useRef<HTMLTableElement>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const [rowHeight, setRowHeight] = useState(ROW_ESTIMATE);
  const windowed = useRowWindow(rows.length, body, scroller, rowHeight);
  const focusCell = useRef(false);
  const errorId = useId();
  const listId = useId();

  // Keep the active cell inside the table when rows or columns go.
  const row = Math.min(active.row, Math.max(0, rows.length - 1));
  const column = Math.min(active.column, Math.max(0, variables.length - 1));

  useLayoutEffect(() => {
    // The estimate becomes the rows' real height once one is on screen.
    const measured = body.current?.querySelector('tr[data-row]')?.getBoundingClientRect().height;
    if (measured && Math.abs(measured - rowHeight) > 0.5) setRowHeight(measured);
    if (!focusCell.current || editing !== null) return;
    const target = table.current?.querySelector<HTMLElement>(`[data-cell="${row}:${column}"]`);
    // A row outside the window is rendered once its scroll lands; focus waits for it.
    if (target) target.focus();
    if (target || windowed.rows.includes(row)) focusCell.current = false;
  });

  useEffect(() => setError(null), [kind]);

  // An open cell whose row is scrolled out of the window is saved as if it lost focus (its
  // editor leaves the DOM, and a removed input sends no blur).
  const rowShown = windowed.rows.includes(row);
  useEffect(() => {
    if (!rowShown && draft.current !== null) void commit(true);
  });

  /** Scrolls the row at `r` into view below the sticky header, when it is not. */
  const reveal = (r: number) => {
    const head = body.current?.offsetTop ?? 0;
    if (!scroller) return;
    const top = head + r * rowHeight;
    if (top < scroller.scrollTop + head) scroller.scrollTop = top - head;
    else if (top + rowHeight > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = top + rowHeight - scroller.clientHeight;
  };

  const moveTo = (r: number, c: number) => {
    focusCell.current = true;
    const next = { row: Math.max(0, Math.min(rows.length - 1, r)), column: Math.max(0, Math.min(variables.length - 1, c)) };
    reveal(next.row);
    setActive(next);
  };

  const startEditing = (text: string) => {
    if (readOnly) return onStatus('This project is open read-only: values cannot be changed.');
    setError(null);
    setEditing(text);
  };

  /**
   * Saves the open cell; resolves to whether it was saved. A value that does not fit keeps
   * the cell open with the reason; when focus left the table (`leaving`), the cell closes
   * and the message says the value was not saved.
   */
  const commit = async (leaving = false): Promise<boolean> => {
    const text = draft.current;
    if (text === null) return true;
    const target = rows[row]!;
    const variable = variables[column]!;
    const parsed = parseVariableValue(variable, text);
    if (!parsed.ok) {
      const hint = cellHint(variable) ? `Type ${cellHint(variable).replace(/^One of/, 'one of').replace(/^A /, 'a ')}` : '';
      if (leaving) {
        setEditing(null);
        setError(`${target.name}, ${variable.name}: ${parsed.error}, so it was not saved. ${hint ? `${hint}.` : ''}`.trim());
      } else setError(`${target.name}, ${variable.name}: ${parsed.error}. ${hint ? `${hint}, ` : ''}or press Escape to leave the value as it was.`);
      return false;
    }
    draft.current = null;
    const before = Object.hasOwn(target.values, variable.id) ? target.values[variable.id]! : null;
    setEditing(null);
    setError(null);
    if (before !== parsed.value) await run({ type: 'setValue', target: { kind, id: target.id }, variableId: variable.id, value: parsed.value });
    return true;
  };

  const onEditorKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setEditing(null);
      setError(null);
      moveTo(row, column);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      const next = event.key === 'Enter' ? { r: row + (event.shiftKey ? -1 : 1), c: column } : { r: row, c: column + (event.shiftKey ? -1 : 1) };
      void commit().then((saved) => saved && moveTo(next.r, next.c));
    }
  };

  const onCellKey = (event: KeyboardEvent<HTMLElement>) => {
    if (editing !== null) return;
    const { key } = event;
    const mod = event.ctrlKey || event.metaKey;
    let next: { r: number; c: number } | null = null;
    if (key === 'ArrowDown') next = { r: row + 1, c: column };
    else if (key === 'ArrowUp') next = { r: row - 1, c: column };
    else if (key === 'ArrowRight') next = { r: row, c: column + 1 };
    else if (key === 'ArrowLeft') next = { r: row, c: column - 1 };
    else if (key === 'PageDown') next = { r: row + PAGE, c: column };
    else if (key === 'PageUp') next = { r: row - PAGE, c: column };
    else if (key === 'Home') next = mod ? { r: 0, c: 0 } : { r: row, c: 0 };
    else if (key === 'End') next = mod ? { r: rows.length - 1, c: variables.length - 1 } : { r: row, c: variables.length - 1 };
    else if (key === 'Tab' && !(event.shiftKey ? column === 0 : column === variables.length - 1)) next = { r: row, c: column + (event.shiftKey ? -1 : 1) };
    else if (key === 'Enter' || key === 'F2') {
      event.preventDefault();
      return startEditing(cellText(rows[row]!.values[variables[column]!.id]));
    } else if (key === 'Delete' || key === 'Backspace') {
      event.preventDefault();
      if (readOnly) return onStatus('This project is open read-only: values cannot be changed.');
      const target = rows[row]!;
      if (Object.hasOwn(target.values, variables[column]!.id)) void run({ type: 'setValue', target: { kind, id: target.id }, variableId: variables[column]!.id, value: null });
      return;
    } else if (key.length === 1 && !mod && !event.altKey) {
      event.preventDefault();
      return startEditing(key);
    }
    if (next) {
      event.preventDefault();
      moveTo(next.r, next.c);
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLTableElement>) => {
    if (editing !== null) return;
    event.preventDefault();
    if (readOnly) return onStatus('This project is open read-only: values cannot be pasted.');
    const block = parseTsv(event.clipboardData.getData('text/plain'));
    const plan = planPaste(kind, rows, variables, { row, column }, block);
    if (!plan.ok) return setError(plan.error);
    setError(null);
    void run(plan.value.request).then((done) => {
      if (!done) return;
      const cells = plan.value.request.rows.length * plan.value.request.variables.length;
      onStatus(`Pasted ${cells === 1 ? '1 cell' : `${cells} cells`}${plan.value.leftOut > 0 ? `; ${plan.value.leftOut} beyond the table's edge were left out` : ''}.`);
    });
  };

  const onCopy = (event: ClipboardEvent<HTMLTableElement>) => {
    if (editing !== null || !rows[row] || !variables[column]) return;
    event.preventDefault();
    event.clipboardData.setData('text/plain', formatTsv([[cellText(rows[row].values[variables[column].id])]]));
  };

  const noun = kind === 'document' ? 'Document' : 'Case';
  return (
    <div className="values-grid-wrap" ref={setScroller}>
      <table
        ref={table}
        role="grid"
        className="values-grid"
        aria-label={`Values of ${kind === 'document' ? 'documents' : 'cases'}`}
        aria-rowcount={rows.length + 1}
        aria-colcount={variables.length + 1}
        aria-describedby={error ? errorId : undefined}
        onPaste={onPaste}
        onCopy={onCopy}
      >
        <thead>
          <tr role="row" aria-rowindex={1}>
            <th role="columnheader" scope="col" className="values-corner">
              {noun}
            </th>
            {variables.map((v) => (
              <th role="columnheader" scope="col" key={v.id}>
                <span className="column-head">
                  <span className="column-name">{v.name}</span>
                  <span className="column-kind">{kindWord(v)}</span>
                  <MenuButton
                    label={`Variable ${v.name}`}
                    disabled={readOnly}
                    items={() => [
                      { label: 'Rename or change kind…', onSelect: () => onEditVariable(v) },
                      { label: 'Delete variable…', danger: true, onSelect: () => onDeleteVariable(v) },
                    ]}
                  />
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={body}>
          <Spacer height={windowed.before} columns={variables.length + 1} />
          {windowed.rows.map((i) => {
            const r = rows[i]!;
            return (
              <tr role="row" key={r.id} aria-rowindex={i + 2} data-row={i}>
                <th role="rowheader" scope="row">
                  {r.name}
                </th>
                {variables.map((v, c) => {
                  const isActive = i === row && c === column;
                  const value = Object.hasOwn(r.values, v.id) ? r.values[v.id]! : null;
                  const text = cellText(value);
                  return (
                    <td
                      key={v.id}
                      role="gridcell"
                      data-cell={`${i}:${c}`}
                      tabIndex={isActive && editing === null ? 0 : -1}
                      aria-selected={isActive}
                      className={`${isActive ? 'active' : ''}${typeof value === 'number' ? ' number' : ''}`}
                      onClick={() => {
                        // An open cell elsewhere was saved (or closed) as its editor lost focus.
                        if (!isActive) moveTo(i, c);
                      }}
                      onDoubleClick={() => startEditing(text)}
                      onKeyDown={onCellKey}
                    >
                      {isActive && editing !== null ? (
                        <input
                          className="cell-editor"
                          aria-label={`${v.name} of ${r.name}`}
                          aria-invalid={error !== null}
                          aria-describedby={error ? errorId : undefined}
                          placeholder={cellHint(v)}
                          list={v.choices || v.type === 'boolean' ? `${listId}-${v.id}` : undefined}
                          value={editing}
                          autoFocus
                          onChange={(e) => setEditing(e.target.value)}
                          onKeyDown={onEditorKey}
                          onBlur={() => void commit(true)}
                        />
                      ) : (
                        text
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          <Spacer height={windowed.after} columns={variables.length + 1} />
        </tbody>
      </table>
      {variables.map((v) =>
        v.choices || v.type === 'boolean' ? (
          <datalist key={v.id} id={`${listId}-${v.id}`}>
            {(v.choices ?? ['yes', 'no']).map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        ) : null,
      )}
      {error && (
        <p className="error-text" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
