/**
 * Writing or editing a memo about a coding. Focus starts in the memo itself (typing straight
 * away must not land in the title); the title is optional and derived from the memo when empty.
 */
import { useState } from 'react';
import type { Memo } from '../../../shared/model/schema';
import type { CodingEntry } from '../../../shared/model/coding-columns';
import { Dialog } from '../common/Dialog';
import { useGloss } from '../store';
import { run } from '../project/actions';
import { visibleName } from '../../../shared/text/safe-names';
import { wordsOf } from '../../../shared/model/coding-columns';
import { useDocumentText } from '../reader/document-text';
import { memoTitle } from '../../../shared/model/memo-title';

export function MemoDialog({ coding, memo, onClose }: { coding: CodingEntry; memo: Memo | null; onClose: () => void }) {
  const codeName = useGloss((s) => s.project?.codes.get(coding.codeId)?.name ?? 'code');
  const [titleField, setTitle] = useState(memo?.title ?? '');
  const [text, setText] = useState(memo?.text ?? '');
  // The index's codings carry no words: the quote comes from the document's text (cached when the coding was just shown).
  const content = useDocumentText(coding.documentId).content;
  const quote = coding.quote ?? (content ? wordsOf(coding, content.text).quote : null);

  const save = async () => {
    const title = memoTitle(titleField, text);
    const response = memo
      ? await run({ type: 'editMemo', memoId: memo.id, title, text })
      : await run({ type: 'addMemo', target: { kind: 'coding', id: coding.id }, title, text });
    if (response) onClose();
  };
  const remove = async () => {
    if (memo && (await run({ type: 'deleteMemo', memoId: memo.id }))) onClose();
  };

  return (
    <Dialog
      title={memo ? 'Edit memo' : `Memo on “${visibleName(codeName)}”`}
      submitLabel="Save memo"
      onSubmit={() => void save()}
      onClose={onClose}
      extraButtons={
        memo && (
          <button type="button" className="danger" onClick={() => void remove()}>
            Delete memo
          </button>
        )
      }
    >
      <blockquote className="memo-quote">{quote ?? '…'}</blockquote>
      <label className="field">
        <span>Memo</span>
        <textarea rows={6} value={text} onChange={(e) => setText(e.target.value)} autoFocus />
      </label>
      <label className="field">
        <span>Title (optional)</span>
        <input value={titleField} onChange={(e) => setTitle(e.target.value)} placeholder={memoTitle('', text) || 'From the memo’s first words'} />
      </label>
    </Dialog>
  );
}
