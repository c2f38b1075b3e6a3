/** The header: file actions, undo/redo with what they will undo, and the Reader/Excerpts switch. */
import { useGloss } from '../store';
import { selectProjectName } from '../store/selectors';
import { MenuButton } from '../common/MenuButton';
import { EXPORT_LABELS, EXPORT_ORDER } from '../../../shared/ipc/export-kinds';
import { startImport } from '../documents/actions';
import { exchangeImportItems, exportFile, setCsvRaw } from '../exchange/actions';
import { redo, undo } from '../project/actions';
import { CoderBadge } from '../team/CoderBadge';
import { teamMenuItems } from '../team/actions';
import { shortcutHint } from './shortcut-hint';
import { ViewSwitch } from './ViewSwitch';
import { visibleName } from '../../../shared/text/safe-names';

/**
 * The Export menu's on/off item for raw CSV cells. Off (the default), a cell starting with
 * =, +, -, @, TAB or CR gets a leading ' so a spreadsheet shows it instead of running it.
 */
export const CSV_RAW_LABEL = 'Raw CSV cells (keep a leading =, +, -, @ as is)';

export function Toolbar() {
  const name = useGloss(selectProjectName);
  const hasProject = useGloss((s) => !!s.project);
  const readOnly = useGloss((s) => s.readOnly);
  const history = useGloss((s) => s.history);
  const csvRaw = useGloss((s) => s.csvRaw);

  return (
    <header className="toolbar">
      <h1 className="app-name">
        Gloss{hasProject && <span className="project-name">{visibleName(name) || 'Untitled'}</span>}
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
              items={() => [
                ...EXPORT_ORDER.map((kind) => ({ label: `${EXPORT_LABELS[kind]}…`, onSelect: () => void exportFile(kind) })),
                { label: CSV_RAW_LABEL, checked: csvRaw, onSelect: () => void setCsvRaw(!csvRaw) },
              ]}
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
