/**
 * The excerpts behind a number: what any count of an analysis view opens. Codings are
 * listed as the Excerpts view lists them (its cards, virtualised); co-occurring pairs side
 * by side, one passage of each code.
 */
import { memo, useMemo, useState, type CSSProperties } from 'react';
import { useGloss } from '../store';
import { VirtualList, type RowProps } from '../common/VirtualList';
import { ExcerptCard, estimateCardHeight, useFetchedText } from '../excerpts/ExcerptCard';
import { excerptOf } from '../../../shared/analysis/excerpts';
import { memoLinesByCoding } from '../../../shared/model/memos';
import type { CodingEntry } from '../../../shared/model/coding-columns';
import type { AnalysisRequest } from '../../../shared/ipc/analysis-request';
import { visibleName } from '../../../shared/text/safe-names';
import { countOf } from '../common/format-count';
import { useAnalysis } from './use-analysis';

/** A number's excerpts, as asked for: a code's codings in some documents, or a co-occurrence cell's pairs. */
export interface Evidence {
  /** Says what the number was: "12 codings of Trust in Person 3". */
  title: string;
  request: Extract<AnalysisRequest, { view: 'codings' | 'pairs' }>;
}

export function EvidencePanel({ evidence, onClose }: { evidence: Evidence; onClose: () => void }) {
  const project = useGloss((s) => s.project);
  const memosVersion = useGloss((s) => s.versions.memos);
  const { reply, error, busy, stopped, again } = useAnalysis(evidence.request);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const memos = useMemo(() => (project ? memoLinesByCoding(project) : new Map<string, string[]>()), [project, memosVersion]);
  const codings = useMemo(() => {
    if (!project || reply?.view !== 'codings') return [];
    return reply.codingIds.map((id) => project.codings.get(id)).filter((c): c is CodingEntry => Boolean(c));
  }, [project, reply]);
  const pairs = useMemo(() => {
    if (!project || reply?.view !== 'pairs') return [];
    return reply.pairs.flatMap((p) => {
      const a = project.codings.get(p.a);
      const b = project.codings.get(p.b);
      return a && b ? [{ a, b }] : [];
    });
  }, [project, reply]);
  const count = reply?.view === 'pairs' ? pairs.length : codings.length;

  return (
    <section className="analysis-evidence" aria-label="Excerpts behind the number" ref={setScroller}>
      <div className="analysis-evidence-head">
        <h2 aria-busy={busy}>{evidence.title}</h2>
        <button type="button" className="small" onClick={onClose}>
          Close excerpts
        </button>
      </div>
      {error ? (
        <p role="alert">The excerpts could not be listed: {error}</p>
      ) : busy ? (
        <p className="muted">Listing the excerpts…</p>
      ) : stopped ? (
        <p role="status">
          Listing was stopped before it finished.{' '}
          <button type="button" className="small" onClick={again}>
            List again
          </button>
        </p>
      ) : (
        <p className="muted">{reply?.view === 'pairs' ? countOf(count, 'pair of co-occurring passages', 'pairs of co-occurring passages') : countOf(count, 'excerpt', 'excerpts')}</p>
      )}
      {!busy && reply?.view === 'codings' && codings.length > 0 && (
        <VirtualList
          as="ol"
          items={codings}
          estimateSize={(coding) => estimateCardHeight(coding)}
          scrollElement={scroller}
          label="Excerpts behind the number"
          className="excerpt-list"
          focusClass="excerpt-button"
          overscan={3}
          renderRow={(coding, row) => <ExcerptCard coding={coding} memos={memos.get(coding.id)} row={row} />}
        />
      )}
      {!busy && reply?.view === 'pairs' && pairs.length > 0 && (
        <VirtualList
          as="ol"
          items={pairs}
          estimateSize={(p) => Math.max(estimateCardHeight(p.a), estimateCardHeight(p.b)) / 2 + 40}
          scrollElement={scroller}
          label="Co-occurring passages, side by side"
          className="analysis-pairs"
          focusClass="analysis-pair-open"
          overscan={3}
          renderRow={(pair, row) => <PairRow a={pair.a} b={pair.b} row={row} />}
        />
      )}
    </section>
  );
}

/** Two co-occurring codings side by side; each opens in the reader. */
const PairRow = memo(function PairRow({ a, b, row }: { a: CodingEntry; b: CodingEntry; row: RowProps }) {
  const project = useGloss((s) => s.project);
  const jumpTo = useGloss((s) => s.jumpTo);
  const texts = useGloss((s) => s.texts);
  useGloss((s) => s.textsVersion);
  const key = project?.documents.get(a.documentId)?.contentKey;
  const cached = key ? texts.peek(a.documentId, key)?.text : undefined;
  // Both passages are in one document; its text gives their words (the index holds none).
  const fetched = useFetchedText(a.documentId, key, cached === undefined);
  if (!project) return null;
  const text = cached ?? fetched;
  const side = (coding: CodingEntry) => {
    const excerpt = excerptOf(project, coding, [], () => text);
    return (
      <div className="analysis-pair-side">
        <button type="button" className="analysis-pair-open" onClick={() => jumpTo({ documentId: coding.documentId, start: coding.start, end: coding.end })}>
          <span className="excerpt-code">
            <span className="swatch" style={{ background: excerpt.codeColor }} aria-hidden="true" />
            {visibleName(excerpt.codeName)}
          </span>
          <span className="excerpt-text">
            <span className="context">{excerpt.before}</span>
            <mark className="code-mark" style={{ '--code-color': excerpt.codeColor } as CSSProperties}>{excerpt.text}</mark>
            <span className="context">{excerpt.after}</span>
          </span>
        </button>
      </div>
    );
  };
  return (
    <li {...row} className="analysis-pair">
      <p className="excerpt-document">{visibleName(project.documents.get(a.documentId)?.name ?? '')}</p>
      <div className="analysis-pair-sides">
        {side(a)}
        {side(b)}
      </div>
    </li>
  );
});
