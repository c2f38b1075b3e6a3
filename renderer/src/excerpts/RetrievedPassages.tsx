/**
 * The Excerpts view's AND / OR / NOT list: the passages the query holds for, asked of the
 * host (shared/analysis/retrieval.ts through 'analysis:run'), each card opening its
 * passage in the reader and naming the codings that make it.
 */
import { memo } from 'react';
import { useGloss } from '../store';
import { VirtualList, type RowProps } from '../common/VirtualList';
import { countOf } from '../common/format-count';
import { visibleName } from '../../../shared/text/safe-names';
import type { CodeQuery } from '../../../shared/analysis/retrieval';
import type { RetrievedSpan } from '../../../shared/ipc/analysis-request';
import { useAnalysis } from '../analysis/use-analysis';

/** Characters of a passage shown on its card; the reader shows the rest. */
const CARD_CHARS = 600;

export function RetrievedPassages({ query, description, scroller }: { query: CodeQuery; description: string; scroller: HTMLElement | null }) {
  const coderFilter = useGloss((s) => s.coderFilter);
  const { reply, error, busy, stopped, again } = useAnalysis({ view: 'retrieve', query, filter: coderFilter ? { coderIds: coderFilter } : {} });
  const passages = reply?.passages ?? [];
  return (
    <>
      <h2 className="excerpt-heading" aria-busy={busy}>
        {busy ? 'Passages' : countOf(passages.length, 'passage', 'passages')}
      </h2>
      <p className="hint">{description}</p>
      {error && <p role="alert">The passages could not be found: {error}</p>}
      {stopped && (
        <p role="status">
          Retrieval was stopped before it finished.{' '}
          <button type="button" className="small" onClick={again}>
            Retrieve again
          </button>
        </p>
      )}
      {!busy && !error && !stopped && passages.length === 0 && <p className="pane-empty">No passage is coded so.</p>}
      {!busy && passages.length > 0 && (
        <VirtualList
          as="ol"
          items={passages}
          estimateSize={(p) => 70 + Math.ceil(Math.min(CARD_CHARS, p.end - p.start) / 90) * 23}
          scrollElement={scroller}
          label="Retrieved passages"
          className="excerpt-list"
          focusClass="excerpt-button"
          overscan={3}
          renderRow={(passage, row) => <PassageCard passage={passage} row={row} />}
        />
      )}
    </>
  );
}

const PassageCard = memo(function PassageCard({ passage, row }: { passage: RetrievedSpan; row: RowProps }) {
  const project = useGloss((s) => s.project);
  const jumpTo = useGloss((s) => s.jumpTo);
  if (!project) return null;
  const codes = [...new Set(passage.codingIds.map((id) => project.codings.get(id)?.codeId).filter((id): id is string => Boolean(id)))].map((id) => project.codes.get(id)).filter((c) => c !== undefined);
  const text = passage.text.length > CARD_CHARS ? `${passage.text.slice(0, CARD_CHARS)}…` : passage.text;
  return (
    <li {...row} className="excerpt-slot">
      <div className="excerpt">
        <button type="button" className="excerpt-button" onClick={() => jumpTo({ documentId: passage.documentId, start: passage.start, end: passage.end })}>
          <span className="excerpt-text">
            <mark>{text}</mark>
          </span>
        </button>
        <div className="excerpt-meta">
          <span className="excerpt-document">{visibleName(project.documents.get(passage.documentId)?.name ?? '')}</span>
          {codes.map((code) => (
            <span key={code.id} className="excerpt-code">
              <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
              {visibleName(code.name)}
            </span>
          ))}
        </div>
      </div>
    </li>
  );
});
