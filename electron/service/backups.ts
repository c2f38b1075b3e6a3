/**
 * Backups of a project before each destructive step (deleting a document or a code,
 * merging codes, merging a copy, importing a codebook, restoring a backup): a timestamped
 * copy of the whole project in Gloss's data folder, under backups/<project>-<hash of its
 * path>/, the newest KEEP_BACKUPS kept.
 *
 * A backup is written before the step is applied, and synchronously: the step waits for
 * it, and a step whose backup cannot be written is not carried out. Like the project file
 * itself (durable-file.ts) a backup is written to a temp file, fsynced and renamed into
 * place, so a crash leaves a whole backup or none, never half of one.
 */
import { createHash } from 'node:crypto';
import fsSync, { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ProjectFile } from '../../shared/model/schema';
import { serializeProject } from '../../shared/model/serialize';
import { safeStem } from '../../shared/text/safe-names';
import { loadProjectFile } from './durable-file';
import { fileErrorReason } from './fs-reasons';

/** Backups kept per project, newest first; older ones are removed as new ones are made. */
export const KEEP_BACKUPS = 20;

/** One backup as the list shows it. */
export interface BackupInfo {
  /** The backup's file name, which names it in 'backups:restore'. */
  id: string;
  /** When it was made (ISO). */
  at: string;
  /** The step it was made before, e.g. "Delete code “Trust”". */
  reason: string;
  bytes: number;
}

/** A backup that could not be written or read, with words for the person. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** `2026-12-02T11-41-09-123Z`: an ISO time that is a file name everywhere (no colons), sorting as the time does. */
function stampOf(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

function timeOfStamp(stamp: string): string | null {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/.exec(stamp);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : null;
}

/** A backup's name: its time, a counter for two in one millisecond, and the step in words a file name can hold. */
const NAME = /^(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)(?:-(\d+))? (.*)\.gloss$/;

/** The words of `reason` as a file name can hold them on every system. */
function reasonForName(reason: string): string {
  return safeStem(reason.replace(/[“”"]/g, "'").slice(0, 80), ' ');
}

/** Writes `text` to `file` whole or not at all: temp file, fsync, rename, fsync of the folder. */
function writeWholeSync(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fsSync.openSync(temp, 'w');
  try {
    fsSync.writeSync(fd, text);
    fsSync.fsyncSync(fd);
  } finally {
    fsSync.closeSync(fd);
  }
  try {
    fsSync.renameSync(temp, file);
  } catch (e) {
    fsSync.rmSync(temp, { force: true });
    throw e;
  }
  try {
    const dir = fsSync.openSync(path.dirname(file), 'r');
    try {
      fsSync.fsyncSync(dir);
    } finally {
      fsSync.closeSync(dir);
    }
  } catch {
    // Some platforms (Windows) cannot fsync a folder; the rename is still atomic.
  }
}

/** The backups of one project file. */
export class Backups {
  readonly dir: string;

  constructor(
    dataDir: string,
    readonly projectFile: string,
    private readonly keep = KEEP_BACKUPS,
  ) {
    const absolute = path.resolve(projectFile);
    // Two projects of the same name in different folders keep their backups apart.
    const hash = createHash('sha256').update(absolute).digest('hex').slice(0, 10);
    this.dir = path.join(dataDir, 'backups', `${safeStem(path.basename(absolute, path.extname(absolute)), '_') || 'project'}-${hash}`);
  }

  /**
   * Writes `file` as a backup made before `reason`, then removes the oldest beyond the
   * number kept. Throws a BackupError naming the folder when it cannot be written.
   */
  save(file: ProjectFile, reason: string, at = new Date()): BackupInfo {
    const text = serializeProject(file);
    try {
      fsSync.mkdirSync(this.dir, { recursive: true });
      const stamp = stampOf(at);
      const words = reasonForName(reason);
      let name = `${stamp} ${words}.gloss`;
      for (let n = 2; fsSync.existsSync(path.join(this.dir, name)); n++) name = `${stamp}-${n} ${words}.gloss`;
      writeWholeSync(path.join(this.dir, name), text);
      this.rotate();
      return { id: name, at: at.toISOString(), reason: words, bytes: Buffer.byteLength(text) };
    } catch (e) {
      throw new BackupError(`Gloss could not write a backup in ${this.dir} (${fileErrorReason(e)})`);
    }
  }

  /** Every backup of this project, newest first. */
  listSync(): BackupInfo[] {
    let names: string[];
    try {
      names = fsSync.readdirSync(this.dir);
    } catch {
      return [];
    }
    const out: (BackupInfo & { order: string })[] = [];
    for (const name of names) {
      const m = NAME.exec(name);
      const at = m && timeOfStamp(m[1]!);
      if (!m || !at) continue;
      let bytes = 0;
      try {
        bytes = fsSync.statSync(path.join(this.dir, name)).size;
      } catch {
        continue;
      }
      out.push({ id: name, at, reason: m[3]!, bytes, order: `${m[1]}-${(m[2] ?? '1').padStart(6, '0')}` });
    }
    out.sort((a, b) => (a.order < b.order ? 1 : a.order > b.order ? -1 : 0));
    return out.map(({ order: _order, ...info }) => info);
  }

  /** listSync, for callers that prefer a promise. */
  async list(): Promise<BackupInfo[]> {
    return this.listSync();
  }

  /** Reads a backup by its id, validated as a project is on open. Only a name the list gives is read. */
  async read(id: string): Promise<ProjectFile> {
    const info = this.listSync().find((b) => b.id === id);
    if (!info) throw new BackupError(`There is no backup “${id}” of ${path.basename(this.projectFile)}; it may have been removed as newer ones were made.`);
    try {
      return await loadProjectFile(path.join(this.dir, info.id));
    } catch (e) {
      throw new BackupError(`The backup “${id}” could not be read (${e instanceof Error ? e.message : String(e)}); choose another one.`);
    }
  }

  /** Removes every backup of this project (after an anonymise, at the person's word); how many went. */
  removeAll(): number {
    let removed = 0;
    for (const backup of this.listSync()) {
      try {
        fsSync.rmSync(path.join(this.dir, backup.id));
        removed++;
      } catch (e) {
        throw new BackupError(`Gloss could not delete the backup “${backup.id}” in ${this.dir} (${fileErrorReason(e)}); ${removed} of them were deleted`);
      }
    }
    return removed;
  }

  /** Removes the oldest backups beyond the number kept. */
  private rotate(): void {
    for (const old of this.listSync().slice(this.keep)) fsSync.rmSync(path.join(this.dir, old.id), { force: true });
  }

  /** Removes temp files a crash left in the folder (never a whole backup). */
  async clean(): Promise<void> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    await Promise.all(names.filter((n) => n.endsWith('.tmp')).map((n) => fs.rm(path.join(this.dir, n), { force: true })));
  }
}
