/**
 * The framework matrix: cases (or documents) × chosen codes. A cell shows the summary the
 * researcher wrote and the number of codings behind it; choosing a cell opens its summary
 * for writing with the cell's excerpts beside it. Summaries are saved in the project as
 * the setSummary operation (undoable like any other change).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useGloss } from '../store';
import { run } from '../project/actions';
import type { AnalysisFilter } from '../../../shared/analysis/scope';
import { frameworkMarkdown, type FrameworkMatrix } from '../../../shared/analysis/framework';
import { summaryOf } from '../../../shared/ops/summaries';
import { codeTree } from '../../../shared/model/codes';
import type { Summary } from '../../../shared/model/schema';
import { visibleName } from '../../../shared/text/safe-names';
import { ExportButtons } from './ExportButtons';
import { FRAMEWORK_NAMES, frameworkTable } from './tables';
import { useAnalysis } from './use-analysis';
import { EvidencePanel } from './EvidencePanel';
import { AnalysisStatus } from './AnalysisStatus';
import { Spacer, useRowWindow } from './grid-window';

/** Codes chosen at first: the first few at the top of the tree. */
const FIRST_CODES = 4;
/** Characters of a summary shown in its cell. */
const CELL_CHARS = 140;

export function FrameworkPanel({ filter, scroller }: { filter: AnalysisFilter; scroller: HTMLElement | null }) {
  const project = useGloss((s) => s.project);
  const codesVersion = useGloss((s) => s.versions.codes);
  useGloss((s) => s.versions.summaries);
  const readOnly = useGloss((s) => s.readOnly);
  const tree = useMemo(() => (project ? codeTree(project.codes.values()) : []), [project, codesVersion]);
  const [rows, setRows] = useState<'cases' | 'documents'>('cases');
  const [chosen, setChosen] = useState<string[] | null>(null);
  const codeIds = chosen ?? tree.filter((t) => t.depth === 0).slice(0, FIRST_CODES).map((t) => t.code.id);
  const [withSubcodes, setWithSubcodes] = useState(false);
  const [cell, setCell] = useState<{ row: number; code: number } | null>(null);
  const answer = useAnalysis(codeIds.length > 0 ? { view: 'framework', rows, codeIds, withSubcodes, filter } : null);
  const { reply } = answer;
  const matrix = reply?.matrix;
  const body = useRef<HTMLTableSectionElement>(null);
  const shown = useRowWindow(matrix?.rows.length ?? 0, body, scroller, 72);
  // Summaries as the store holds them now: one just saved shows at once.
  const summary = (m: FrameworkMatrix, r: number, c: number): Summary | null =>
    project ? (summaryOf(project, { kind: m.rows[r]!.kind, id: m.rows[r]!.id }, m.codes[c]!.codeId) ?? null) : null;
  const live = (m: FrameworkMatrix): FrameworkMatrix => ({ ...m, cells: m.cells.map((line, r) => line.map((x, c) => ({ ...x, summary: summary(m, r, c) }))) });
  const toggle = (id: string, on: boolean) => setChosen(on ? tree.map((t) => t.code.id).filter((x) => x === id || codeIds.includes(x)) : codeIds.filter((x) => x !== id));
  const selected = matrix && cell && matrix.rows[cell.row] && matrix.codes[cell.code] ? { row: matrix.rows[cell.row]!, code: matrix.codes[cell.code]!, at: cell } : null;

  return (
    <div className="analysis-panel">
      <div className="analysis-options">
        <label>
          Rows{' '}
          <select value={rows} onChange={(e) => (setRows(e.target.value as 'cases' | 'documents'), setCell(null))}>
            <option value="cases">Cases</option>
            <option value="documents">Documents</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={withSubcodes} onChange={(e) => setWithSubcodes(e.target.checked)} /> Include sub-codes
        </label>
        <details className="analysis-code-choice">
          <summary>Codes: {codeIds.length} chosen</summary>
          <fieldset>
            <legend>Codes in the matrix</legend>
            {tree.map(({ code, depth }) => (
              <label key={code.id} style={{ paddingLeft: `${depth}rem` }}>
                <input type="checkbox" checked={codeIds.includes(code.id)} onChange={(e) => (toggle(code.id, e.target.checked), setCell(null))} /> {visibleName(code.name)}
              </label>
            ))}
          </fieldset>
        </details>
        {matrix && project && <ExportButtons filter={filter} what="Framework" names={FRAMEWORK_NAMES} tables={() => [frameworkTable(matrix, (r, c) => summary(matrix, r, c))]} markdown={() => frameworkMarkdown(project, live(matrix))} />}
      </div>
      <AnalysisStatus
        answer={answer}
        empty={codeIds.length === 0 ? 'Choose the codes of the matrix.' : matrix && matrix.rows.length === 0 ? (rows === 'cases' ? 'No documents belong to a case yet: choose Documents as rows, or make cases.' : 'No documents to show.') : null}
      />
      {matrix && matrix.rows.length > 0 && (
        <div className="analysis-table-wrap">
          <table className="analysis-table analysis-framework" aria-rowcount={matrix.rows.length + 1}>
            <caption>Framework matrix: {rows} × codes</caption>
            <thead>
              <tr aria-rowindex={1}>
                <td />
                {matrix.codes.map((c) => (
                  <th key={c.codeId} scope="col">
                    {visibleName(c.codePath)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody ref={body}>
              <Spacer height={shown.before} columns={matrix.codes.length + 1} />
              {shown.rows.map((r) => ({ row: matrix.rows[r]!, r })).map(({ row, r }) => (
                <tr key={row.id} ref={shown.measure} data-index={r} aria-rowindex={r + 2}>
                  <th scope="row">{visibleName(row.name)}</th>
                  {matrix.codes.map((code, c) => {
                    const text = summary(matrix, r, c)?.text ?? '';
                    const n = matrix.cells[r]![c]!.codings;
                    const current = cell?.row === r && cell.code === c;
                    return (
                      <td key={code.codeId} className={current ? 'analysis-framework-current' : undefined}>
                        <button
                          type="button"
                          className="analysis-framework-cell"
                          aria-pressed={current}
                          aria-label={`${row.name} × ${code.codePath}: ${text ? 'summary written' : 'no summary yet'}, ${n} ${n === 1 ? 'coding' : 'codings'}`}
                          onClick={() => setCell({ row: r, code: c })}
                        >
                          <span className="analysis-framework-text">{text ? (text.length > CELL_CHARS ? `${text.slice(0, CELL_CHARS)}…` : text) : <span className="muted">Write a summary…</span>}</span>
                          <span className="analysis-framework-count">{n === 1 ? '1 coding' : `${n.toLocaleString('en')} codings`}</span>
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
              <Spacer height={shown.after} columns={matrix.codes.length + 1} />
            </tbody>
          </table>
        </div>
      )}
      {selected && project && (
        <div className="analysis-framework-editor">
          <SummaryEditor
            key={`${selected.row.kind}:${selected.row.id}:${selected.code.codeId}`}
            label={`Summary of ${selected.row.name} × ${selected.code.codePath}`}
            text={summary(matrix!, selected.at.row, selected.at.code)?.text ?? ''}
            readOnly={readOnly}
            onSave={(text) => run({ type: 'setSummary', row: { kind: selected.row.kind, id: selected.row.id }, codeId: selected.code.codeId, text })}
          />
          <EvidencePanel
            evidence={{
              title: `Excerpts of ${selected.code.codePath} in ${selected.row.name}`,
              request: { view: 'codings', codeId: selected.code.codeId, withSubcodes, documentIds: selected.row.documentIds, filter },
            }}
            onClose={() => setCell(null)}
          />
        </div>
      )}
    </div>
  );
}

/** The summary being written: saved with the button, or when focus leaves it changed. */
function SummaryEditor({ label, text, readOnly, onSave }: { label: string; text: string; readOnly: boolean; onSave: (text: string) => Promise<unknown> }) {
  const [draft, setDraft] = useState(text);
  const [saved, setSaved] = useState(text);
  // Another window's edit (or an undo) arrives while this one is unchanged: show it.
  useEffect(() => {
    if (draft === saved) {
      setDraft(text);
      setSaved(text);
    }
  }, [text]);
  const save = async () => {
    if (draft === saved) return;
    const done = await onSave(draft);
    if (done) setSaved(draft);
  };
  return (
    <div className="analysis-summary">
      <label htmlFor="analysis-summary-text">{label}</label>
      <textarea id="analysis-summary-text" value={draft} rows={10} readOnly={readOnly} onChange={(e) => setDraft(e.target.value)} onBlur={() => void save()} />
      <div className="analysis-summary-actions">
        <button type="button" disabled={readOnly || draft === saved} onClick={() => void save()}>
          Save summary
        </button>
        <span className="muted" aria-live="polite">
          {draft === saved ? (saved ? 'Saved in the project.' : '') : 'Not saved yet.'}
        </span>
      </div>
    </div>
  );
}
