/**
 * Imports from other QDA tools, started from the toolbar's Exchange menu and the host's
 * File menu: a REFI-QDA project (.qdpx) becomes a new project; a codebook (.qdc or Gloss's
 * codebook .csv) is previewed, then merged into the open project as one undoable step.
 */
import type { MenuItem } from '../common/Menu';
import type { ImportFile } from '../../../shared/ipc/contract';
import type { CodebookPreview } from '../../../shared/formats/codebook/types';
import { getBridge } from '../bridge';
import { fileError } from '../common/errors';
import { openPicker } from '../files/picker';
import { readImportFile } from '../files/base64';
import { useGloss } from '../store';
import { useExchange } from './exchange-store';
import { CODEBOOK_INPUT_ID, QDPX_INPUT_ID } from './file-pickers';

/** File ▸ Import REFI-QDA project…: pick a .qdpx, import it as a new project, show the report. */
export function startQdpxImport(): void {
  openPicker(QDPX_INPUT_ID);
}

/** File ▸ Import codebook…: pick a .qdc or codebook .csv, preview, then import. */
export function startCodebookImport(): void {
  const store = useGloss.getState();
  if (!store.project) return store.notify('Open a project before importing a codebook into it.');
  if (store.readOnly) return store.notify('This project is open read-only: a codebook cannot be imported into it.');
  openPicker(CODEBOOK_INPUT_ID);
}

export function exchangeImportItems(readOnly: boolean): MenuItem[] {
  return [
    { label: 'Import REFI-QDA project (.qdpx)…', onSelect: startQdpxImport },
    { label: 'Import codebook (.qdc or .csv)…', onSelect: startCodebookImport, disabled: readOnly },
  ];
}

/** A chosen .qdpx: read it and ask how to import it. */
export async function qdpxChosen(file: File): Promise<void> {
  try {
    useExchange.getState().show({ kind: 'qdpx-options', file: await readImportFile(file) });
  } catch (e) {
    useGloss.getState().notify(fileError(file.name, e));
  }
}

/** A chosen codebook: ask the host what importing it would do, and show that. */
export async function codebookChosen(file: File): Promise<void> {
  try {
    const payload = await readImportFile(file);
    const preview = await getBridge()['exchange:previewCodebook'](payload);
    useExchange.getState().show({ kind: 'codebook-preview', file: payload, preview });
  } catch (e) {
    useGloss.getState().notify(fileError(file.name, e));
  }
}

/**
 * Imports the previewed codebook as one undoable step and applies the host's change to the
 * store. Resolves to false (with the error shown) when the host refused.
 */
export async function importCodebook(file: ImportFile): Promise<boolean> {
  const store = useGloss.getState();
  try {
    const { result, preview } = await getBridge()['exchange:importCodebook'](file);
    if (!result.ok) {
      store.notify(fileError(file.name, result.error));
      return false;
    }
    store.applyHostChange(result.change, result.history);
    store.notify(codebookSummary(preview), 'info');
    return true;
  } catch (e) {
    store.notify(fileError(file.name, e));
    return false;
  }
}

/** One line for the message area: "Imported codebook X: 3 added, 2 matched, 1 renamed." */
export function codebookSummary(preview: CodebookPreview): string {
  const parts = [`${preview.added.length} added`, `${preview.matched.length} matched`];
  if (preview.renamed.length) parts.push(`${preview.renamed.length} renamed`);
  if (preview.updated.length) parts.push(`${preview.updated.length} updated`);
  return `Imported codebook ${preview.fileName}: ${parts.join(', ')}.`;
}
