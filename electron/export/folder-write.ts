/**
 * Writing many files into one folder all or nothing (the Markdown notes). The files are
 * first written, each fsynced, into a hidden staging folder beside the target, where a
 * full disk or any other failure leaves nothing but that folder, which is then removed.
 * Only when every file is written are they moved into place, by rename, which needs no
 * free space:
 *
 * - the target folder does not exist: the staging folder is renamed to it in one step;
 * - it exists: each file is renamed into it. Files already there that Gloss does not write
 *   are never touched; a file of the same name is replaced only when `replace` is given,
 *   and is first moved aside, so that if a later rename fails, every file moved in is taken
 *   out again and every file moved aside is put back: the folder is as it was.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileExists } from '../service/free-path';

/** A file to write: its path inside the folder ("/"-separated) and its content. */
export interface FolderFile {
  path: string;
  content: string | Uint8Array;
}

/** The file-system calls that can fail half-way; tests pass failing ones. */
export interface FolderFs {
  /** Creates `file` (it does not exist yet) with `content`, and fsyncs it. */
  writeFile(file: string, content: string | Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

async function writeSynced(file: string, content: string | Uint8Array): Promise<void> {
  const handle = await fs.open(file, 'wx');
  try {
    await (typeof content === 'string' ? handle.writeFile(content, 'utf8') : handle.writeFile(content));
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The real file system. */
export const nodeFolderFs: FolderFs = { writeFile: writeSynced, rename: (from, to) => fs.rename(from, to) };

/** Why a folder write failed: which file (its path inside the folder), the cause, and whether the folder is as it was. */
export class FolderWriteError extends Error {
  constructor(
    readonly file: string,
    override readonly cause: unknown,
    /** Set only when putting things back failed too: the folder holding what could not be put back. */
    readonly leftIn: string | null = null,
  ) {
    super(`${file}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'FolderWriteError';
  }
}

/** A file that is already in the target folder and would be replaced. */
export class FolderFileExistsError extends Error {
  constructor(readonly file: string) {
    super(`${file} already exists`);
    this.name = 'FolderFileExistsError';
  }
}

/** fsync a folder so renames inside it survive a power cut (a no-op where unsupported). */
async function syncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r').catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => {});
  await handle.close();
}

/** The path of `file` ("/"-separated, inside a folder) under `root`, refusing any way out of it. */
function inside(root: string, file: string): string {
  const parts = file.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) throw new Error(`${file}: not a plain path inside the folder`);
  return path.join(root, ...parts);
}

/** A hidden staging folder beside `dir`, named after it so a leftover one says what it was for. */
function stagingFolder(dir: string): Promise<string> {
  return fs.mkdtemp(path.join(path.dirname(dir), `.${path.basename(dir)}.gloss-export-`));
}

/** Writes every file under `root`; throws a FolderWriteError naming the first file that failed. */
async function stage(root: string, files: readonly FolderFile[], io: FolderFs): Promise<void> {
  for (const file of files) {
    try {
      const target = inside(root, file.path);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await io.writeFile(target, file.content);
    } catch (e) {
      throw new FolderWriteError(file.path, e);
    }
  }
}

/** One rename done while moving files in, and how to undo it. */
interface Move {
  from: string;
  to: string;
}

/**
 * Undoes `moves` newest first. Resolves to true when everything went back; a rename that
 * fails is skipped (the rest are still tried) and makes it false.
 */
async function undoMoves(moves: readonly Move[], io: FolderFs): Promise<boolean> {
  let whole = true;
  for (const move of [...moves].reverse()) {
    try {
      await io.rename(move.to, move.from);
    } catch {
      whole = false;
    }
  }
  return whole;
}

/** Moves the staged files into the existing folder `dir`, or puts everything back. */
async function moveIn(dir: string, root: string, files: readonly FolderFile[], replace: boolean, io: FolderFs): Promise<void> {
  const moves: Move[] = [];
  const madeDirs: string[] = [];
  for (const file of files) {
    const target = inside(dir, file.path);
    try {
      if (await fileExists(target, { followLinks: false })) {
        if (!replace) throw new FolderFileExistsError(file.path);
        const aside = inside(path.join(root, 'replaced'), file.path);
        await fs.mkdir(path.dirname(aside), { recursive: true });
        await io.rename(target, aside);
        moves.push({ from: target, to: aside });
      }
      const parent = path.dirname(target);
      if (!(await fileExists(parent, { followLinks: false }))) {
        await fs.mkdir(parent, { recursive: true });
        madeDirs.push(parent);
      }
      const staged = inside(path.join(root, 'new'), file.path);
      await io.rename(staged, target);
      moves.push({ from: staged, to: target });
    } catch (e) {
      const whole = await undoMoves(moves, io);
      for (const made of madeDirs.reverse()) await fs.rmdir(made).catch(() => {});
      // When something could not be put back, the staging folder holds it: keep it and say where.
      if (whole) await fs.rm(root, { recursive: true, force: true });
      if (e instanceof FolderFileExistsError) throw e;
      throw new FolderWriteError(file.path, e, whole ? null : root);
    }
  }
}

/**
 * Writes `files` into the folder `dir` all or nothing (see the top of this file). Throws a
 * FolderWriteError naming the file that failed, or a FolderFileExistsError when a file is
 * already there and `replace` is not set; either way `dir` is as it was (or does not
 * exist, if it did not).
 */
export async function writeFolderAtomically(
  dir: string,
  files: readonly FolderFile[],
  options: { replace?: boolean; fs?: FolderFs } = {},
): Promise<void> {
  const io = options.fs ?? nodeFolderFs;
  const root = await stagingFolder(dir);
  await stage(path.join(root, 'new'), files, io).catch(async (e: unknown) => {
    await fs.rm(root, { recursive: true, force: true });
    throw e;
  });
  const stat = await fs.stat(dir).catch(() => null);
  if (stat === null) {
    try {
      await io.rename(path.join(root, 'new'), dir);
    } catch (e) {
      await fs.rm(root, { recursive: true, force: true });
      throw new FolderWriteError(path.basename(dir), e);
    }
  } else {
    await moveIn(dir, root, files, options.replace === true, io);
    await syncDir(dir);
  }
  await fs.rm(root, { recursive: true, force: true });
  await syncDir(path.dirname(dir));
}
