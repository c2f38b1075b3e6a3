/**
 * The Search view's results as the rows of one list: a heading per document (its name and
 * how many hits it holds in all) followed by its hits, and a last row that fetches the next
 * page while hits remain. Pure, so it is tested on its own.
 */
import type { SearchResponse } from '../../../shared/ipc/contract';

export type Hit = SearchResponse['hits'][number];

export type ResultRow =
  | { kind: 'document'; documentId: string; count: number }
  | { kind: 'hit'; hit: Hit; key: string; number: number }
  | { kind: 'more'; remaining: number };

/** A hit's key, as selections and auto-code's `only` name it. */
export const hitKey = (hit: Pick<Hit, 'documentId' | 'start' | 'end'>) => `${hit.documentId}:${hit.start}:${hit.end}`;

/** The rows for the hits loaded so far of `total`, with per-document counts over all of them. */
export function resultRows(hits: readonly Hit[], perDocument: Readonly<Record<string, number>>, total: number): ResultRow[] {
  const rows: ResultRow[] = [];
  let last: string | null = null;
  let number = 0;
  for (const hit of hits) {
    if (hit.documentId !== last) {
      rows.push({ kind: 'document', documentId: hit.documentId, count: perDocument[hit.documentId] ?? 0 });
      last = hit.documentId;
      number = 0;
    }
    rows.push({ kind: 'hit', hit, key: hitKey(hit), number: ++number });
  }
  if (hits.length < total) rows.push({ kind: 'more', remaining: total - hits.length });
  return rows;
}

/** Context as shown: a word cut by the context's edge is left out, with an ellipsis in its place. */
export function trimmedContext(before: string, after: string, width = 40): { before: string; after: string } {
  const cutBefore = before.length >= width ? before.replace(/^\S*\s/u, '…') : before;
  const cutAfter = after.length >= width ? after.replace(/\s\S*$/u, '…') : after;
  return { before: cutBefore, after: cutAfter };
}
