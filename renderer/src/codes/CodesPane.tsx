/**
 * The right pane: the code tree, with a search that narrows it to the codes whose name
 * holds the words typed (with their ancestors), New code, and a drop zone for moving a
 * code to the top level. A long tree renders only the rows on screen (VirtualList); the row being
 * dragged stays rendered while the pane scrolls under it, so its drag can end properly.
 */
import { useEffect, useMemo, useState, type DragEvent } from 'react';
import { VirtualList } from '../common/VirtualList';
import { useGloss } from '../store';
import { selectCodeRows, type CodeRow as Row } from '../store/selectors';
import { CoderFilter } from '../team/CoderFilter';
import { CodeRow } from './CodeRow';
import { NewCodeField } from './NewCodeField';
import { draggedCode, endCodeDrag, isCodeDrag } from './code-drag';
import { filterCodeRows } from './code-search';
import './codes.css';
import { useDigitKeys } from './digit-keys';
import { run } from '../project/actions';

export function CodesPane() {
  const allRows = useGloss(selectCodeRows);
  const project = useGloss((s) => s.project);
  // Digit keys follow the whole codebook, not the rows a search leaves.
  const digits = useDigitKeys();
  const [query, setQuery] = useState('');
  const { rows, matches } = useMemo(
    () => (project && query.trim() ? filterCodeRows(allRows, project.codes, query) : { rows: allRows, matches: new Set<string>() }),
    [allRows, project, query],
  );
  const readOnly = useGloss((s) => s.readOnly);
  const hasProject = useGloss((s) => !!s.project);
  const newCodeRequest = useGloss((s) => s.newCodeRequest);
  const [creating, setCreating] = useState(false);
  const [dragOverTop, setDragOverTop] = useState(false);
  // The code being dragged; the top-level drop zone only shows meanwhile.
  const [dragged, setDragged] = useState<string | null>(null);
  const dragging = dragged !== null;
  const [pane, setPane] = useState<HTMLElement | null>(null);
  const pinned = useMemo(() => {
    const at = dragged ? rows.findIndex((row) => row.code.id === dragged) : -1;
    return at >= 0 ? [at] : [];
  }, [rows, dragged]);

  useEffect(() => {
    if (newCodeRequest > 0) setCreating(true);
  }, [newCodeRequest]);

  const onTopDrop = (event: DragEvent) => {
    setDragOverTop(false);
    setDragged(null);
    const code = draggedCode();
    if (!isCodeDrag(event) || !code) return;
    event.preventDefault();
    endCodeDrag();
    void run({ type: 'moveCode', codeId: code, parentId: null });
  };

  return (
    <section
      ref={setPane}
      className="pane codes-pane"
      aria-labelledby="codes-heading"
      onDragStart={(e) => isCodeDrag(e) && setDragged(draggedCode())}
      onDragEnd={() => setDragged(null)}
    >
      <header className="pane-header">
        <h2 id="codes-heading">Codes</h2>
        <CoderFilter />
        <button type="button" className="small" onClick={() => setCreating(true)} disabled={readOnly || !hasProject}>
          New code
        </button>
      </header>
      {creating && <NewCodeField onDone={() => setCreating(false)} />}
      {allRows.length > 0 && (
        <div className="code-search">
          <input
            type="search"
            aria-label="Search codes"
            placeholder="Search codes"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && query && (e.stopPropagation(), setQuery(''))}
          />
          {query.trim() && (
            <span className="code-search-count" aria-live="polite">
              {matches.size === 1 ? '1 code' : `${matches.size} codes`}
            </span>
          )}
        </div>
      )}
      {rows.length === 0 ? (
        allRows.length > 0 ? (
          <p className="pane-empty">No code’s name holds “{query.trim()}”.</p>
        ) : (
          !creating && <p className="pane-empty">Select text in a document to create your first code.</p>
        )
      ) : (
        <VirtualList
          items={rows}
          itemKey={codeKey}
          estimateSize={rowHeight}
          scrollElement={pane}
          label="Code tree"
          className="rows"
          pinned={pinned}
          renderRow={(row, place) => <CodeRow row={row} place={place} match={matches.has(row.code.id)} digit={digits.get(row.code.id)} />}
        />
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

const codeKey = (row: Row) => row.code.id;
/** A row of one line (the stylesheet's .row-main); measured once rendered. */
const rowHeight = () => 30;
