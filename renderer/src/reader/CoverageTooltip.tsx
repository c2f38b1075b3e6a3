/** Which codes (and coders) cover the text under the pointer: shown on hover, pinned on click. */
import { createPortal } from 'react-dom';
import type { CodingEntry } from '../../../shared/model/coding-columns';
import { useGloss } from '../store';
import { selectMemosByCoding, selectProjectCoders } from '../store/selectors';
import '../team/team.css';

export interface Coverage {
  codings: CodingEntry[];
  /** Viewport position of the pointer. */
  x: number;
  y: number;
  pinned: boolean;
}

export function CoverageTooltip({ coverage }: { coverage: Coverage }) {
  const project = useGloss((s) => s.project);
  const memos = useGloss(selectMemosByCoding);
  const coders = useGloss(selectProjectCoders);
  if (!project) return null;
  // The colours the legend and underlines use (two coders never share one there).
  const shownColor = new Map(coders.map(({ coder }) => [coder.id, coder.color]));
  const left = Math.min(coverage.x + 12, window.innerWidth - 300);
  const top = coverage.y + 18;
  return createPortal(
    <div role="tooltip" className={coverage.pinned ? 'coverage pinned' : 'coverage'} style={{ left, top }}>
      <ul>
        {coverage.codings.map((coding) => {
          const code = project.codes.get(coding.codeId);
          const coder = project.coders.get(coding.coderId);
          return (
            <li key={coding.id}>
              <span className="swatch" style={{ background: code?.color }} aria-hidden="true" />
              {/* One run of text, so a long code name wraps with the coder's name after it, not above it. */}
              <span className="coverage-line">
                <span className="coverage-code">{code?.name ?? 'Unknown code'}</span>
                <span className="coverage-coder">
                  {' — '}
                  {coder && <span className="coder-dot" style={{ background: shownColor.get(coder.id) ?? coder.color }} aria-hidden="true" />}{' '}
                  {coder?.name ?? 'unknown coder'}
                </span>
              </span>
              {coding.needsReview && <span className="coverage-review">needs review (its text was edited)</span>}
              {(memos.get(coding.id) ?? []).map((memo) => (
                <span key={memo.id} className="coverage-memo">
                  Memo: {memo.title || memo.text.slice(0, 60)}
                </span>
              ))}
            </li>
          );
        })}
      </ul>
    </div>,
    document.body,
  );
}
