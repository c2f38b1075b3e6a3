/** A column header that sorts the table: a button inside the th, which carries aria-sort. */
import type { SortDirection } from './tables';

export interface SortState<K extends string> {
  key: K;
  direction: SortDirection;
}

/** The next sort after a click on `key`: the other direction on the same column; numbers start largest first, names A to Z. */
export function nextSort<K extends string>(sort: SortState<K>, key: K, numeric: boolean): SortState<K> {
  if (sort.key === key) return { key, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: numeric ? 'descending' : 'ascending' };
}

export function SortHeader<K extends string>({ label, column, numeric, sort, onSort }: { label: string; column: K; numeric: boolean; sort: SortState<K>; onSort: (s: SortState<K>) => void }) {
  const active = sort.key === column;
  return (
    <th scope="col" aria-sort={active ? sort.direction : 'none'} className={numeric ? 'number' : undefined}>
      <button type="button" className="analysis-sort" onClick={() => onSort(nextSort(sort, column, numeric))}>
        {label}
        <span aria-hidden="true">{active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}
