/**
 * The header: Import (the one way in for documents), exchange, export, team, help, undo/redo
 * with what they will undo, and the view switch. When the window is too narrow for one row,
 * Exchange, Export, Team and Help fold into one "More" menu instead of wrapping to a second row.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { useGloss } from '../store';
import type { MenuItem } from '../common/Menu';
import { IMPORT_FORMATS_TEXT } from '../files/accept';
import { selectProjectName } from '../store/selectors';
import { MenuButton } from '../common/MenuButton';
import { EXPORT_LABELS, EXPORT_ORDER } from '../../../shared/ipc/export-kinds';
import { startImport } from '../documents/actions';
import { exchangeImportItems, exportFile, setCsvRaw } from '../exchange/actions';
import { redo, undo } from '../project/actions';
import { CoderBadge } from '../team/CoderBadge';
import { teamMenuItems } from '../team/actions';
import { shortcutHint } from './shortcut-hint';
import { visibleName } from '../../../shared/text/safe-names';

/**
 * The Export menu's on/off item for raw CSV cells. Off (the default), a cell starting with
 * =, +, -, @, TAB or CR gets a leading ' so a spreadsheet shows it instead of running it.
 */
export const CSV_RAW_LABEL = 'Raw CSV cells (keep a leading =, +, -, @ as is)';

/** The Help menu: the shortcut sheet. */
function helpItems(): MenuItem[] {
  return [{ label: 'Keyboard shortcuts (?)', onSelect: () => useGloss.getState().openDialog({ kind: 'shortcuts' }) }];
}

/** Whether the toolbar's full row fits its width; the width it needs is measured while it is shown whole. */
function useFolded(header: HTMLElement | null, key: unknown): boolean {
  const [folded, setFolded] = useState(false);
  const needed = useRef(0);
  useLayoutEffect(() => {
    if (!header) return;
    const check = () => {
      if (!header.classList.contains('folded')) needed.current = header.scrollWidth;
      setFolded(header.clientWidth < needed.current);
    };
    check();
    const observer = new ResizeObserver(check);
    observer.observe(header);
    return () => observer.disconnect();
  }, [header, key]);
  return folded;
}

export function Toolbar() {
  const name = useGloss(selectProjectName);
  const hasProject = useGloss((s) => !!s.project);
  const readOnly = useGloss((s) => s.readOnly);
  const history = useGloss((s) => s.history);
  const csvRaw = useGloss((s) => s.csvRaw);
  const [header, setHeader] = useState<HTMLElement | null>(null);
  // Re-measured when the project (and its name's width) changes.
  const folded = useFolded(header, `${hasProject} ${name}`);
  const exportItems = (): MenuItem[] => [
    ...EXPORT_ORDER.map((kind) => ({ label: `${EXPORT_LABELS[kind]}…`, onSelect: () => void exportFile(kind) })),
    { label: CSV_RAW_LABEL, checked: csvRaw, onSelect: () => void setCsvRaw(!csvRaw) },
  ];
  const section = (title: string, items: MenuItem[]): MenuItem[] => [{ label: title, onSelect: () => {}, disabled: true }, ...items.map((item) => ({ ...item, indent: 1 }))];

  return (
    <header ref={setHeader} className={folded ? 'toolbar folded' : 'toolbar'}>
      <h1 className="app-name">
        Gloss{hasProject && <span className="project-name">{visibleName(name) || 'Untitled'}</span>}
      </h1>
      {hasProject && (
        <>
          <div className="toolbar-group" role="group" aria-label="File">
            <button type="button" onClick={() => void startImport()} disabled={readOnly} title={shortcutHint(`Import documents: ${IMPORT_FORMATS_TEXT}`, 'import')}>
              Import…
            </button>
            {!folded && (
              <>
                <MenuButton label="Exchange" text="Exchange" items={() => exchangeImportItems(readOnly)} />
                <MenuButton label="Export" text="Export" items={exportItems} />
              </>
            )}
          </div>
          {folded ? (
            <MenuButton
              label="More: exchange, export, team and help"
              text="More ▾"
              items={() => [
                ...section('Exchange', exchangeImportItems(readOnly)),
                ...section('Export', exportItems()),
                ...section('Team', teamMenuItems(readOnly)),
                ...section('Help', helpItems()),
              ]}
            />
          ) : (
            <div className="toolbar-group" role="group" aria-label="Team">
              <MenuButton label="Team" text="Team" items={() => teamMenuItems(readOnly)} />
              <MenuButton label="Help" text="Help" items={helpItems} />
            </div>
          )}
          <CoderBadge />
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
        </>
      )}
    </header>
  );
}
