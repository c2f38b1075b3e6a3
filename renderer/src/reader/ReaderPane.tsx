/** The centre pane: the open document's text with its codings, or what to do when there is none. */
import { useGloss } from '../store';
import { selectDocument } from '../store/selectors';
import { OpenDocument } from './OpenDocument';
import { useDocumentText } from './document-text';
import { HowToStart } from './HowToStart';

export function ReaderPane() {
  const documentId = useGloss((s) => s.documentId);
  const doc = useGloss(selectDocument(documentId));
  const hasDocuments = useGloss((s) => (s.project?.documents.size ?? 0) > 0);
  const { content, error, retry } = useDocumentText(doc?.id ?? null);

  if (doc && content) return <OpenDocument key={doc.id} doc={doc} content={content} />;
  if (doc) {
    // The text is on its way from the host (a few milliseconds), or could not be fetched.
    return (
      <section className="reader empty-state" aria-label="Reader" aria-busy={!error}>
        {error ? (
          <>
            <p className="error-text" role="alert">
              The text of “{doc.name}” could not be loaded: {error}
            </p>
            <button type="button" onClick={retry}>
              Try again
            </button>
          </>
        ) : (
          <p className="muted">Loading “{doc.name}”…</p>
        )}
      </section>
    );
  }
  return (
    <section className="reader empty-state" aria-label="Reader">
      {hasDocuments ? (
        <p>Choose a document on the left to read and code it.</p>
      ) : (
        <HowToStart />
      )}
    </section>
  );
}
