/** Every coded passage of the chosen codes across all documents. */
import { useGloss } from '../store';
import { CodeChooser } from './CodeChooser';
import { ExcerptCard } from './ExcerptCard';
import { useExcerpts } from './use-excerpts';

const NONE: never[] = [];

export function ExcerptsView() {
  const chosen = useGloss((s) => s.excerptCodeIds);
  const filter = useGloss((s) => s.excerptFilter);
  const hasCodes = useGloss((s) => (s.project?.codes.size ?? 0) > 0);
  // Null while the texts of documents with codings to review are fetched.
  const listed = useExcerpts();
  const excerpts = listed ?? NONE;
  const reviewing = filter === 'review';

  return (
    <section className="excerpts-view" aria-label="Excerpts">
      {hasCodes ? <CodeChooser /> : null}
      <div className="excerpt-list-wrap">
        <h2 className="excerpt-heading">
          {reviewing
            ? listed === null
              ? 'Codings to review'
              : excerpts.length === 1
              ? '1 coding needs review'
              : `${excerpts.length} codings need review`
            : chosen.length === 0
              ? 'Excerpts'
              : excerpts.length === 1
                ? '1 excerpt'
                : `${excerpts.length} excerpts`}
        </h2>
        {reviewing ? (
          listed === null ? (
            <p className="muted">Loading the codings to review…</p>
          ) : excerpts.length === 0 ? (
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
