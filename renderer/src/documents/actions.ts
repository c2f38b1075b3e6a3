/**
 * Documents in and out of the project: the one import pipeline (files chosen with Import or
 * Ctrl+I, dropped on the window, or held back as duplicates), whichever host runs the app,
 * and the document dialogs. What an import did is said here, once: the first new document
 * opens, refused files and notes are named, duplicates are offered as copies.
 */
import type { AnonymiseRequest } from '../../../shared/ops/requests';
import { call, callOrNotify, type Outcome } from '../bridge/call';
import type { FileRef, ImportResponse } from '../bridge/channels';
import type { AnonymisePreview } from '../../../shared/ops/edit-text';
import { messageOf } from '../common/errors';
import { chooseFiles, toFileRef, type PickedFile } from '../files/choose';
import { useGloss } from '../store';

/** Refuses (with the reason shown) when nothing can be imported now. */
function canImport(): boolean {
  const store = useGloss.getState();
  if (!store.project) return false;
  if (store.readOnly) {
    store.notify('This project is open read-only, so nothing can be imported into it.');
    return false;
  }
  return true;
}

/** Import…: choose documents (the desktop app's dialog or the browser's), then import them. */
export async function startImport(): Promise<void> {
  if (!canImport()) return;
  const picked = await chooseFiles('documents');
  if (picked.length > 0) await importDocuments(picked);
}

/** Files dropped on the window. */
export async function importDropped(files: File[]): Promise<void> {
  if (files.length > 0 && canImport()) await importDocuments(files);
}

/**
 * Imports files as documents in one undoable step and says what happened. With `asCopies`,
 * files whose content the project already has are imported as copies (the duplicates dialog).
 */
export async function importDocuments(picked: readonly (PickedFile | FileRef)[], asCopies = false): Promise<void> {
  const store = useGloss.getState();
  let files: FileRef[];
  try {
    files = await Promise.all(picked.map(toFileRef));
  } catch (e) {
    store.notify(`Import failed: ${messageOf(e)}`);
    return;
  }
  const response = await callOrNotify(asCopies ? 'documents:importCopies' : 'documents:import', [files], (error) => `Import failed: ${error}`);
  if (response) reportImport(response, files);
}

/** Shows what an import did: opens the first new document, names refusals and notes, and asks about duplicates. */
function reportImport(response: ImportResponse, sent: FileRef[]): void {
  const store = useGloss.getState();
  for (const failure of response.failed) store.notify(failure.error);
  for (const note of response.notes) store.notify(note.note, 'info'); // each note already names its file
  const first = response.imported[0];
  if (first) {
    store.openDocument(first.id);
    store.setView('reader');
    const names = response.imported.map((d) => d.name);
    store.notify(names.length === 1 ? `Imported “${names[0]}”.` : `Imported ${names.length} documents.`, 'info');
  }
  if (response.duplicates.length > 0) {
    const held = new Set(response.duplicates.map((d) => d.name));
    store.openDialog({ kind: 'duplicates', files: sent.filter((f) => held.has(f.name)), list: response.duplicates });
  }
}

/** What an anonymise request would replace and which codings it would touch; changes nothing. */
export function previewAnonymise(request: AnonymiseRequest): Promise<Outcome<AnonymisePreview>> {
  return call('ops:previewAnonymise', request);
}

/** Paste as new document…. */
export function startPaste(): void {
  useGloss.getState().openDialog({ kind: 'paste' });
}

/** Anonymise…: in one document, or (null) in all of them. */
export function startAnonymise(documentId: string | null): void {
  useGloss.getState().openDialog({ kind: 'anonymise', documentId });
}

/** Delete…, after saying how many codings go with the document. */
export function startDeleteDocument(entry: { id: string; name: string; codings: number }): void {
  useGloss.getState().openDialog({ kind: 'delete-document', documentId: entry.id, name: entry.name, codings: entry.codings });
}

/** Edit text…, with the caret at the passage the person had selected. */
export function startEditText(documentId: string, selection?: { start: number; end: number }): void {
  useGloss.getState().openDialog({ kind: 'edit-text', documentId, ...(selection ? { selection } : {}) });
}
