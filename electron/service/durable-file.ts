/**
 * A lowdb adapter that never leaves a half-written project: it writes a temp file beside
 * the project, fsyncs it, keeps the previous version as NAME.gloss.bak, renames the temp
 * file over the project and fsyncs the folder. Reading validates against the schema.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import type { ProjectFile } from '../../shared/model/schema';
import { parseProjectBytes } from '../../shared/model/parse';
import { refuseBySize, sniffProjectBytes, SNIFF_BYTES } from '../../shared/model/project-bytes';
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

/**
 * Reads and validates a project file, or throws a ProjectOpenError naming the file and the
 * problem. Its size is checked before anything is read and its first bytes before the rest,
 * so a huge or binary file picked by mistake is refused at once; the bytes are decoded as
 * strict UTF-8 in shared code. Nothing here ever writes to the file.
 */
export async function readProjectFile(file: string): Promise<ProjectFile> {
  const name = path.basename(file);
  const unreadable = (e: unknown): ProjectOpenError => {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return new ProjectOpenError(`${name}: the file does not exist.`, file, 'missing');
    return new ProjectOpenError(`${name}: the file could not be read (${(e as Error).message}).`, file, 'unreadable');
  };
  const invalid = async (reason: string): Promise<ProjectOpenError> => {
    const bak = backupPath(file);
    const backup = (await fileExists(bak)) ? bak : null;
    return new ProjectOpenError(
      `${name} could not be opened: ${reason}. The file was left untouched.` +
        (backup ? ` A backup of the previous save exists (${path.basename(bak)}).` : ''),
      file,
      'invalid',
      backup,
    );
  };
  let bytes: Uint8Array;
  let handle: fs.FileHandle;
  try {
    // A folder, a pipe or a device (/dev/zero) is no project, and reading one could block
    // or never end: looked at before it is opened.
    if (!(await fs.stat(file)).isFile()) throw new ProjectOpenError(`${name} is not a project file (it is a folder or a device).`, file, 'unreadable');
    handle = await fs.open(file, 'r');
  } catch (e) {
    if (e instanceof ProjectOpenError) throw e;
    throw unreadable(e);
  }
  try {
    // One open handle for stat, sniff and read: the bytes are those of the file that was
    // measured, even if a save elsewhere renames a new file over the name meanwhile.
    const stat = await handle.stat();
    const tooBig = refuseBySize(stat.size);
    if (tooBig) throw await invalid(tooBig);
    const head = new Uint8Array(Math.min(stat.size, SNIFF_BYTES));
    await handle.read(head, 0, head.length, 0);
    const binary = sniffProjectBytes(head);
    if (binary) throw await invalid(binary);
    bytes = await handle.readFile();
  } catch (e) {
    if (e instanceof ProjectOpenError) throw e;
    throw unreadable(e);
  } finally {
    await handle.close();
  }
  const parsed = parseProjectBytes(bytes);
  if (!parsed.ok) throw await invalid(parsed.error);
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
