/**
 * Code frequencies: per code its own codings, documents and characters, and the same with
 * its sub-codes rolled up; sortable by any column; a bar chart of the sorted column. Every
 * number opens the codings behind it.
 */
import { useMemo, useRef, useState } from 'react';
import type { AnalysisFilter } from '../../../shared/analysis/scope';
import type { FrequencyRow } from '../../../shared/analysis/frequencies';
import { visibleName } from '../../../shared/text/safe-names';
import { BarChart } from './BarChart';
import { ExportButtons } from './ExportButtons';
import { SortHeader, type SortState } from './SortHeader';
import { FREQUENCY_COLUMNS, FREQUENCIES_NAMES, frequenciesTable, sortedBy, type FrequencyKey } from './tables';
import { useAnalysis } from './use-analysis';
import type { Evidence } from './EvidencePanel';
import { AnalysisStatus } from './AnalysisStatus';
import { Spacer, useRowWindow } from './grid-window';

type Column = 'code' | FrequencyKey;

/** Bars drawn at most: the first of the sorted table (a chart of 500 codes reads as nothing). */
const CHART_BARS = 40;

const what = (key: FrequencyKey) => (key.startsWith('codings') ? 'codings' : key.startsWith('documents') ? 'documents' : 'characters');

export function FrequenciesPanel({ filter, onOpen, scroller }: { filter: AnalysisFilter; onOpen: (e: Evidence) => void; scroller: HTMLElement | null }) {
  const answer = useAnalysis({ view: 'frequencies', filter: filter });
  const { reply } = answer;
  const [sort, setSort] = useState<SortState<Column>>({ key: 'code', direction: 'ascending' });
  const chart = useRef<SVGSVGElement>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const rows = reply?.rows;
  const sorted = useMemo(() => {
    if (!rows) return [];
    // Tree order is the natural order of codes; sorting by code keeps it (A to Z) or reverses it.
    if (sort.key === 'code') return sort.direction === 'ascending' ? rows : [...rows].reverse();
    const key = sort.key;
    return sortedBy(rows, (r) => r[key], sort.direction);
  }, [rows, sort]);
  const shown = useRowWindow(sorted.length, body, scroller);
  const charted: FrequencyKey = sort.key === 'code' ? 'codings' : sort.key;
  const chartLabel = FREQUENCY_COLUMNS.find((c) => c.key === charted)!.label;
  const bars = sorted.slice(0, CHART_BARS).map((r) => ({ label: r.codePath, value: r[charted] }));
  const open = (row: FrequencyRow, key: FrequencyKey) => {
    const withSubcodes = key.endsWith('WithSubcodes');
    onOpen({
      title: `${row.codePath}${withSubcodes ? ' with its sub-codes' : ''}: ${what(key) === 'codings' ? `the ${row[key].toLocaleString('en')} ${row[key] === 1 ? 'coding' : 'codings'}` : `the codings behind ${row[key].toLocaleString('en')} ${what(key)}`}`,
      request: { view: 'codings', codeId: row.codeId, withSubcodes, filter: filter },
    });
  };

  return (
    <div className="analysis-panel">
      <div className="analysis-options">
        <ExportButtons filter={filter} what="Frequencies" names={FREQUENCIES_NAMES} tables={() => [frequenciesTable(sorted)]} chart={chart} />
      </div>
      <AnalysisStatus answer={answer} empty={rows?.length === 0 ? 'No codes to count: create codes and code some text first.' : null} />
      {rows && rows.length > 0 && (
        <>
          <div className="analysis-table-wrap">
            <table className="analysis-table" aria-rowcount={sorted.length + 1}>
              <caption>Code frequencies</caption>
              <thead>
                <tr aria-rowindex={1}>
                  <SortHeader label="Code" column="code" numeric={false} sort={sort} onSort={setSort} />
                  {FREQUENCY_COLUMNS.map((c) => (
                    <SortHeader key={c.key} label={c.label} column={c.key} numeric sort={sort} onSort={setSort} />
                  ))}
                </tr>
              </thead>
              <tbody ref={body}>
                <Spacer height={shown.before} columns={FREQUENCY_COLUMNS.length + 1} />
                {shown.rows.map((index) => ({ row: sorted[index]!, index })).map(({ row, index }) => (
                  <tr key={row.codeId} ref={shown.measure} data-index={index} aria-rowindex={index + 2}>
                    <th scope="row">{visibleName(row.codePath)}</th>
                    {FREQUENCY_COLUMNS.map((c) => (
                      <td key={c.key} className="number">
                        <button type="button" className="analysis-number" aria-label={`${row[c.key].toLocaleString('en')} ${c.label.toLowerCase()} of ${row.codePath}: show the excerpts`} onClick={() => open(row, c.key)}>
                          {row[c.key].toLocaleString('en')}
                        </button>
                      </td>
                    ))}
                  </tr>
                ))}
                <Spacer height={shown.after} columns={FREQUENCY_COLUMNS.length + 1} />
              </tbody>
            </table>
          </div>
          <BarChart
            ref={chart}
            title={`${chartLabel} per code`}
            description={`${chartLabel} of ${bars.length === sorted.length ? 'each code' : `the first ${bars.length} of ${sorted.length} codes`}, in the table's order: ${bars.map((b) => `${b.label} ${b.value}`).join('; ')}.`}
            bars={bars}
          />
        </>
      )}
    </div>
  );
}
