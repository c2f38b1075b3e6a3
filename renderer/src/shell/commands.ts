/**
 * What each command of the table (shared/app/commands.ts) does in the renderer, which owns
 * focus, selection and the dialogs. The desktop menu sends these as MenuCommands and the
 * keyboard shortcuts run them in both hosts, so a command behaves the same either way. A
 * command that cannot act now (no project, or a read-only one) does nothing.
 */
import { commandAvailable, exportCommand, type MenuCommand } from '../../../shared/app/commands';
import { VIEWS, viewCommand, type ViewCommand } from '../../../shared/app/views';
import { EXPORT_ORDER } from '../../../shared/ipc/export-kinds';
import type { ExportCommand } from '../../../shared/app/commands';
import { isTextField } from '../common/text-field';
import { startAnonymise, startImport, startPaste } from '../documents/actions';
import { exportFile, startCodebookImport, startQdpxImport } from '../exchange/actions';
import { redo, undo } from '../project/actions';
import { useGloss } from '../store';
import { askCoderName, startMerge } from '../team/actions';
import { openSearch } from '../search/actions';

const store = useGloss.getState;

function viewHandlers(): Record<ViewCommand, () => void> {
  return Object.fromEntries(VIEWS.map((v) => [viewCommand(v.id), () => store().setView(v.id)])) as Record<ViewCommand, () => void>;
}

function exportHandlers(): Record<ExportCommand, () => void> {
  return Object.fromEntries(EXPORT_ORDER.map((kind) => [exportCommand(kind), () => void exportFile(kind)])) as Record<ExportCommand, () => void>;
}

/** One handler per command: the compiler refuses a command without one. */
export const COMMAND_HANDLERS: { readonly [C in MenuCommand]: () => void } = {
  // In a text field the menu's Undo means the field's own undo, as everywhere else.
  undo: () => (isTextField(document.activeElement) ? document.execCommand('undo') : void undo()),
  redo: () => (isTextField(document.activeElement) ? document.execCommand('redo') : void redo()),
  import: () => void startImport(),
  'paste-document': startPaste,
  'import-qdpx': () => void startQdpxImport(),
  'import-codebook': () => void startCodebookImport(),
  'merge-project': startMerge,
  'new-code': () => store().requestNewCode(),
  find: () => store().requestFind(),
  'search-project': openSearch,
  anonymise: () => startAnonymise(store().documentId),
  'coder-name': askCoderName,
  shortcuts: () => store().openDialog({ kind: 'shortcuts' }),
  ...viewHandlers(),
  ...exportHandlers(),
};

/** Runs a command from the menu or the keyboard, if it can act now. */
export function runCommand(command: MenuCommand): void {
  const { project, readOnly } = store();
  if (!commandAvailable(command, { hasProject: !!project, readOnly })) return;
  COMMAND_HANDLERS[command]();
}
