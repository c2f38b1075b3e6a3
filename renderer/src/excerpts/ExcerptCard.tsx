/** One coded passage in the Excerpts view; activating it opens the passage in the reader. */
import { memo } from 'react';
import { useGloss } from '../store';
import type { Excerpt } from '../../../shared/analysis/excerpts';
import { run } from '../project/actions';
import { visibleName } from '../../../shared/text/safe-names';

export const ExcerptCard = memo(function ExcerptCard({ excerpt }: { excerpt: Excerpt }) {
  const jumpTo = useGloss((s) => s.jumpTo);
  const startReview = useGloss((s) => s.startReview);
  const readOnly = useGloss((s) => s.readOnly);
  const { coding } = excerpt;
  return (
    <li className={coding.needsReview ? 'excerpt needs-review' : 'excerpt'}>
      <button
        type="button"
        className="excerpt-button"
        onClick={() => jumpTo({ documentId: coding.documentId, start: coding.start, end: coding.end })}
        aria-describedby={`excerpt-meta-${coding.id}`}
      >
        <span className="excerpt-text">
          <span className="context">{excerpt.before}</span>
          <mark style={{ background: `color-mix(in srgb, ${excerpt.codeColor} 35%, transparent)` }}>{excerpt.text}</mark>
          <span className="context">{excerpt.after}</span>
        </span>
      </button>
      <div className="excerpt-meta" id={`excerpt-meta-${coding.id}`}>
        <span className="excerpt-document">{visibleName(excerpt.documentName)}</span>
        <span className="excerpt-code">
          <span className="swatch" style={{ background: excerpt.codeColor }} aria-hidden="true" />
          {visibleName(excerpt.codeName)}
        </span>
        <span className="excerpt-coder">{visibleName(excerpt.coderName)}</span>
        {coding.needsReview && (
          <span className="review-tag">
            <span aria-hidden="true">⚠ </span>needs review
          </span>
        )}
      </div>
      {coding.needsReview && (
        <div className="excerpt-review">
          {coding.quote !== excerpt.text && (
            <p className="excerpt-was">
              Coded on: “{coding.quote}”
            </p>
          )}
          <div className="review-actions">
            <button type="button" className="small" onClick={() => startReview(coding.id)}>
              Fix in text…
            </button>
            <button type="button" className="small" disabled={readOnly} onClick={() => void run({ type: 'resolveReview', codingId: coding.id })}>
              Keep where it is
            </button>
            <button type="button" className="small danger" disabled={readOnly} onClick={() => void run({ type: 'removeCoding', codingId: coding.id })}>
              Remove coding
            </button>
          </div>
        </div>
      )}
      {excerpt.memos.map((m, i) => (
        <p key={i} className="excerpt-memo">
          Memo: {m}
        </p>
      ))}
    </li>
  );
});
