/**
 * Fixing a coding that needs review (its text was edited and its words could not be found
 * for sure): the bar says what the coding was on, and offers to move it to the words the
 * user selects, to keep it where it is, or to remove it.
 */
import type { Coding } from '../../../shared/model/schema';
import { useGloss } from '../store';
import type { Span } from '../store/types';
import { run } from '../project/actions';
import { visibleName } from '../../../shared/text/safe-names';

export interface ReviewBarProps {
  coding: Coding;
  /** The user's selection in this document, if any. */
  selection: Span | null;
}

/** The old quote is shown up to this many characters. */
const QUOTE_MAX = 160;

export function ReviewBar({ coding, selection }: ReviewBarProps) {
  const codeName = useGloss((s) => s.project?.codes.get(coding.codeId)?.name ?? 'a code');
  const readOnly = useGloss((s) => s.readOnly);
  const stopReview = useGloss((s) => s.stopReview);
  const setPending = useGloss((s) => s.setPending);
  const quote = coding.quote.length > QUOTE_MAX ? `${coding.quote.slice(0, QUOTE_MAX - 1)}…` : coding.quote;

  const resolve = async (span?: Span) => {
    const response = await run({ type: 'resolveReview', codingId: coding.id, ...(span ? { start: span.start, end: span.end } : {}) });
    if (response) {
      setPending(null);
      window.getSelection()?.removeAllRanges();
      stopReview();
    }
  };
  const remove = async () => {
    if (await run({ type: 'removeCoding', codingId: coding.id })) stopReview();
  };

  return (
    <div className="review-bar" role="region" aria-label="Coding to review">
      <p>
        <span aria-hidden="true">⚠ </span>
        This coding of <strong>{visibleName(codeName)}</strong> needs review: its text was edited. It was on “{quote}”; it is now on the words underlined with a wavy line.
        {!readOnly && ' Select the words it should cover, or keep it where it is.'}
      </p>
      <div className="review-actions">
        <button type="button" className="small primary" disabled={readOnly || !selection} onClick={() => selection && void resolve(selection)}>
          Move it to the selection
        </button>
        <button type="button" className="small" disabled={readOnly} onClick={() => void resolve()}>
          Keep it where it is
        </button>
        <button type="button" className="small danger" disabled={readOnly} onClick={() => void remove()}>
          Remove it
        </button>
        <button type="button" className="small" onClick={stopReview}>
          Later
        </button>
      </div>
    </div>
  );
}
