/**
 * Imports from other QDA tools, started from the toolbar's Exchange menu and the host's
 * File menu. STUB: the exchange-UI engineer fills these in.
 */
import type { MenuItem } from '../common/Menu';

/** File ▸ Import REFI-QDA project…: pick a .qdpx, import it as a new project, show the report. */
export function startQdpxImport(): void {}

/** File ▸ Import codebook…: pick a .qdc or codebook .csv, preview, then import. */
export function startCodebookImport(): void {}

export function exchangeImportItems(readOnly: boolean): MenuItem[] {
  return [
    { label: 'Import REFI-QDA project (.qdpx)…', onSelect: startQdpxImport },
    { label: 'Import codebook (.qdc or .csv)…', onSelect: startCodebookImport, disabled: readOnly },
  ];
}
