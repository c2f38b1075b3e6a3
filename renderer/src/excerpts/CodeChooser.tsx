/** The Excerpts view's choice of codes: one checkbox per code, in tree order. */
import { useGloss } from '../store';
import { selectCodeRows, selectReviewCount } from '../store/selectors';
import { visibleName } from '../../../shared/text/safe-names';

export function CodeChooser() {
  const rows = useGloss(selectCodeRows);
  const chosen = useGloss((s) => s.excerptCodeIds);
  const setChosen = useGloss((s) => s.setExcerptCodes);
  const filter = useGloss((s) => s.excerptFilter);
  const setFilter = useGloss((s) => s.setExcerptFilter);
  const review = useGloss(selectReviewCount);
  const toggle = (id: string, on: boolean) => setChosen(on ? [...chosen, id] : chosen.filter((c) => c !== id));
  return (
    <fieldset className="code-chooser">
      <legend>Codes to show</legend>
      {(review > 0 || filter === 'review') && (
        <button
          type="button"
          className="small review-filter"
          aria-pressed={filter === 'review'}
          onClick={() => setFilter(filter === 'review' ? 'codes' : 'review')}
          title="Codings whose text was edited and that could not be placed for sure"
        >
          <span aria-hidden="true">⚠ </span>Needs review ({review})
        </button>
      )}
      <div className="chooser-buttons">
        <button type="button" className="small" onClick={() => setChosen(rows.map((r) => r.code.id))}>
          All
        </button>
        <button type="button" className="small" onClick={() => setChosen([])}>
          None
        </button>
      </div>
      {rows.map(({ code, depth, count }) => (
        <label key={code.id} className="check" style={{ paddingLeft: depth * 16 }}>
          <input
            type="checkbox"
            checked={chosen.includes(code.id)}
            onChange={(e) => {
              toggle(code.id, e.target.checked);
              setFilter('codes');
            }}
          />
          <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
          <span>{visibleName(code.name)}</span>
          <span className="count" aria-hidden="true">
            {count}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
