/** The centre pane: the open document's text with its codings, or what to do when there is none. */
import { useGloss } from '../store';
import { selectDocument } from '../store/selectors';
import { OpenDocument } from './OpenDocument';
import { ImportButton } from '../documents/ImportButton';
import { IMPORT_FORMATS_TEXT } from '../files/accept';

export function ReaderPane() {
  const documentId = useGloss((s) => s.documentId);
  const doc = useGloss(selectDocument(documentId));
  const hasDocuments = useGloss((s) => (s.project?.documents.size ?? 0) > 0);

  if (doc) return <OpenDocument key={doc.id} doc={doc} />;
  return (
    <section className="reader empty-state" aria-label="Reader">
      {hasDocuments ? (
        <p>Choose a document on the left to read and code it.</p>
      ) : (
        <>
          <h2>No documents yet</h2>
          <p>Import transcripts and reports ({IMPORT_FORMATS_TEXT}) with Import, or drop files here.</p>
          <ImportButton />
        </>
      )}
    </section>
  );
}
