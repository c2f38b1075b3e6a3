/** The right pane: the code tree, with New code and a drop zone for moving a code to the top level. */
import { useEffect, useState, type DragEvent } from 'react';
import { useGloss } from '../store';
import { selectCodeRows } from '../store/selectors';
import { CoderFilter } from '../team/CoderFilter';
import { CodeRow } from './CodeRow';
import { NewCodeField } from './NewCodeField';
import { draggedCode, endCodeDrag, isCodeDrag } from './code-drag';
import { run } from '../project/actions';

export function CodesPane() {
  const rows = useGloss(selectCodeRows);
  const readOnly = useGloss((s) => s.readOnly);
  const hasProject = useGloss((s) => !!s.project);
  const newCodeRequest = useGloss((s) => s.newCodeRequest);
  const [creating, setCreating] = useState(false);
  const [dragOverTop, setDragOverTop] = useState(false);
  // The top-level drop zone only shows while a code is being dragged.
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    if (newCodeRequest > 0) setCreating(true);
  }, [newCodeRequest]);

  const onTopDrop = (event: DragEvent) => {
    setDragOverTop(false);
    setDragging(false);
    const dragged = draggedCode();
    if (!isCodeDrag(event) || !dragged) return;
    event.preventDefault();
    endCodeDrag();
    void run({ type: 'moveCode', codeId: dragged, parentId: null });
  };

  return (
    <section
      className="pane codes-pane"
      aria-labelledby="codes-heading"
      onDragStart={(e) => isCodeDrag(e) && setDragging(true)}
      onDragEnd={() => setDragging(false)}
    >
      <header className="pane-header">
        <h2 id="codes-heading">Codes</h2>
        <CoderFilter />
        <button type="button" className="small" onClick={() => setCreating(true)} disabled={readOnly || !hasProject}>
          New code
        </button>
      </header>
      {creating && <NewCodeField onDone={() => setCreating(false)} />}
      {rows.length === 0 ? (
        !creating && <p className="pane-empty">Select text in a document to create your first code.</p>
      ) : (
        <ul className="rows" aria-label="Code tree">
          {rows.map((row) => (
            <CodeRow key={row.code.id} row={row} />
          ))}
        </ul>
      )}
      {dragging && (
        <div
          className={dragOverTop ? 'top-drop drop-target' : 'top-drop'}
          onDragOver={(e) => {
            if (!isCodeDrag(e)) return;
            e.preventDefault();
            setDragOverTop(true);
          }}
          onDragLeave={() => setDragOverTop(false)}
          onDrop={onTopDrop}
        >
          Drag a code here to move it to the top level
        </div>
      )}
    </section>
  );
}
