/** The header: file actions, undo/redo with what they will undo, and the Reader/Excerpts switch. */
import { useGloss } from '../store';
import { selectProjectName } from '../store/selectors';
import { MenuButton } from '../common/MenuButton';
import { EXPORT_LABELS, EXPORT_ORDER } from '../../../shared/ipc/export-kinds';
import { startImport } from '../documents/actions';
import { exchangeImportItems, exportFile } from '../exchange/actions';
import { redo, undo } from '../project/actions';
import { CoderBadge } from '../team/CoderBadge';
import { teamMenuItems } from '../team/actions';
import { shortcutHint } from './shortcut-hint';
import { ViewSwitch } from './ViewSwitch';

export function Toolbar() {
  const name = useGloss(selectProjectName);
  const hasProject = useGloss((s) => !!s.project);
  const readOnly = useGloss((s) => s.readOnly);
  const history = useGloss((s) => s.history);

  return (
    <header className="toolbar">
      <h1 className="app-name">
        Gloss{hasProject && <span className="project-name">{name || 'Untitled'}</span>}
      </h1>
      {hasProject && (
        <>
          <div className="toolbar-group" role="group" aria-label="File">
            <button type="button" onClick={() => void startImport()} disabled={readOnly} title={shortcutHint('Import documents', 'import')}>
              Import…
            </button>
            <MenuButton label="Exchange" text="Exchange" items={() => exchangeImportItems(readOnly)} />
            <MenuButton
              label="Export"
              text="Export"
              items={() => EXPORT_ORDER.map((kind) => ({ label: `${EXPORT_LABELS[kind]}…`, onSelect: () => void exportFile(kind) }))}
            />
          </div>
          <div className="toolbar-group" role="group" aria-label="Team">
            <MenuButton label="Team" text="Team" items={() => teamMenuItems(readOnly)} />
            <CoderBadge />
          </div>
          <div className="toolbar-group" role="group" aria-label="History">
            <button
              type="button"
              onClick={() => void undo()}
              disabled={!history.undo}
              aria-label={history.undo ? `Undo ${history.undo}` : 'Undo'}
              title={history.undo ? shortcutHint(`Undo ${history.undo}`, 'undo') : 'Nothing to undo'}
            >
              Undo
            </button>
            <button
              type="button"
              onClick={() => void redo()}
              disabled={!history.redo}
              aria-label={history.redo ? `Redo ${history.redo}` : 'Redo'}
              title={history.redo ? shortcutHint(`Redo ${history.redo}`, 'redo') : 'Nothing to redo'}
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
