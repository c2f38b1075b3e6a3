/** Every coded passage of the chosen codes across all documents. */
import { useMemo } from 'react';
import { useGloss } from '../store';
import { CodeChooser } from './CodeChooser';
import { ExcerptCard } from './ExcerptCard';
import { excerptsFor } from './excerpts';

export function ExcerptsView() {
  const project = useGloss((s) => s.project);
  const revision = useGloss((s) => s.revision);
  const chosen = useGloss((s) => s.excerptCodeIds);
  const hasCodes = useGloss((s) => (s.project?.codes.size ?? 0) > 0);
  // `revision` is a dependency because the project's maps change in place.
  const excerpts = useMemo(() => (project ? excerptsFor(project, chosen) : []), [project, chosen, revision]);

  return (
    <section className="excerpts-view" aria-label="Excerpts">
      {hasCodes ? <CodeChooser /> : null}
      <div className="excerpt-list-wrap">
        <h2 className="excerpt-heading">
          {chosen.length === 0 ? 'Excerpts' : excerpts.length === 1 ? '1 excerpt' : `${excerpts.length} excerpts`}
        </h2>
        {!hasCodes ? (
          <p className="pane-empty">Select text in a document to create your first code; its excerpts will be listed here.</p>
        ) : chosen.length === 0 ? (
          <p className="pane-empty">Choose one or more codes to see every passage coded with them.</p>
        ) : excerpts.length === 0 ? (
          <p className="pane-empty">No passages are coded with the chosen codes yet.</p>
        ) : (
          <ol className="excerpt-list" aria-label="Coded passages">
            {excerpts.map((e) => (
              <ExcerptCard key={e.coding.id} excerpt={e} />
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
