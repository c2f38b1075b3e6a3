/**
 * Code matrices: codes × documents, × cases, or × the values of a variable; each cell the
 * codings, the documents coded, the characters or the share of the column's text, with
 * heat colouring. A cell opens the codings behind it.
 */
import { useRef, useState } from 'react';
import { useGloss } from '../store';
import type { AnalysisFilter } from '../../../shared/analysis/scope';
import type { MatrixColumns } from '../../../shared/analysis/matrix';
import { visibleName } from '../../../shared/text/safe-names';
import { ExportButtons } from './ExportButtons';
import { formatMeasure, MATRIX_NAMES, matrixTable, MEASURE_LABELS, type MatrixMeasure } from './tables';
import { useAnalysis } from './use-analysis';
import { heatStyle } from './heat';
import type { Evidence } from './EvidencePanel';
import { AnalysisStatus } from './AnalysisStatus';
import { HeatLegend } from './HeatLegend';
import { Spacer, useColumnPage, useRowWindow } from './grid-window';

/** A measure's noun for one (the labels say many). */
const SINGULAR: Record<MatrixMeasure, string> = { codings: 'coding', documents: 'document coded', characters: 'character', percent: '' };

const columnsKey = (c: MatrixColumns) => (c.kind === 'variable' ? `variable:${c.variableId}` : c.kind);
const columnsOf = (key: string): MatrixColumns => (key.startsWith('variable:') ? { kind: 'variable', variableId: key.slice('variable:'.length) } : { kind: key as 'documents' | 'cases' });

export function MatrixPanel({ filter, onOpen, scroller }: { filter: AnalysisFilter; onOpen: (e: Evidence) => void; scroller: HTMLElement | null }) {
  const variables = useGloss((s) => s.project?.variables);
  useGloss((s) => s.versions.variables);
  const [columns, setColumns] = useState<MatrixColumns>({ kind: 'documents' });
  const [measure, setMeasure] = useState<MatrixMeasure>('codings');
  const [withSubcodes, setWithSubcodes] = useState(false);
  const answer = useAnalysis({ view: 'matrix', columns, withSubcodes, filter });
  const { reply } = answer;
  const matrix = reply?.matrix;
  const values = matrix?.[measure];
  const max = values ? values.reduce((m, line) => line.reduce((a, v) => Math.max(a, v), m), 0) : 0;
  const body = useRef<HTMLTableSectionElement>(null);
  const page = useColumnPage(matrix?.columns.length ?? 0, 'columns');
  const shown = useRowWindow(matrix?.rows.length ?? 0, body, scroller);
  const noun = measure === 'percent' ? '% of the column’s text' : MEASURE_LABELS[measure].toLowerCase();

  return (
    <div className="analysis-panel">
      <div className="analysis-options">
        <label>
          Columns{' '}
          <select value={columnsKey(columns)} onChange={(e) => setColumns(columnsOf(e.target.value))}>
            <option value="documents">Documents</option>
            <option value="cases">Cases</option>
            {[...(variables?.values() ?? [])].map((v) => (
              <option key={v.id} value={`variable:${v.id}`}>
                Values of {visibleName(v.name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Cells{' '}
          <select value={measure} onChange={(e) => setMeasure(e.target.value as MatrixMeasure)}>
            {(Object.keys(MEASURE_LABELS) as MatrixMeasure[]).map((m) => (
              <option key={m} value={m}>
                {MEASURE_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={withSubcodes} onChange={(e) => setWithSubcodes(e.target.checked)} /> Include sub-codes
        </label>
        {matrix && <ExportButtons filter={filter} what="Matrix" names={MATRIX_NAMES} tables={() => [matrixTable(matrix, measure)]} />}
      </div>
      <AnalysisStatus
        answer={answer}
        empty={matrix && (matrix.rows.length === 0 || matrix.columns.length === 0) ? (columns.kind === 'cases' ? 'No documents belong to a case yet.' : 'Nothing to count yet: no codes, or no documents.') : null}
      />
      {matrix && values && matrix.rows.length > 0 && matrix.columns.length > 0 && (
        <>
          <HeatLegend max={max} format={(n) => formatMeasure(n, measure)} />
          {page.controls}
          <div className="analysis-table-wrap">
            <table className="analysis-table analysis-heat" aria-rowcount={matrix.rows.length + 1}>
              <caption>Codes × {columns.kind === 'variable' ? `values of ${variables?.get(columns.variableId)?.name ?? 'the variable'}` : columns.kind}: {noun}</caption>
              <thead>
                <tr aria-rowindex={1}>
                  <td />
                  {matrix.columns.slice(page.start, page.end).map((c) => (
                    <th key={c.key} scope="col">
                      {visibleName(c.label)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody ref={body}>
                <Spacer height={shown.before} columns={page.end - page.start + 1} />
                {shown.rows.map((r) => ({ row: matrix.rows[r]!, r })).map(({ row, r }) => (
                  <tr key={row.codeId} ref={shown.measure} data-index={r} aria-rowindex={r + 2}>
                    <th scope="row">{visibleName(row.codePath)}</th>
                    {matrix.columns.slice(page.start, page.end).map((col, i) => {
                      const c = page.start + i;
                      const value = values[r]![c]!;
                      const shown = formatMeasure(value, measure);
                      return (
                        <td key={col.key} className="number" style={heatStyle(value, max)}>
                          <button
                            type="button"
                            className="analysis-number"
                            aria-label={`${shown} ${measure === 'percent' ? 'of the text' : value === 1 ? SINGULAR[measure] : noun} of ${row.codePath} in ${col.label}: show the excerpts`}
                            onClick={() =>
                              onOpen({
                                title: `${row.codePath} in ${col.label}: ${matrix.codings[r]![c]!.toLocaleString('en')} ${matrix.codings[r]![c] === 1 ? 'coding' : 'codings'}`,
                                request: { view: 'codings', codeId: row.codeId, withSubcodes, documentIds: col.documentIds, filter },
                              })
                            }
                          >
                            {shown}
                          </button>
                        </td>
                      );
                    })}
                  </tr>
                ))}
                <Spacer height={shown.after} columns={page.end - page.start + 1} />
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
