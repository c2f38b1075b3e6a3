/**
 * The one way a CLI command reads or writes a project. A command either only reads (no
 * lock, nothing written) or writes: then it takes the project's lock before it reads
 * anything, holds it while it works, and writes once, durably, after every step has
 * succeeded. Another short gloss command holding the lock is waited for (saying so on
 * stderr); the app or the browser host holding it refuses the command, naming the holder.
 */
import path from 'node:path';
import type { Coder, ProjectFile } from '../../shared/model/schema';
import type { ProjectState } from '../../shared/model/state';
import { serializeProject } from '../../shared/model/serialize';
import { createFileDurably, writeFileDurably } from '../service/durable-file';
import { fileErrorReason, fileErrorWayOut } from '../service/fs-reasons';
import { fileExists } from '../service/free-path';
import type { HeldLock } from '../service/lock';
import { lockProject, waitingMessage } from '../service/project-lock';
import { ProjectService, type ServiceOptions } from '../service/project-service';
import { defaultDataDir } from '../service/settings';
import { coderAmong } from '../service/coder';
import { optionalString, type CliIo, type OptionValues } from './command';
import { CliError, saveFailure, toCliError } from './errors';
import { warnOfCloudSync, warnOfProblems, WARNED_PROBLEMS } from './problem-warnings';

/** Stands in for a coder in sessions that make no changes; it is never written to a project. */
const READER: Coder = { id: 'gloss-cli-reader', name: 'Gloss CLI', color: '#777777' };

/**
 * Edits are written when the session closes, not on the service's usual short timer, so a
 * command's steps reach the disk together in one write.
 */
const HOLD_WRITES_MS = 10 * 60_000;

/** Where a writing command says that it waits for another gloss command (stderr). */
export type WaitNotice = Pick<CliIo, 'err'>;

function serviceOptions(file: string, coder: Coder, readOnly: boolean, io: WaitNotice | undefined): ServiceOptions {
  return {
    coder,
    readOnly,
    saveDelayMs: HOLD_WRITES_MS,
    holder: 'cli',
    // Deleting or merging from a script is backed up like it is in the app.
    dataDir: defaultDataDir(),
    onLockWait: (holder) => io?.err(`gloss: ${waitingMessage(path.resolve(file), holder)}`),
  };
}

/**
 * Why `file` could not be opened (or created), as the CLI says it: with the way out where
 * the user is, on the command line. A project that cannot be created is a new file to put
 * elsewhere, as an export is.
 */
function openError(e: unknown, file: string, creating = false): unknown {
  return toCliError(e, { project: file, creating }) ?? e;
}

/** Runs `work` on a read-only view of the project; it never takes the lock or writes. */
export async function readProject<T>(file: string, work: (service: ProjectService) => T | Promise<T>): Promise<T> {
  let service: ProjectService;
  try {
    service = await ProjectService.open(file, serviceOptions(file, READER, true, undefined));
  } catch (e) {
    throw openError(e, file);
  }
  warnOfProblems(file, () => service.check(WARNED_PROBLEMS));
  try {
    return await work(service);
  } finally {
    await service.close();
  }
}

/**
 * Who makes a command's changes: a coder, or one chosen once the project is open (by name
 * among its coders, see coderAmong), so that the project is read only once.
 */
export type CoderChoice = Coder | ((project: Readonly<ProjectState>) => Promise<Coder>);

/**
 * The coder every command that changes a project takes, chosen one way: --coder NAME, else
 * GLOSS_CODER, else the coder saved in Gloss's settings (named after the OS user on first
 * use). A name that already codes in the project is that coder, with its id and colour.
 */
export function chosenCoder(values: OptionValues): (project: Readonly<ProjectState>) => Promise<Coder> {
  const name = optionalString(values, 'coder')?.trim() || process.env.GLOSS_CODER?.trim() || undefined;
  return (project) => coderAmong(project.coders.values(), name);
}

/** The help line of --coder, the same in every command that takes it. */
export const CODER_HELP = "who makes the change (default: GLOSS_CODER, else the coder in Gloss's settings)";

export interface ChangeOptions {
  /** Where to say that the command waits for another gloss command. */
  io?: WaitNotice;
  /** Create the project, with this name, when the file does not exist (decided under the lock). */
  createAs?: string;
}

/**
 * Runs `work` with the project locked (taken before the project is read), then writes it
 * once, durably. If `work` throws or the write fails, nothing is written: the project is as
 * it was, and a project this command created is removed again.
 */
export async function changeProject<T>(
  file: string,
  coder: CoderChoice,
  work: (service: ProjectService) => T | Promise<T>,
  options: ChangeOptions = {},
): Promise<T> {
  const opening = serviceOptions(file, typeof coder === 'function' ? READER : coder, false, options.io);
  let service: ProjectService;
  try {
    service = options.createAs === undefined ? await ProjectService.open(file, opening) : await ProjectService.openOrCreate(file, options.createAs, opening);
  } catch (e) {
    throw openError(e, file);
  }
  warnOfProblems(file, () => service.check(WARNED_PROBLEMS));
  warnOfCloudSync(file);
  let result: T;
  try {
    // Chosen before any step runs, so READER never codes.
    if (typeof coder === 'function') service.setCoder(await coder(service.current));
    result = await work(service);
    await service.flush().catch((e: unknown) => {
      throw saveFailure(e, file);
    });
  } catch (e) {
    // A fresh session's undo stack holds exactly this command's steps. They were written
    // only if the command ran past the held-writes timer; then the undone state is written.
    while (service.history().undo !== null) service.undo();
    await (service.hasWritten() ? service.close() : service.discard()).catch(() => {});
    throw e;
  }
  await service.close();
  return result;
}

/** Creates a new, empty project file; refuses to replace an existing one. */
export async function createProject(file: string, name: string, io?: WaitNotice): Promise<void> {
  let service: ProjectService;
  try {
    service = await ProjectService.create(file, name, serviceOptions(file, READER, false, io));
  } catch (e) {
    throw openError(e, file, true);
  }
  await service.close();
}

export interface WholeWrite {
  /** Where to say that the command waits for another gloss command. */
  io?: WaitNotice;
  /** Refuse when the file exists (a project made from an import), rather than replace it. */
  mustBeNew?: boolean;
  /** What the user can do when the app or the host holds the file. */
  wayOut?: string;
  /** The error to report when writing fails (the file is then as it was). */
  failure: (reason: string) => string;
}

/**
 * Writes a whole project to `file` (a merge, an imported project) holding its lock: `make`
 * runs under the lock, so it may read `file` itself (merge into OURS) and sees what the
 * last writer saved. Nothing is written if `make` throws.
 */
export async function writeWholeProject<T>(file: string, make: () => Promise<{ project: ProjectFile; result: T }>, options: WholeWrite): Promise<T> {
  const target = path.resolve(file);
  let lock: HeldLock;
  try {
    lock = await lockProject(target, {
      holder: 'cli',
      onWait: (holder) => options.io?.err(`gloss: ${waitingMessage(target, holder)}`),
      ...(options.wayOut ? { wayOut: options.wayOut } : {}),
    });
  } catch (e) {
    throw openError(e, file, options.mustBeNew);
  }
  try {
    if (options.mustBeNew && (await fileExists(target))) throw new CliError(`${path.basename(file)} already exists; choose another name.`);
    const { project, result } = await make();
    const text = serializeProject(project);
    try {
      await (options.mustBeNew ? createFileDurably(target, text) : writeFileDurably(target, text, false));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new CliError(`${path.basename(file)} already exists; choose another name.`);
      throw new CliError(`${options.failure(fileErrorReason(e))} ${fileErrorWayOut(e, 'cli')}`.trim());
    }
    return result;
  } finally {
    await lock.release();
  }
}
