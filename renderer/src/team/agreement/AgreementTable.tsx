/**
 * Codes × statistics, sortable by any column (aria-sort on the header). Each code's overall
 * row opens its per-document rows; a document row opens the side-by-side comparison.
 */
import { useMemo } from 'react';
import type { AgreementRow } from '../../../../shared/agreement/types';
import { useAgreement } from './agreement-store';
import {
  ALL_DOCUMENTS,
  formatStatistic,
  missingReason,
  nextSort,
  sortGroups,
  type CodeGroup,
  type SortKey,
  type StatisticKey,
} from './table-rows';
import { visibleName } from '../../../../shared/text/safe-names';

interface Column {
  key: SortKey;
  label: string;
  /** Full name for screen readers and the tooltip when the label is short. */
  title?: string;
  numeric: boolean;
}

function columnsFor(coders: string[]): Column[] {
  const stats: Column[] = [
    { key: 'code', label: 'Code', numeric: false },
    { key: 'document', label: 'Document', numeric: false },
    { key: 'units', label: 'Units', numeric: true },
    { key: 'percent', label: '% agree\u00adment', numeric: true },
    { key: 'cohen', label: 'Cohen’s κ', numeric: true },
    { key: 'fleiss', label: 'Fleiss’ κ', numeric: true },
    { key: 'alpha', label: 'Krippen\u00addorff’s α', numeric: true },
  ];
  if (coders.length === 2) {
    return [
      ...stats,
      { key: 'both', label: 'Both', title: 'Units both coders coded', numeric: true },
      { key: 'only_first', label: `Only ${coders[0]}`, title: `Units only ${coders[0]} coded`, numeric: true },
      { key: 'only_second', label: `Only ${coders[1]}`, title: `Units only ${coders[1]} coded`, numeric: true },
      { key: 'neither', label: 'Neither', title: 'Units neither coder coded', numeric: true },
    ];
  }
  return [...stats, { key: 'agreed', label: 'Agreed', title: 'Units on which every coder gave the same answer', numeric: true }];
}

const STATISTIC: Partial<Record<SortKey, { key: StatisticKey; kind: 'percent' | 'coefficient'; value: (r: AgreementRow) => number | null }>> = {
  percent: { key: 'percent', kind: 'percent', value: (r) => r.percent_agreement },
  cohen: { key: 'cohen', kind: 'coefficient', value: (r) => r.cohen_kappa },
  fleiss: { key: 'fleiss', kind: 'coefficient', value: (r) => r.fleiss_kappa },
  alpha: { key: 'alpha', kind: 'coefficient', value: (r) => r.krippendorff_alpha },
};

function Cell({ row, column }: { row: AgreementRow; column: Column }) {
  const statistic = STATISTIC[column.key];
  if (statistic) {
    const text = formatStatistic(statistic.value(row), statistic.kind);
    if (text !== null) return <td className="num">{text}</td>;
    const missing = missingReason(row, statistic.key);
    return (
      <td className="num">
        <span className="agreement-undefined" title={missing.why}>
          {missing.text}
        </span>
      </td>
    );
  }
  const count = column.key === 'units' ? row.counts.units : row.counts[column.key as 'both' | 'only_first' | 'only_second' | 'neither' | 'agreed'];
  return <td className="num">{count === undefined ? '' : count.toLocaleString('en')}</td>;
}

export function AgreementTable({ groups, coders }: { groups: CodeGroup[]; coders: string[] }) {
  const sort = useAgreement((s) => s.sort);
  const expanded = useAgreement((s) => s.expanded);
  const documentFilter = useAgreement((s) => s.documentFilter);
  const set = useAgreement((s) => s.set);
  const columns = columnsFor(coders);
  // Only open groups' documents are sorted (and shown); with a document chosen, each group shows one row at most.
  const sorted = useMemo(
    () => sortGroups(groups, sort, (g) => documentFilter === null && expanded.includes(g.codeId)),
    [groups, sort, expanded, documentFilter],
  );

  const toggle = (codeId: string) =>
    set({ expanded: expanded.includes(codeId) ? expanded.filter((id) => id !== codeId) : [...expanded, codeId] });
  const compare = (row: AgreementRow) => row.document_id && set({ compare: { codeId: row.code_id, documentId: row.document_id } });

  const documentRow = (row: AgreementRow, nested: boolean) => (
    <tr key={`${row.code_id}/${row.document_id}`} className={nested ? 'agreement-doc nested' : 'agreement-doc'} onClick={() => compare(row)}>
      <td className="agreement-code">{nested ? <span className="agreement-sr-only">{visibleName(row.code)}</span> : visibleName(row.code)}</td>
      <td>
        <button
          type="button"
          className="link agreement-open"
          title="Show where the coders agree and differ"
          aria-label={`Compare coders: ${visibleName(row.code)} in ${visibleName(row.document ?? '')}`}
          onClick={(e) => {
            e.stopPropagation();
            compare(row);
          }}
        >
          {visibleName(row.document ?? '')}
        </button>
      </td>
      {columns.slice(2).map((c) => (
        <Cell key={c.key} row={row} column={c} />
      ))}
    </tr>
  );

  const body =
    documentFilter !== null
      ? sorted.flatMap((g) => g.documents.filter((d) => d.document_id === documentFilter).map((d) => documentRow(d, false)))
      : sorted.flatMap((g) => {
          const open = expanded.includes(g.codeId);
          const overall = g.overall;
          const rows = [];
          if (overall) {
            rows.push(
              <tr key={g.codeId} className="agreement-overall" onClick={() => g.documents.length && toggle(g.codeId)}>
                <td className="agreement-code">
                  <span className="agreement-code-cell">
                    {g.documents.length > 0 ? (
                      <button
                        type="button"
                        className="agreement-toggle"
                        aria-expanded={open}
                        aria-label={`${visibleName(overall.code)}: ${open ? 'hide' : 'show'} ${g.documents.length} document${g.documents.length === 1 ? '' : 's'}`}
                        onClick={(e) => {
                          e.stopPropagation();
                          toggle(g.codeId);
                        }}
                      >
                        <span aria-hidden="true">{open ? '▾' : '▸'}</span>
                      </button>
                    ) : (
                      <span className="agreement-toggle-space" />
                    )}
                    <span>{visibleName(overall.code)}</span>
                  </span>
                </td>
                <td className="muted">{ALL_DOCUMENTS}</td>
                {columns.slice(2).map((c) => (
                  <Cell key={c.key} row={overall} column={c} />
                ))}
              </tr>,
            );
          }
          if (open || !overall) rows.push(...g.documents.map((d) => documentRow(d, !!overall)));
          return rows;
        });

  return (
    <div className="agreement-table-wrap">
      <table className="agreement-table" aria-label="Agreement by code">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" aria-sort={sort.key === c.key ? sort.direction : 'none'} className={c.numeric ? 'num' : undefined}>
                <button type="button" title={c.title ? `${c.title} (sort)` : `Sort by ${c.label}`} onClick={() => set({ sort: nextSort(sort, c.key) })}>
                  {c.label}
                  <span aria-hidden="true" className="sort-mark">
                    {sort.key === c.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{body}</tbody>
      </table>
      {body.length === 0 && <p className="pane-empty">No rows: no code was used by the chosen coders{documentFilter ? ' in this document' : ''}.</p>}
    </div>
  );
}
