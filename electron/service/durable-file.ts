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
import { fileErrorReason, isFileSystemError } from './fs-reasons';

/** A project file that could not be opened, with a message naming it. */
export class ProjectOpenError extends Error {
  constructor(
    message: string,
    readonly file: string,
    /** 'unwritable': it can be read, but Gloss cannot write in its folder (read-only, no permission, disk full). */
    readonly kind: 'missing' | 'unreadable' | 'invalid' | 'locked' | 'unwritable',
    /** A backup the user can be offered instead, when one exists and is readable. */
    readonly backup: string | null = null,
    /** The file system's error behind it, when there is one. */
    readonly fsError?: unknown,
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

/**
 * The hidden temp file a durable write of `file` goes through: `.NAME.<pid>.<ms>.tmp`. The
 * pid tells a leftover of a crashed writer from the file a live one is writing.
 */
function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
}

/** The durable-write temp files of `file` among the names in its folder, with the pid that wrote each. */
export function tempFilesOf(file: string, names: readonly string[]): { name: string; pid: number }[] {
  const base = path.basename(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^\\.${base}\\.(\\d+)\\.(\\d+)\\.tmp$`);
  const out: { name: string; pid: number }[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    if (match) out.push({ name, pid: Number(match[1]) });
  }
  return out;
}

/** Writes `text` to a new temp file beside `file` and fsyncs it; its path. */
async function writeTemp(file: string, text: string | Uint8Array): Promise<string> {
  const temp = tempPathFor(file);
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
  return temp;
}

/** Writes `text` to `file` durably: temp file, fsync, optional backup, rename. */
export async function writeFileDurably(file: string, text: string | Uint8Array, keepBackup: boolean): Promise<void> {
  const temp = await writeTemp(file, text);
  try {
    if (keepBackup && (await fileExists(file))) await keepAsBackup(file);
    await fs.rename(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
  await syncDir(path.dirname(file));
}

/**
 * Writes a new file durably, refusing (an EEXIST error) to replace one: the complete temp
 * file is linked into place, so the file never exists empty or half-written. Where links
 * are not supported the caller's lock is what keeps others out, and it is renamed.
 */
export async function createFileDurably(file: string, text: string | Uint8Array): Promise<void> {
  const temp = await writeTemp(file, text);
  try {
    try {
      await fs.link(temp, file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
      if (await fileExists(file)) throw Object.assign(new Error(`EEXIST: file already exists, '${file}'`), { code: 'EEXIST', path: file });
      await fs.rename(temp, file);
    }
  } finally {
    await fs.rm(temp, { force: true });
  }
  await syncDir(path.dirname(file));
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
    // A backup Gloss cannot even look at is not one to offer.
    const backup = (await fileExists(bak).catch(() => false)) ? bak : null;
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

/** The file-system error reading `file` runs into, if any (found again by reading its first byte). */
async function readFailure(file: string): Promise<unknown> {
  try {
    const handle = await fs.open(file, 'r');
    try {
      await handle.read(new Uint8Array(1), 0, 1, 0);
    } finally {
      await handle.close();
    }
    return null;
  } catch (e) {
    return e;
  }
}

/**
 * readProjectFile, with a file that cannot be read (permission denied, a folder, a path too
 * long) said in plain words rather than in Node's.
 */
export async function loadProjectFile(file: string): Promise<ProjectFile> {
  try {
    return await readProjectFile(file);
  } catch (e) {
    if (!(e instanceof ProjectOpenError) || e.kind !== 'unreadable') throw e;
    const failure = await readFailure(file);
    if (!isFileSystemError(failure)) throw e;
    throw new ProjectOpenError(`${path.basename(file)}: the file could not be read: ${fileErrorReason(failure, 'reading')}.`, file, 'unreadable', null, failure);
  }
}

/** The lowdb adapter for `.gloss` files. */
export class DurableProjectAdapter implements Adapter<ProjectFile> {
  constructor(readonly file: string) {}

  async read(): Promise<ProjectFile | null> {
    return loadProjectFile(this.file);
  }

  async write(data: ProjectFile): Promise<void> {
    await writeFileDurably(this.file, serializeProject(data), true);
  }
}
