/**
 * The hits, grouped by document: a heading row per document with its count, then each hit
 * with its line's words around it and the hit marked. Only the rows on screen are rendered
 * (VirtualList), so 100,000 hits scroll like ten; the last row fetches the next page when
 * it comes into view. Keyboard: arrows, Page Up/Down, Home, End between rows; Enter (or a
 * click) jumps to the hit in the reader, whose find bar then shows the same query; Space
 * selects a hit for auto-code.
 */
import { useEffect, type KeyboardEvent } from 'react';
import { VirtualList } from '../common/VirtualList';
import { countOf } from '../common/format-count';
import { useGloss } from '../store';
import { visibleName } from '../../../shared/text/safe-names';
import type { SearchQuery } from '../../../shared/model/schema';
import { useFindHandoff } from './find-handoff';
import { loadMore, toggleHit } from './actions';
import { useSearch } from './search-store';
import { trimmedContext, type Hit, type ResultRow } from './result-rows';

/** Row heights before measuring: a heading, a hit of one line (most are). */
const DOCUMENT_ROW_PX = 34;
const HIT_ROW_PX = 30;

/** Opens the hit in the reader, with the find bar showing the query and focus on the passage. */
export function jumpToHit(hit: Pick<Hit, 'documentId' | 'start' | 'end'>, query: SearchQuery): void {
  useFindHandoff.getState().hand({ documentId: hit.documentId, start: hit.start, end: hit.end, query });
  useGloss.getState().jumpTo({ documentId: hit.documentId, start: hit.start, end: hit.end });
}

/** A document's heading row opens the document in the reader (the view switches to it, too). */
function openInReader(documentId: string): void {
  const ui = useGloss.getState();
  ui.openDocument(documentId);
  ui.setView('reader');
}

function MoreRow({ remaining }: { remaining: number }) {
  // Coming into view is asking for more: the list goes on as the person scrolls.
  useEffect(() => void loadMore(), []);
  return (
    <button type="button" className="row-main search-more" onClick={() => void loadMore()}>
      Load more hits ({countOf(remaining, 'more', 'more')})
    </button>
  );
}

export function ResultsList({ rows, query, scroller }: { rows: readonly ResultRow[]; query: SearchQuery; scroller: HTMLElement | null }) {
  const documents = useGloss((s) => s.project?.documents);
  const selected = useSearch((s) => s.selected);
  const nameOf = (id: string) => visibleName(documents?.get(id)?.name ?? 'A removed document');

  const onHitKey = (event: KeyboardEvent<HTMLButtonElement>, hit: Hit) => {
    // Space selects (a button would otherwise click, and jump); Enter clicks, and jumps.
    if (event.key !== ' ') return;
    event.preventDefault();
    if (event.type === 'keydown' && !event.repeat) toggleHit(hit);
  };

  return (
    <VirtualList
      items={rows}
      itemKey={(row) => (row.kind === 'hit' ? row.key : row.kind === 'document' ? `doc:${row.documentId}` : 'more')}
      estimateSize={(row) => (row.kind === 'hit' ? HIT_ROW_PX : DOCUMENT_ROW_PX)}
      scrollElement={scroller}
      label="Search results"
      className="search-results-list"
      renderRow={(row, props) => {
        if (row.kind === 'document') {
          const name = nameOf(row.documentId);
          return (
            <li {...props} className="search-doc-row">
              <button type="button" className="row-main search-doc" onClick={() => openInReader(row.documentId)} title="Open in the reader">
                <span className="search-doc-name">{name}</span>
                <span className="search-doc-count">{countOf(row.count, 'hit', 'hits')}</span>
              </button>
            </li>
          );
        }
        if (row.kind === 'more') {
          return (
            <li {...props} className="search-more-row">
              <MoreRow remaining={row.remaining} />
            </li>
          );
        }
        const { hit } = row;
        const context = trimmedContext(hit.before, hit.after);
        const isSelected = selected.has(row.key);
        return (
          <li {...props} className={isSelected ? 'search-hit-row selected' : 'search-hit-row'}>
            <input
              type="checkbox"
              className="search-hit-check"
              aria-label={`Select hit ${row.number} in ${nameOf(hit.documentId)}`}
              checked={isSelected}
              onChange={() => toggleHit(hit)}
              tabIndex={-1}
            />
            <button
              type="button"
              className="row-main search-hit"
              aria-describedby="search-hit-keys"
              onClick={() => jumpToHit(hit, query)}
              onKeyDown={(event) => onHitKey(event, hit)}
              onKeyUp={(event) => onHitKey(event, hit)}
            >
              <span className="search-context">{context.before}</span>
              <mark className="search-match">{hit.match}</mark>
              <span className="search-context">{context.after}</span>
            </button>
          </li>
        );
      }}
    />
  );
}
