/**
 * "Edit text": the document's whole text in a plain text field, to fix a typo in a
 * transcript or a name. Saving replaces the text in one undoable step; the host re-anchors
 * every coding to the new text and says what happened to them, which the dialog then shows.
 */
import { useEffect, useRef, useState } from 'react';
import type { EditReport } from '../../../shared/ops/edit-text';
import { Dialog } from '../common/Dialog';
import { useGloss } from '../store';
import { selectDocument } from '../store/selectors';
import { useDocumentText } from '../reader/document-text';
import { reportLines } from './edit-report';
import { ReviewThemButton } from './ReviewThemButton';
import { run } from '../project/actions';
import { visibleName } from '../../../shared/text/safe-names';

export interface EditTextDialogProps {
  documentId: string;
  /** Where to put the caret (the passage the user had selected). */
  selection?: { start: number; end: number };
  onClose: () => void;
}

export function EditTextDialog({ documentId, selection, onClose }: EditTextDialogProps) {
  const doc = useGloss(selectDocument(documentId));
  const { content, error, retry } = useDocumentText(documentId);
  const setPending = useGloss((s) => s.setPending);
  // The field starts with the text as it was fetched (usually already cached by the reader).
  const [text, setText] = useState<string | null>(content?.text ?? null);
  const [report, setReport] = useState<EditReport | null>(null);
  const [saving, setSaving] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const loaded = text !== null;

  useEffect(() => {
    if (content && text === null) setText(content.text);
  }, [content, text]);

  // Open at the passage the user was looking at, not at the top of a long text.
  useEffect(() => {
    const field = area.current;
    if (!field) return;
    field.focus();
    const start = selection?.start ?? 0;
    // How far down the caret is, wrapped lines included: the height of the text before it.
    const full = field.value;
    field.value = full.slice(0, start);
    const caretTop = field.scrollHeight;
    field.value = full;
    field.setSelectionRange(start, selection?.end ?? start);
    field.scrollTop = Math.max(0, caretTop - field.clientHeight / 3);
    // Once, when the text is there: later the caret is the user's.
  }, [loaded]);

  if (!doc) return null;

  if (report) {
    return (
      <Dialog
        title={`Saved the text of “${visibleName(doc.name)}”`}
        submitLabel="Close"
        cancelLabel={null}
        onSubmit={onClose}
        onClose={onClose}
        extraButtons={<ReviewThemButton unplaced={report.unplaced} onClose={onClose} />}
      >
        <ul className="report" aria-label="What happened to the codings">
          {reportLines(report).map((line) => (
            <li key={line} className={line.includes('review') ? 'needs-review' : undefined}>
              {line}
            </li>
          ))}
        </ul>
        <p className="hint">You can undo the edit with Undo (Ctrl+Z).</p>
      </Dialog>
    );
  }

  const save = async () => {
    if (saving || text === null) return;
    if (content && text === content.text) return onClose();
    setSaving(true);
    const response = await run({ type: 'editDocumentText', documentId, text });
    setSaving(false);
    if (!response) return;
    setPending(null);
    setReport(response.report ?? { kept: 0, moved: 0, edited: 0, unplaced: 0 });
  };

  return (
    <Dialog
      title={`Edit the text of “${doc.name}”`}
      submitLabel={saving ? 'Saving…' : 'Save text'}
      submitDisabled={saving || !loaded}
      className="wide"
      onSubmit={() => void save()}
      onClose={onClose}
      extraButtons={
        error && !loaded ? (
          <button type="button" onClick={retry}>
            Try again
          </button>
        ) : undefined
      }
    >
      <p className="hint">Codings follow their words: after saving, each one is kept, moved with its words, or marked for you to review.</p>
      {loaded ? (
        <textarea
          ref={area}
          className="edit-text"
          aria-label="Document text"
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      ) : error ? (
        <p className="error-text" role="alert">
          The text of “{doc.name}” could not be loaded: {error}
        </p>
      ) : (
        <p className="muted">Loading the text…</p>
      )}
    </Dialog>
  );
}
