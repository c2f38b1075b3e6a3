/**
 * A lowdb adapter that never leaves a half-written project: it writes a temp file beside
 * the project, fsyncs it, keeps the previous version as NAME.gloss.bak, renames the temp
 * file over the project and fsyncs the folder. Reading validates against the schema.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import type { ProjectFile } from '../../shared/model/schema';
import { parseProjectText } from '../../shared/model/parse';
import { serializeProject } from '../../shared/model/serialize';
import { fileExists } from './free-path';

/** A project file that could not be opened, with a message naming it. */
export class ProjectOpenError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly kind: 'missing' | 'unreadable' | 'invalid' | 'locked',
    /** A backup the user can be offered instead, when one exists and is readable. */
    readonly backup: string | null = null,
  ) {
    super(message);
    this.name = 'ProjectOpenError';
  }
}

export const backupPath = (file: string) => `${file}.bak`;

/** fsync a folder so a rename inside it survives a power cut (a no-op where unsupported). */
async function syncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Some platforms (Windows) cannot open or fsync a directory; the rename is still atomic.
  } finally {
    await handle?.close();
  }
}

/**
 * Makes the current file the backup. A hard link costs nothing however big the project;
 * the rename that follows replaces the project's name, and the old bytes live on under the
 * backup's. Where links are not supported (some network and FAT drives) it copies.
 */
async function keepAsBackup(file: string): Promise<void> {
  const bak = backupPath(file);
  await fs.rm(bak, { force: true });
  try {
    await fs.link(file, bak);
  } catch {
    await fs.copyFile(file, bak);
  }
}

/** Writes `text` to `file` durably: temp file, fsync, optional backup, rename. */
export async function writeFileDurably(file: string, text: string | Uint8Array, keepBackup: boolean): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await fs.open(temp, 'w');
  try {
    await (typeof text === 'string' ? handle.writeFile(text, 'utf8') : handle.writeFile(text));
    await handle.sync();
  } catch (e) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw e;
  }
  await handle.close();
  try {
    if (keepBackup && (await fileExists(file))) await keepAsBackup(file);
    await fs.rename(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
  await syncDir(dir);
}

/** Reads and validates a project file, or throws a ProjectOpenError naming the file and the first problem. */
export async function readProjectFile(file: string): Promise<ProjectFile> {
  const name = path.basename(file);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ProjectOpenError(`${name}: the file does not exist.`, file, 'missing');
    throw new ProjectOpenError(`${name}: the file could not be read (${(e as Error).message}).`, file, 'unreadable');
  }
  const parsed = parseProjectText(text);
  if (!parsed.ok) {
    const bak = backupPath(file);
    const backup = (await fileExists(bak)) ? bak : null;
    throw new ProjectOpenError(
      `${name} could not be opened: ${parsed.error}. The file was left untouched.` +
        (backup ? ` A backup of the previous save exists (${path.basename(bak)}).` : ''),
      file,
      'invalid',
      backup,
    );
  }
  return parsed.value;
}

/** The lowdb adapter for `.gloss` files. */
export class DurableProjectAdapter implements Adapter<ProjectFile> {
  constructor(readonly file: string) {}

  async read(): Promise<ProjectFile | null> {
    return readProjectFile(this.file);
  }

  async write(data: ProjectFile): Promise<void> {
    await writeFileDurably(this.file, serializeProject(data), true);
  }
}
