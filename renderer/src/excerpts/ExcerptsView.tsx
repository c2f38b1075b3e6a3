/** Every coded passage of the chosen codes across all documents. */
import { useMemo } from 'react';
import { useGloss } from '../store';
import { codingFilter } from '../store/selectors';
import { CodeChooser } from './CodeChooser';
import { ExcerptCard } from './ExcerptCard';
import { excerptsFor, reviewExcerpts } from '../../../shared/analysis/excerpts';

export function ExcerptsView() {
  const project = useGloss((s) => s.project);
  const revision = useGloss((s) => s.revision);
  const chosen = useGloss((s) => s.excerptCodeIds);
  const filter = useGloss((s) => s.excerptFilter);
  const hasCodes = useGloss((s) => (s.project?.codes.size ?? 0) > 0);
  const coderFilter = useGloss((s) => s.coderFilter);
  // `revision` is a dependency because the project's maps change in place.
  const excerpts = useMemo(() => {
    if (!project) return [];
    const shown = codingFilter(coderFilter);
    return filter === 'review' ? reviewExcerpts(project, shown) : excerptsFor(project, chosen, shown);
  }, [project, chosen, filter, revision, coderFilter]);
  const reviewing = filter === 'review';

  return (
    <section className="excerpts-view" aria-label="Excerpts">
      {hasCodes ? <CodeChooser /> : null}
      <div className="excerpt-list-wrap">
        <h2 className="excerpt-heading">
          {reviewing
            ? excerpts.length === 1
              ? '1 coding needs review'
              : `${excerpts.length} codings need review`
            : chosen.length === 0
              ? 'Excerpts'
              : excerpts.length === 1
                ? '1 excerpt'
                : `${excerpts.length} excerpts`}
        </h2>
        {reviewing ? (
          excerpts.length === 0 ? (
            <p className="pane-empty">No coding needs review: every coding is on the words it was made on.</p>
          ) : (
            <p className="hint">These codings’ text was edited and their words could not be found for sure. Keep each where it is, fix it in the text, or remove it.</p>
          )
        ) : !hasCodes ? (
          <p className="pane-empty">Select text in a document to create your first code; its excerpts will be listed here.</p>
        ) : chosen.length === 0 ? (
          <p className="pane-empty">Choose one or more codes to see every passage coded with them.</p>
        ) : excerpts.length === 0 ? (
          <p className="pane-empty">No passages are coded with the chosen codes yet.</p>
        ) : null}
        {excerpts.length > 0 && (reviewing || chosen.length > 0) && (
          <ol className="excerpt-list" aria-label={reviewing ? 'Codings to review' : 'Coded passages'}>
            {excerpts.map((e) => (
              <ExcerptCard key={e.coding.id} excerpt={e} />
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
