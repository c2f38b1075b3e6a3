/**
 * "Paste as new document": a name and the text, typed or pasted into the field (or read
 * from the clipboard with the button, where the browser allows it). Adds the document in
 * one undoable step and opens it.
 */
import { useState } from 'react';
import { normalizeNewlines } from '../../../shared/import/decode-text';
import { MAX_TEXT_LENGTH } from '../../../shared/import/limits';
import { Dialog } from '../common/Dialog';
import { useGloss } from '../store';
import { run } from '../project/actions';

export function PasteDialog({ onClose }: { onClose: () => void }) {
  const openDocument = useGloss((s) => s.openDocument);
  const setView = useGloss((s) => s.setView);
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const readClipboard = async () => {
    try {
      setText(await navigator.clipboard.readText());
      setProblem(null);
    } catch {
      setProblem('The clipboard could not be read here; paste into the field with Ctrl+V instead.');
    }
  };

  const add = async () => {
    const clean = normalizeNewlines(text).trim();
    if (!name.trim()) return setProblem('Give the document a name.');
    if (!clean) return setProblem('There is no text to add yet: paste it into the field.');
    if (clean.length > MAX_TEXT_LENGTH) return setProblem('The text is over 20 MB, more than one document can hold; split it into several documents.');
    const response = await run({ type: 'addDocuments', documents: [{ name: name.trim(), text: clean, source: null }] });
    const id = response?.created.documentIds?.[0];
    if (!id) return;
    onClose();
    openDocument(id);
    setView('reader');
  };

  return (
    <Dialog
      title="Paste as new document"
      submitLabel="Add document"
      className="wide"
      onSubmit={() => void add()}
      onClose={onClose}
      extraButtons={
        <button type="button" onClick={() => void readClipboard()}>
          Paste from clipboard
        </button>
      }
    >
      <label className="field">
        <span>Name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Interview 4 – nurse" autoFocus />
      </label>
      <label className="field">
        <span>Text</span>
        <textarea className="paste-text" value={text} onChange={(e) => setText(e.target.value)} placeholder="Paste the text here (Ctrl+V)" spellCheck={false} />
      </label>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
