/**
 * Everything a menu or a keyboard shortcut can ask Gloss to do, in one table: the label (as
 * the desktop menu shows it, and a shortcut sheet would), the keys, what must be open for it
 * to make sense, and who carries it out. The desktop menu (electron/menu.ts) takes its items'
 * labels, accelerators and enabled states from here, and the renderer's key handling
 * (renderer/src/shell/use-shortcuts.ts) its keys, so the desktop app and the browser host
 * answer the same keys. A unit test refuses an entry without a label, keys that cannot be
 * read, and two commands on one key.
 */
import { exportFormat, type OfferedExportId } from '../export/registry';
import { EXPORT_ORDER } from '../ipc/export-kinds';
import { VIEW_KEY_LIMIT, VIEWS, viewCommand, type ViewCommand } from './views';

export interface CommandInfo {
  /** As the desktop menu shows it: Title Case, "…" when it asks for more before acting. */
  label: string;
  /** Shortcuts, the first one shown in menus: "Mod+Shift+N" (see keys.ts). */
  keys?: readonly string[];
  /** What must be open: nothing, a project, or a project that may be changed. */
  needs: 'nothing' | 'project' | 'editable';
  /**
   * Who carries it out: the renderer (which owns focus, selection and the dialogs; the
   * desktop menu forwards these as MenuCommands), or the desktop host itself (whole-project
   * work with native dialogs, which the browser host does not offer).
   */
  runs: 'renderer' | 'host';
  /** The keys act while typing in a text field too; Undo and Redo leave that to the field's own. */
  inTextFields?: boolean;
}

const FIXED = {
  'new-project': { label: 'New Project…', keys: ['Mod+N'], needs: 'nothing', runs: 'host' },
  'open-project': { label: 'Open…', keys: ['Mod+O'], needs: 'nothing', runs: 'host' },
  'save-as': { label: 'Save As…', keys: ['Mod+Shift+S'], needs: 'project', runs: 'host' },
  import: { label: 'Import Documents…', keys: ['Mod+I'], needs: 'editable', runs: 'renderer' },
  'paste-document': { label: 'Paste as New Document…', needs: 'editable', runs: 'renderer' },
  'import-qdpx': { label: 'Import REFI-QDA Project (.qdpx)…', needs: 'nothing', runs: 'renderer' },
  'import-codebook': { label: 'Import Codebook (.qdc, .csv)…', needs: 'editable', runs: 'renderer' },
  'merge-project': { label: 'Merge Another Copy of This Project…', needs: 'editable', runs: 'renderer' },
  undo: { label: 'Undo', keys: ['Mod+Z'], needs: 'nothing', runs: 'renderer', inTextFields: false },
  redo: { label: 'Redo', keys: ['Mod+Shift+Z', 'Mod+Y'], needs: 'nothing', runs: 'renderer', inTextFields: false },
  'new-code': { label: 'New Code…', keys: ['Mod+Shift+N'], needs: 'editable', runs: 'renderer' },
  find: { label: 'Find in Document…', keys: ['Mod+F'], needs: 'project', runs: 'renderer' },
  'search-project': { label: 'Search Project…', keys: ['Mod+Shift+F'], needs: 'project', runs: 'renderer' },
  anonymise: { label: 'Anonymise…', needs: 'editable', runs: 'renderer' },
  'coder-name': { label: 'Coder Name…', needs: 'project', runs: 'renderer' },
  shortcuts: { label: 'Keyboard Shortcuts', keys: ['?'], needs: 'nothing', runs: 'renderer', inTextFields: false },
} as const satisfies Record<string, CommandInfo>;

/** The export a command saves (File ▸ Export ▸ …): one per format the app offers (shared/export/registry.ts). */
export type ExportCommand = `export-${OfferedExportId}`;

export type CommandId = keyof typeof FIXED | ViewCommand | ExportCommand;

/** Commands the desktop host carries out itself. */
export type HostCommand = { [K in keyof typeof FIXED]: (typeof FIXED)[K]['runs'] extends 'host' ? K : never }[keyof typeof FIXED];

/** Commands the desktop menu sends to the renderer (the `menu` host event). */
export type MenuCommand = Exclude<CommandId, HostCommand>;

/** The `export-<kind>` command of an export. */
export function exportCommand(kind: OfferedExportId): ExportCommand {
  return `export-${kind}`;
}

function viewCommands(): Record<ViewCommand, CommandInfo> {
  const out = {} as Record<ViewCommand, CommandInfo>;
  VIEWS.forEach((view, i) => {
    out[viewCommand(view.id)] = { label: view.label, ...(i < VIEW_KEY_LIMIT ? { keys: [`Mod+${i + 1}`] } : {}), needs: 'project', runs: 'renderer' };
  });
  return out;
}

function exportCommands(): Record<ExportCommand, CommandInfo> {
  const out = {} as Record<ExportCommand, CommandInfo>;
  for (const kind of EXPORT_ORDER) {
    const { label, keys } = exportFormat(kind);
    out[exportCommand(kind)] = { label: `${label}…`, ...(keys ? { keys } : {}), needs: 'project', runs: 'renderer' };
  }
  return out;
}

export const COMMANDS: Readonly<Record<CommandId, CommandInfo>> = { ...FIXED, ...viewCommands(), ...exportCommands() };

/** Whether the renderer carries the command out (the desktop menu forwards it as a MenuCommand). */
export function isMenuCommand(command: CommandId): command is MenuCommand {
  return COMMANDS[command].runs === 'renderer';
}

/** Whether a command can act now, given what is open. */
export function commandAvailable(command: CommandId, state: { hasProject: boolean; readOnly: boolean }): boolean {
  const { needs } = COMMANDS[command];
  return needs === 'nothing' || (state.hasProject && (needs === 'project' || !state.readOnly));
}
