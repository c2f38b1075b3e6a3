/**
 * The memo manager's editor: one memo's title and text, saved with Save (or Ctrl+Enter),
 * deleted with Delete (undoable); or a new memo, about the project (a journal entry), a
 * document or a code. Words typed are never dropped: leaving the editor (another memo
 * chosen, another view) saves what was not saved yet.
 */
import { useEffect, useRef, useState } from 'react';
import type { Memo, MemoTarget } from '../../../shared/model/schema';
import type { MemoRow } from '../../../shared/analysis/memo-list';
import { codePath } from '../../../shared/model/codes';
import { run } from '../project/actions';
import { useGloss } from '../store';

const KIND_WORDS: Record<MemoTarget['kind'], string> = { project: 'Project journal', document: 'Document memo', code: 'Code memo', coding: 'Memo on a coding' };

/** A memo's target as the About chooser's value. */
const targetKey = (t: MemoTarget) => (t.kind === 'project' ? 'project' : `${t.kind}:${t.id}`);
function targetOf(key: string): MemoTarget {
  if (key === 'project') return { kind: 'project' };
  const [kind, ...rest] = key.split(':');
  return { kind: kind as 'document' | 'code', id: rest.join(':') };
}

export function MemoEditor({ row, onCreated, onDeleted }: { row: MemoRow | null; onCreated: (memoId: string) => void; onDeleted: () => void }) {
  const memo: Memo | null = row?.memo ?? null;
  const project = useGloss((s) => s.project);
  const readOnly = useGloss((s) => s.readOnly);
  const jumpTo = useGloss((s) => s.jumpTo);
  const [title, setTitle] = useState(memo?.title ?? '');
  const [text, setText] = useState(memo?.text ?? '');
  const [about, setAbout] = useState('project');
  // What the project holds (or is being sent), and what is typed: compared when the editor goes.
  const saved = useRef({ title: memo?.title ?? '', text: memo?.text ?? '' });
  const typed = useRef({ title, text, about });
  typed.current = { title, text, about };
  const gone = useRef(false);
  useEffect(
    () => () => {
      const now = typed.current;
      if (gone.current || useGloss.getState().readOnly || (now.title === saved.current.title && now.text === saved.current.text)) return;
      if (memo) void run({ type: 'editMemo', memoId: memo.id, title: now.title, text: now.text });
      else if (now.title.trim() !== '' || now.text.trim() !== '') void run({ type: 'addMemo', target: targetOf(now.about), title: now.title, text: now.text });
    },
    [memo],
  );
  if (!project) return null;
  const changed = memo ? title !== memo.title || text !== memo.text : title.trim() !== '' || text.trim() !== '';

  const save = async () => {
    const before = saved.current;
    // Set before the reply: applying the change may replace this editor before the await ends.
    saved.current = { title, text };
    const done = memo ? await run({ type: 'editMemo', memoId: memo.id, title, text }) : await run({ type: 'addMemo', target: targetOf(about), title, text });
    if (!done) saved.current = before;
    else if (!memo && done.created.memoId) onCreated(done.created.memoId);
  };
  const coding = memo?.target.kind === 'coding' ? project.codings.get(memo.target.id) : undefined;

  return (
    <form
      className="memo-editor"
      aria-label={memo ? `Memo “${memo.title || 'untitled'}”` : 'New memo'}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        }
      }}
    >
      <h3>{memo ? KIND_WORDS[memo.target.kind] : 'New memo'}</h3>
      {row ? (
        <p className="memo-about">
          About: {row.about}
          {coding && (
            <>
              {' '}
              <button type="button" className="link-button" onClick={() => jumpTo({ documentId: coding.documentId, start: coding.start, end: coding.end })}>
                Show the passage
              </button>
            </>
          )}
          {memo?.target.kind === 'document' && project.documents.has(memo.target.id) && (
            <>
              {' '}
              <button type="button" className="link-button" onClick={() => (useGloss.getState().openDocument((memo.target as { id: string }).id), useGloss.getState().setView('reader'))}>
                Open the document
              </button>
            </>
          )}
        </p>
      ) : (
        <label className="field">
          <span>About</span>
          <select value={about} onChange={(e) => setAbout(e.target.value)}>
            <option value="project">The project (journal entry)</option>
            <optgroup label="Documents">
              {[...project.documents.values()]
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((d) => (
                  <option key={d.id} value={targetKey({ kind: 'document', id: d.id })}>
                    {d.name}
                  </option>
                ))}
            </optgroup>
            <optgroup label="Codes">
              {[...project.codes.values()]
                .map((c) => ({ id: c.id, path: codePath(project, c.id) }))
                .sort((a, b) => a.path.localeCompare(b.path))
                .map((c) => (
                  <option key={c.id} value={targetKey({ kind: 'code', id: c.id })}>
                    {c.path}
                  </option>
                ))}
            </optgroup>
          </select>
        </label>
      )}
      {memo && (
        <p className="hint">
          {row!.coderName} · written {memo.createdAt.slice(0, 10)}
          {memo.modifiedAt !== memo.createdAt ? ` · changed ${memo.modifiedAt.slice(0, 16).replace('T', ' ')}` : ''}
        </p>
      )}
      <label className="field">
        <span>Title</span>
        <input value={title} readOnly={readOnly} onChange={(e) => setTitle(e.target.value)} autoFocus={!memo} />
      </label>
      <label className="field memo-text">
        <span>Memo</span>
        <textarea value={text} readOnly={readOnly} onChange={(e) => setText(e.target.value)} rows={14} />
      </label>
      <div className="memo-buttons">
        {memo && (
          <button type="button" className="danger" disabled={readOnly} onClick={() => {
              gone.current = true;
              void run({ type: 'deleteMemo', memoId: memo.id }).then((done) => (done ? onDeleted() : (gone.current = false)));
            }}>
            Delete memo
          </button>
        )}
        <button type="submit" className="primary" disabled={readOnly || !changed}>
          {memo ? 'Save memo' : 'Add memo'}
        </button>
      </div>
    </form>
  );
}
