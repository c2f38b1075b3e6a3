/**
 * Every coded passage of the chosen codes across all documents. The list holds the
 * codings only (codingsOfCodes reads no text); a card builds its excerpt when it is shown,
 * and only the cards on screen are rendered (VirtualList), so 100,000 excerpts open as
 * quickly as ten.
 */
import { useMemo, useState } from 'react';
import { useGloss } from '../store';
import { codingFilter } from '../store/selectors';
import { CodeChooser } from './CodeChooser';
import { ExcerptCard, estimateCardHeight } from './ExcerptCard';
import { codingsNeedingReview, codingsOfCodes } from '../../../shared/analysis/excerpts';
import { memoLinesByCoding } from '../../../shared/model/memos';
import type { Coding } from '../../../shared/model/schema';
import { VirtualList } from '../common/VirtualList';
import { countOf, formatCount } from '../common/format-count';

/** Lists made so far: each gets a number of its own. */
let lists = 0;

export function ExcerptsView() {
  const project = useGloss((s) => s.project);
  const revision = useGloss((s) => s.revision);
  const chosen = useGloss((s) => s.excerptCodeIds);
  const filter = useGloss((s) => s.excerptFilter);
  const hasCodes = useGloss((s) => (s.project?.codes.size ?? 0) > 0);
  const coderFilter = useGloss((s) => s.coderFilter);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  // `revision` is a dependency because the project's maps change in place. The list is
  // keyed by position (no key per card, see VirtualList), so each new list is a new list.
  const { codings, listId } = useMemo(() => {
    const shown = codingFilter(coderFilter);
    const list: Coding[] = !project ? [] : filter === 'review' ? codingsNeedingReview(project, shown) : codingsOfCodes(project, chosen, shown);
    return { codings: list, listId: ++lists };
  }, [project, chosen, filter, revision, coderFilter]);
  // Worked out once per list: the virtualiser asks for every card's estimate each time it learns a card's height.
  const estimates = useMemo(() => Float32Array.from(codings, estimateCardHeight), [codings]);
  const memos = useMemo(() => (project ? memoLinesByCoding(project) : new Map<string, string[]>()), [project, revision]);
  const reviewing = filter === 'review';

  return (
    <section className="excerpts-view" aria-label="Excerpts">
      {hasCodes ? <CodeChooser /> : null}
      <div className="excerpt-list-wrap" ref={setScroller}>
        <h2 className="excerpt-heading">
          {reviewing
            ? codings.length === 1
              ? '1 coding needs review'
              : `${formatCount(codings.length)} codings need review`
            : chosen.length === 0
              ? 'Excerpts'
              : countOf(codings.length, 'excerpt', 'excerpts')}
        </h2>
        {reviewing ? (
          codings.length === 0 ? (
            <p className="pane-empty">No coding needs review: every coding is on the words it was made on.</p>
          ) : (
            <p className="hint">These codings’ text was edited and their words could not be found for sure. Keep each where it is, fix it in the text, or remove it.</p>
          )
        ) : !hasCodes ? (
          <p className="pane-empty">Select text in a document to create your first code; its excerpts will be listed here.</p>
        ) : chosen.length === 0 ? (
          <p className="pane-empty">Choose one or more codes to see every passage coded with them.</p>
        ) : codings.length === 0 ? (
          <p className="pane-empty">No passages are coded with the chosen codes yet.</p>
        ) : null}
        {codings.length > 0 && (reviewing || chosen.length > 0) && (
          <VirtualList
            key={listId}
            as="ol"
            items={codings}
            estimateSize={(_, index) => estimates[index]!}
            scrollElement={scroller}
            label={reviewing ? 'Codings to review' : 'Coded passages'}
            className="excerpt-list"
            focusClass="excerpt-button"
            overscan={3}
            renderRow={(coding, row) => <ExcerptCard coding={coding} memos={memos.get(coding.id)} row={row} />}
          />
        )}
      </div>
    </section>
  );
}
