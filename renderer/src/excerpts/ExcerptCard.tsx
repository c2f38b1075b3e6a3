/** One coded passage in the Excerpts view; activating it opens the passage in the reader. */
import { memo } from 'react';
import { useGloss } from '../store';
import type { Excerpt } from './excerpts';

export const ExcerptCard = memo(function ExcerptCard({ excerpt }: { excerpt: Excerpt }) {
  const jumpTo = useGloss((s) => s.jumpTo);
  const { coding } = excerpt;
  return (
    <li className="excerpt">
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
        <span className="excerpt-document">{excerpt.documentName}</span>
        <span className="excerpt-code">
          <span className="swatch" style={{ background: excerpt.codeColor }} aria-hidden="true" />
          {excerpt.codeName}
        </span>
        <span className="excerpt-coder">{excerpt.coderName}</span>
      </div>
      {excerpt.memos.map((m, i) => (
        <p key={i} className="excerpt-memo">
          Memo: {m}
        </p>
      ))}
    </li>
  );
});
