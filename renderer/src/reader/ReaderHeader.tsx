/** The reader's header: the document's name and size, codings needing review, the outline, Find, and the document's actions. */
import type { DocumentEntry } from '../../../shared/model/document-index';
import { MenuButton } from '../common/MenuButton';
import { useGloss } from '../store';
import type { Span } from '../store/types';
import type { Heading } from './layout';
import { OutlineButton } from './OutlineButton';
import { startAnonymise, startEditText } from '../documents/actions';
import { visibleName } from '../../../shared/text/safe-names';

export interface ReaderHeaderProps {
  doc: DocumentEntry;
  codings: number;
  /** Codings of this document that need review. */
  review: number;
  headings: readonly Heading[];
  onHeading: (heading: Heading) => void;
  onFind: () => void;
  /** The passage the user has selected, where "Edit text" puts its caret. */
  selection: () => Span | null;
}

export function ReaderHeader({ doc, codings, review, headings, onHeading, onFind, selection }: ReaderHeaderProps) {
  const readOnly = useGloss((s) => s.readOnly);
  const showNeedsReview = useGloss((s) => s.showNeedsReview);
  return (
    <header className="reader-header">
      <h2>{visibleName(doc.name)}</h2>
      <span className="muted">
        {codings === 1 ? '1 coding' : `${codings.toLocaleString()} codings`} · {doc.textLength.toLocaleString()} characters
      </span>
      {review > 0 && (
        <button type="button" className="small review-badge" onClick={showNeedsReview} title="Show the codings whose text changed and that need a look">
          <span aria-hidden="true">⚠ </span>
          {review === 1 ? '1 coding needs review' : `${review} codings need review`}
        </button>
      )}
      <div className="reader-tools">
        {headings.length > 0 && <OutlineButton headings={headings} onGo={onHeading} />}
        <button type="button" className="small" onClick={onFind} title="Find in document (Ctrl+F)">
          Find
        </button>
        <MenuButton
          label="Document actions"
          items={() => [
            {
              label: 'Edit text…',
              disabled: readOnly,
              onSelect: () => {
                const span = selection();
                startEditText(doc.id, span ? { start: span.start, end: span.end } : undefined);
              },
            },
            { label: 'Anonymise…', disabled: readOnly, onSelect: () => startAnonymise(doc.id) },
          ]}
        />
      </div>
    </header>
  );
}
