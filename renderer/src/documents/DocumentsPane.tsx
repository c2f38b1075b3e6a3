/** The left pane: the project's documents, with Import. */
import { useGloss } from '../store';
import { selectDocumentList } from '../store/selectors';
import { DocumentRow } from './DocumentRow';
import { ImportButton } from './ImportButton';

export function DocumentsPane() {
  const documents = useGloss(selectDocumentList);
  return (
    <section className="pane documents-pane" aria-labelledby="documents-heading">
      <header className="pane-header">
        <h2 id="documents-heading">Documents</h2>
        <ImportButton className="small" />
      </header>
      {documents.length === 0 ? (
        <p className="pane-empty">Import interview transcripts (.txt, .md) with Import or drop files here.</p>
      ) : (
        <ul className="rows" aria-label="Documents">
          {documents.map((entry) => (
            <DocumentRow key={entry.id} entry={entry} />
          ))}
        </ul>
      )}
    </section>
  );
}
