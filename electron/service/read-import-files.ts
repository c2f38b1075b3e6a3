/** Reading the files a person picked to import, for the desktop app and the CLI alike. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FileToImport } from './project-service';
import { fileErrorReason } from './fs-reasons';

/**
 * Reads each of `paths` whole. A file that cannot be read is left out and described in
 * `unreadable` ("notes.docx: permission denied; it was not imported."); the rest import.
 */
export async function readFilesToImport(paths: readonly string[]): Promise<{ files: FileToImport[]; unreadable: string[] }> {
  const files: FileToImport[] = [];
  const unreadable: string[] = [];
  for (const file of paths) {
    try {
      files.push({ name: path.basename(file), bytes: new Uint8Array(await fs.readFile(file)) });
    } catch (e) {
      unreadable.push(`${path.basename(file)}: ${fileErrorReason(e, 'reading')}; it was not imported.`);
    }
  }
  return { files, unreadable };
}
