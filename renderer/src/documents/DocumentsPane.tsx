/**
 * The left pane: the project's documents (importing is the toolbar's Import…, the one entry
 * point); a long list renders only what is on screen (VirtualList).
 */
import { useState } from 'react';
import { useGloss } from '../store';
import { VirtualList } from '../common/VirtualList';
import { MenuButton } from '../common/MenuButton';
import { selectDocumentList, type DocumentEntry } from '../store/selectors';
import { DocumentRow } from './DocumentRow';
import { startAnonymise, startPaste } from './actions';
import { DocumentFilterBar } from './DocumentFilterBar';
import { useFilteredDocuments } from './use-filtered-documents';

export function DocumentsPane() {
  const all = useGloss(selectDocumentList);
  const documents = useFilteredDocuments(all);
  const readOnly = useGloss((s) => s.readOnly);
  const [pane, setPane] = useState<HTMLElement | null>(null);
  return (
    <section ref={setPane} className="pane documents-pane" aria-labelledby="documents-heading">
      <header className="pane-header">
        <h2 id="documents-heading">Documents</h2>
        <div className="pane-actions">
          <MenuButton
            label="More ways to add or change documents"
            items={() => [
              { label: 'Paste as new document…', disabled: readOnly, onSelect: startPaste },
              { label: 'Anonymise a name in all documents…', disabled: readOnly || documents.length === 0, onSelect: () => startAnonymise(null) },
            ]}
          />
        </div>
      </header>
      <DocumentFilterBar shown={documents.length} total={all.length} />
      {all.length === 0 ? (
        <p className="pane-empty">No documents yet.</p>
      ) : (
        <VirtualList
          items={documents}
          itemKey={documentKey}
          estimateSize={rowHeight}
          scrollElement={pane}
          label={documents.length === all.length ? 'Documents' : 'Documents (filtered)'}
          className="rows"
          renderRow={(entry, row) => <DocumentRow entry={entry} row={row} />}
        />
      )}
    </section>
  );
}

const documentKey = (entry: DocumentEntry) => entry.id;
/** A row of one line (the stylesheet's .row-main); measured once rendered. */
const rowHeight = () => 30;
