/**
 * Reading files a person picked to import, for the desktop app and the CLI alike, never
 * more than is needed to refuse them: the size is checked first (stat), then only the first
 * bytes are read for the format's own check, and only a file that passes both is read whole.
 */
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { SNIFF_BYTES } from '../../shared/import/limits';
import { refusalBeforeReading } from '../../shared/import/registry';
import { codebookRefusalBeforeReading } from '../../shared/formats/codebook/read';
import { qdpxRefusalBeforeReading } from '../../shared/formats/refi/qdpx-import';
import { refuseBySize } from '../../shared/model/project-bytes';
import type { FilePurpose } from '../../shared/app/file-choosers';
import type { FileToImport } from './project-service';
import { fileErrorReason } from './fs-reasons';

/** A file read after its checks passed, or why `check` refused it without it being read whole. */
export type CheckedRead = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

/**
 * Why a file of `size` bytes must not be read, or null to read it: asked first with the size
 * alone (`head` undefined), then with its first bytes (up to SNIFF_BYTES of them).
 */
export type ReadCheck = (size: number, head?: Uint8Array) => string | null;

const NOT_A_FILE = 'it is not a regular file (a device, a pipe or a socket)';
const CHANGED = 'it changed while Gloss was reading it (is another program still writing it?); try again when it is complete';

/** Fills `into` from `position` on; the number of bytes read (fewer at the end of the file). */
async function readInto(handle: FileHandle, into: Uint8Array, position: number): Promise<number> {
  let done = 0;
  while (done < into.length) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done;
}

/**
 * Reads `file` if `check` accepts its size and first bytes. Everything else that stops the
 * reading is thrown for the caller to word as it words any file-system failure (through
 * fileErrorReason): missing, permission denied, a folder, a device, a file still being written.
 */
export async function readFileChecked(file: string, check: ReadCheck): Promise<CheckedRead> {
  // A pipe or a device is refused before it is opened: opening a FIFO waits for a writer,
  // and /dev/zero would be read for ever.
  const info = await fs.stat(file);
  if (info.isDirectory()) throw Object.assign(new Error(`${file} is a folder`), { code: 'EISDIR' });
  if (!info.isFile()) throw new Error(NOT_A_FILE);
  const early = check(info.size);
  if (early) return { ok: false, error: early };
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const head = new Uint8Array(Math.min(size, SNIFF_BYTES));
    if ((await readInto(handle, head, 0)) < head.length) throw new Error(CHANGED);
    const refusal = check(size, head);
    if (refusal) return { ok: false, error: refusal };
    const bytes = new Uint8Array(size);
    bytes.set(head);
    if (head.length + (await readInto(handle, bytes.subarray(head.length), head.length)) < size) throw new Error(CHANGED);
    // One more byte means the file grew while it was read: its end is not there yet.
    if ((await readInto(handle, new Uint8Array(1), size)) > 0) throw new Error(CHANGED);
    return { ok: true, bytes };
  } finally {
    await handle.close();
  }
}

/**
 * Reads each of `paths` that can be imported as a document. A file that cannot be read, or
 * is refused from its size or first bytes, is left out and described in `unreadable`
 * ("notes.docx: permission denied; it was not imported."); the rest import.
 */
export async function readFilesToImport(paths: readonly string[]): Promise<{ files: FileToImport[]; unreadable: string[] }> {
  const files: FileToImport[] = [];
  const unreadable: string[] = [];
  for (const file of paths) {
    const name = path.basename(file);
    try {
      const read = await readFileChecked(file, (size, head) => refusalBeforeReading(name, size, head));
      if (read.ok) files.push({ name, bytes: read.bytes });
      else unreadable.push(`${name}: ${read.error}; it was not imported.`);
    } catch (e) {
      unreadable.push(`${name}: ${fileErrorReason(e, 'reading')}; it was not imported.`);
    }
  }
  return { files, unreadable };
}

/**
 * The check for a file picked for `purpose`: a document by the importer registry, a REFI-QDA
 * project or a codebook by their readers' own limits, a copy of a project by the loader's.
 */
export function checkFor(purpose: FilePurpose, name: string): ReadCheck {
  switch (purpose) {
    case 'documents':
      return (size, head) => refusalBeforeReading(name, size, head);
    case 'qdpx':
      return (size, head) => qdpxRefusalBeforeReading(name, size, head);
    case 'codebook':
      return (size, head) => codebookRefusalBeforeReading(name, size, head);
    case 'project-copy':
      return (size) => refuseBySize(size);
  }
}

/**
 * Reads one file picked for `purpose`, or throws an Error whose message names the file and
 * says why it was not read (refused by its checks, or a file-system failure in plain words).
 */
export async function readPickedFile(file: string, purpose: FilePurpose): Promise<FileToImport> {
  const name = path.basename(file);
  let read: CheckedRead;
  try {
    read = await readFileChecked(file, checkFor(purpose, name));
  } catch (e) {
    throw new Error(`${name}: ${fileErrorReason(e, 'reading')}.`);
  }
  if (!read.ok) throw new Error(`${name}: ${read.error}.`);
  return { name, bytes: read.bytes };
}
