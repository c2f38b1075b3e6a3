/**
 * Code co-occurrence: codes × codes, each cell the number of co-occurring pairs of codings
 * and the c-coefficient, coloured by count on a colour-blind-safe scale (heat.ts) with the
 * numbers always written. A cell opens its pairs of passages side by side.
 */
import { useMemo, useRef, useState } from 'react';
import type { AnalysisFilter } from '../../../shared/analysis/scope';
import type { Proximity } from '../../../shared/analysis/cooccurrence';
import { visibleName } from '../../../shared/text/safe-names';
import { ExportButtons } from './ExportButtons';
import { COOCCURRENCE_NAMES, cooccurrenceTables, formatCoefficient } from './tables';
import { useAnalysis } from './use-analysis';
import { unpackCooccurrence } from '../../../shared/ipc/analysis-request';
import { heatStyle } from './heat';
import type { Evidence } from './EvidencePanel';
import { AnalysisStatus } from './AnalysisStatus';
import { HeatLegend } from './HeatLegend';
import { Spacer, useColumnPage, useRowWindow } from './grid-window';

export function CooccurrencePanel({ filter, onOpen, scroller }: { filter: AnalysisFilter; onOpen: (e: Evidence) => void; scroller: HTMLElement | null }) {
  const [within, setWithin] = useState<Proximity>('overlap');
  const answer = useAnalysis({ view: 'cooccurrence', within, filter });
  const { reply } = answer;
  const result = reply?.result;
  const codes = result?.codes ?? [];
  // The square of counts and coefficients, by code index (20,000 pairs of 200 codes: typed arrays, not objects).
  const square = useMemo(() => {
    const m = result?.codes.length ?? 0;
    const counts = new Float64Array(m * m);
    const coefficients = new Float64Array(m * m).fill(NaN);
    let max = 0;
    for (const [a, b, count, c] of result?.pairs ?? []) {
      counts[a * m + b] = counts[b * m + a] = count;
      coefficients[a * m + b] = coefficients[b * m + a] = c ?? NaN;
      max = Math.max(max, count);
    }
    return { m, counts, coefficients, max };
  }, [result]);
  const max = square.max;
  const codeIndex = useMemo(() => new Map(codes.map((c, i) => [c.codeId, i])), [codes]);
  const body = useRef<HTMLTableSectionElement>(null);
  const page = useColumnPage(codes.length, 'columns');
  const shown = useRowWindow(codes.length, body, scroller, 48);
  const columns = codes.slice(page.start, page.end);

  return (
    <div className="analysis-panel">
      <div className="analysis-options">
        <label>
          Together when{' '}
          <select value={within} onChange={(e) => setWithin(e.target.value as Proximity)}>
            <option value="overlap">they share text</option>
            <option value="paragraph">within the same paragraph</option>
          </select>
        </label>
        {result && <ExportButtons filter={filter} what="Co-occurrence" names={COOCCURRENCE_NAMES} tables={() => cooccurrenceTables(unpackCooccurrence(result))} />}
      </div>
      <AnalysisStatus answer={answer} empty={result && result.codes.length < 2 ? 'Co-occurrence needs at least two codes with codings.' : null} />
      {result && result.codes.length >= 2 && (
        <>
          <p className="hint">
            Each cell: the pairs of codings that co-occur, and ATLAS.ti’s c-coefficient n12 / (n1 + n2 − n12). {result.pairs.length === 0 ? 'No two codes co-occur yet.' : ''}
          </p>
          <HeatLegend max={max} />
          {page.controls}
          <div className="analysis-table-wrap">
            <table className="analysis-table analysis-heat" aria-rowcount={codes.length + 1}>
              <caption>Code co-occurrence ({within === 'paragraph' ? 'within the same paragraph' : 'sharing text'})</caption>
              <thead>
                <tr aria-rowindex={1}>
                  <td />
                  {columns.map((c) => (
                    <th key={c.codeId} scope="col" title={c.codePath}>
                      {visibleName(c.code)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody ref={body}>
                <Spacer height={shown.before} columns={columns.length + 1} />
                {shown.rows.map((index) => ({ row: codes[index]!, index })).map(({ row, index }) => (
                  <tr key={row.codeId} ref={shown.measure} data-index={index} aria-rowindex={index + 2}>
                    <th scope="row" title={row.codePath}>
                      {visibleName(row.codePath)} <span className="muted">({row.codings})</span>
                    </th>
                    {columns.map((col) => {
                      if (col.codeId === row.codeId) return <td key={col.codeId} className="analysis-diagonal" aria-label="same code" />;
                      const at = index * square.m + codeIndex.get(col.codeId)!;
                      const cell = square.counts[at]! > 0 ? { count: square.counts[at]!, c: Number.isNaN(square.coefficients[at]!) ? null : square.coefficients[at]! } : null;
                      if (!cell) return <td key={col.codeId} className="number analysis-zero">0</td>;
                      return (
                        <td key={col.codeId} className="number" style={heatStyle(cell.count, max)}>
                          <button
                            type="button"
                            className="analysis-number"
                            aria-label={`${cell.count} co-occurrences of ${row.codePath} and ${col.codePath}, c ${formatCoefficient(cell.c)}: show the passages`}
                            onClick={() =>
                              onOpen({
                                title: `${row.codePath} with ${col.codePath}: ${cell.count} co-occurring ${cell.count === 1 ? 'pair' : 'pairs'}`,
                                request: { view: 'pairs', codeA: row.codeId, codeB: col.codeId, within, filter },
                              })
                            }
                          >
                            {cell.count}
                            <span className="analysis-coefficient"> c {formatCoefficient(cell.c)}</span>
                          </button>
                        </td>
                      );
                    })}
                  </tr>
                ))}
                <Spacer height={shown.after} columns={columns.length + 1} />
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
