/** The header: file actions, undo/redo with what they will undo, and the Reader/Excerpts switch. */
import { useGloss } from '../store';
import { selectProjectName } from '../store/selectors';
import { openImportPicker } from '../documents/import-picker';
import { ViewSwitch } from './ViewSwitch';

export function Toolbar() {
  const name = useGloss(selectProjectName);
  const hasProject = useGloss((s) => !!s.project);
  const readOnly = useGloss((s) => s.readOnly);
  const history = useGloss((s) => s.history);
  const undo = useGloss((s) => s.undo);
  const redo = useGloss((s) => s.redo);
  const exportFile = useGloss((s) => s.exportFile);

  return (
    <header className="toolbar">
      <h1 className="app-name">
        Gloss{hasProject && <span className="project-name">{name || 'Untitled'}</span>}
      </h1>
      {hasProject && (
        <>
          <div className="toolbar-group" role="group" aria-label="File">
            <button type="button" onClick={openImportPicker} disabled={readOnly}>
              Import…
            </button>
            <button type="button" onClick={() => void exportFile('excerpts-csv')}>
              Export excerpts CSV
            </button>
            <button type="button" onClick={() => void exportFile('codebook-csv')}>
              Export codebook CSV
            </button>
            <button type="button" onClick={() => void exportFile('codebook-qdc')} title="REFI-QDA codebook for NVivo, ATLAS.ti, MAXQDA and QualCoder">
              Export codebook QDC
            </button>
          </div>
          <div className="toolbar-group" role="group" aria-label="History">
            <button
              type="button"
              onClick={() => void undo()}
              disabled={!history.undo}
              aria-label={history.undo ? `Undo ${history.undo}` : 'Undo'}
              title={history.undo ? `Undo ${history.undo} (Ctrl+Z)` : 'Nothing to undo'}
            >
              Undo
            </button>
            <button
              type="button"
              onClick={() => void redo()}
              disabled={!history.redo}
              aria-label={history.redo ? `Redo ${history.redo}` : 'Redo'}
              title={history.redo ? `Redo ${history.redo} (Ctrl+Shift+Z)` : 'Nothing to redo'}
            >
              Redo
            </button>
          </div>
          <ViewSwitch />
        </>
      )}
    </header>
  );
}
