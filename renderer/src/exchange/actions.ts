/**
 * Files to and from other tools, started from the toolbar's Exchange and Export menus and
 * the desktop File menu: a REFI-QDA project (.qdpx) becomes a new project; a codebook (.qdc
 * or Gloss's codebook .csv) is previewed, then merged into the open project as one undoable
 * step; exports are saved (desktop) or downloaded (browser), with CSV cells made safe for
 * spreadsheets unless the Export menu's raw setting is on.
 */
import type { MenuItem } from '../common/Menu';
import type { CodebookPreview } from '../../../shared/formats/codebook/types';
import { call, callOrNotify } from '../bridge/call';
import type { ExportKind, FileRef, QdpxImportRequest } from '../bridge/channels';
import { fileError, messageOf, nothingWas } from '../common/errors';
import { chooseFiles, toFileRef } from '../files/choose';
import { downloadExport } from '../files/download';
import { useGloss } from '../store';
import { exportFormat } from '../../../shared/export/registry';
import type { ReportSection } from '../../../shared/export/report-sections';
import type { AnalysisFilter } from '../../../shared/analysis/scope';
import { currentAnalysisFilter } from '../analysis/filter-state';

/** The one file chosen for `purpose`, as the host is sent it; null when none was chosen or it cannot be read (shown). */
async function chooseOne(purpose: 'qdpx' | 'codebook'): Promise<FileRef | null> {
  const [picked] = await chooseFiles(purpose);
  if (!picked) return null;
  try {
    return await toFileRef(picked);
  } catch (e) {
    useGloss.getState().notify(messageOf(e));
    return null;
  }
}

/** File ▸ Import REFI-QDA project…: choose a .qdpx, then ask how to import it. */
export async function startQdpxImport(): Promise<void> {
  const file = await chooseOne('qdpx');
  if (file) useGloss.getState().openDialog({ kind: 'qdpx-options', file });
}

/**
 * Imports the .qdpx as a new project, which the reply opens in place of this one, and shows
 * the report. Resolves to the error to show in the options dialog, or null when done (or
 * when the person cancelled the desktop app's save dialog, and nothing was imported).
 */
export async function importQdpx(file: FileRef, positions: QdpxImportRequest['positions']): Promise<string | null> {
  const outcome = await call('exchange:importQdpx', { file, positions });
  if (!outcome.ok) return nothingWas(fileError(file.name, outcome.error), 'imported');
  const done = outcome.value;
  useGloss.getState().openDialog(done ? { kind: 'qdpx-report', report: done.report, path: done.path } : null);
  return null;
}

/** File ▸ Import codebook…: choose a .qdc or codebook .csv, and show what importing it would do. */
export async function startCodebookImport(): Promise<void> {
  const store = useGloss.getState();
  if (!store.project) return store.notify('Open a project before importing a codebook into it.');
  if (store.readOnly) return store.notify('This project is open read-only: a codebook cannot be imported into it.');
  const file = await chooseOne('codebook');
  if (!file) return;
  const preview = await callOrNotify('exchange:previewCodebook', [file], (error) => fileError(file.name, error));
  if (preview) store.openDialog({ kind: 'codebook-preview', file, preview });
}

/** Imports the previewed codebook as one undoable step. Resolves to false (with the error shown) when the host refused. */
export async function importCodebook(file: FileRef): Promise<boolean> {
  const reply = await callOrNotify('exchange:importCodebook', [file], (error) => fileError(file.name, error));
  if (reply) useGloss.getState().notify(codebookSummary(reply.preview), 'info');
  return !!reply;
}

/** One line for the message area: "Imported codebook X: 3 added, 2 matched, 1 renamed." */
export function codebookSummary(preview: CodebookPreview): string {
  const parts = [`${preview.added.length} added`, `${preview.matched.length} matched`];
  if (preview.renamed.length) parts.push(`${preview.renamed.length} renamed`);
  if (preview.updated.length) parts.push(`${preview.updated.length} updated`);
  return `Imported codebook ${preview.fileName}: ${parts.join(', ')}.`;
}

export function exchangeImportItems(readOnly: boolean): MenuItem[] {
  return [
    { label: 'Import REFI-QDA project (.qdpx)…', onSelect: () => void startQdpxImport() },
    { label: 'Import codebook (.qdc or .csv)…', onSelect: () => void startCodebookImport(), disabled: readOnly },
  ];
}

/** What an export counts and holds beyond its kind: the report's analysis sections, the analysis filter. */
export interface ExportChoices {
  sections?: readonly ReportSection[];
  filter?: AnalysisFilter;
}

/**
 * Saves an export: the desktop app asks where with its save dialog; the browser downloads it.
 * The request says whether CSV cells go out raw (the setting as the host last replied it).
 * The HTML report first asks which analysis tables it holds (its dialog
 * calls back with `choices`); the analysis tables count what the Analysis view counts.
 */
export async function exportFile(kind: ExportKind, choices?: ExportChoices): Promise<void> {
  const store = useGloss.getState();
  if (kind === 'html-report' && choices === undefined) {
    store.openDialog({ kind: 'report-options' });
    return;
  }
  const filter = choices ? choices.filter : exportFormat(kind).menu === 'analysis' ? currentAnalysisFilter() : null;
  const request = { kind, csvRaw: store.csvRaw, ...(choices?.sections?.length ? { sections: [...choices.sections] } : {}), ...(filter ? { filter } : {}) };
  const describe = (error: string) => `Export failed: ${error}`;
  if (store.host === 'electron') {
    const saved = await callOrNotify('export:save', [request], describe);
    if (saved?.path) store.notify(`Exported to ${saved.path}.`, 'info');
    return;
  }
  const file = await callOrNotify('export:content', [request], describe);
  if (file) downloadExport(file);
}

/** Fetches the export settings from the host (at start); the reply sets the store's mirror. */
export async function loadExportSettings(): Promise<void> {
  // Settings are a convenience: without them exports keep the safe default, so a failure is not shown.
  await call('settings:export');
}

/** The Export menu's raw-CSV setting: saved by the host, which replies with what it now keeps. */
export async function setCsvRaw(raw: boolean): Promise<void> {
  await callOrNotify('settings:setExport', [{ csvRaw: raw }], (error) => `The export setting was not saved: ${error}`);
}
