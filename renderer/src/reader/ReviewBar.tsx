/**
 * Fixing a coding that needs review (its text was edited and its words could not be found
 * for sure): the bar says what the coding was on, and offers to move it to the words the
 * user selects, to keep it where it is, or to remove it.
 */
import type { CodingEntry } from '../../../shared/model/coding-columns';
import { useGloss } from '../store';
import type { Span } from '../store/types';
import { run } from '../project/actions';
import { visibleName } from '../../../shared/text/safe-names';

export interface ReviewBarProps {
  coding: CodingEntry;
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
  // A coding that needs review carries its words (see coding-columns.ts); the old quote is what the person must find again.
  const was = coding.quote ?? '';
  const quote = was.length > QUOTE_MAX ? `${was.slice(0, QUOTE_MAX - 1)}…` : was;

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
        This coding of <strong>{visibleName(codeName)}</strong> needs review: its text was edited.{quote ? <> It was on “{quote}”; it is now</> : ' It is now'} on the words underlined with a wavy line.
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
