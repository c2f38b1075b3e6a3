/**
 * Opening a project for one CLI command. A command either only reads (no lock, nothing
 * written) or changes the project: then it holds the lock, and the one durable write
 * happens when the session closes, after every step has succeeded.
 */
import path from 'node:path';
import type { Coder } from '../../shared/model/schema';
import type { ProjectState } from '../../shared/model/state';
import { ProjectOpenError } from '../service/durable-file';
import { ProjectService } from '../service/project-service';
import { CliError } from './errors';
import { warnOfProblems, WARNED_PROBLEMS } from './problem-warnings';

/** Stands in for a coder in sessions that make no changes; it is never written to a project. */
const READER: Coder = { id: 'gloss-cli-reader', name: 'Gloss CLI', color: '#777777' };

/**
 * Edits are written when the session closes, not on the service's usual short timer, so a
 * command's steps reach the disk together in one write.
 */
const HOLD_WRITES_MS = 10 * 60_000;

function openError(e: unknown, file: string): unknown {
  if (!(e instanceof ProjectOpenError)) return e;
  if (e.kind === 'missing') return new CliError(`${e.message} Create it with: gloss new ${file}`);
  return new CliError(e.message);
}

async function open(file: string, coder: Coder, readOnly: boolean): Promise<ProjectService> {
  let service: ProjectService;
  try {
    service = await ProjectService.open(file, { coder, readOnly, saveDelayMs: HOLD_WRITES_MS });
  } catch (e) {
    throw openError(e, file);
  }
  warnOfProblems(file, () => service.check(WARNED_PROBLEMS));
  return service;
}

/** Runs `work` on a read-only view of the project; it never takes the lock or writes. */
export async function readProject<T>(file: string, work: (service: ProjectService) => T | Promise<T>): Promise<T> {
  const service = await open(file, READER, true);
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
 * Runs `work` with the project locked, then writes it once, durably. If `work` throws,
 * its steps are undone first, so the project is never left with half a command applied.
 */
export async function changeProject<T>(file: string, coder: CoderChoice, work: (service: ProjectService) => T | Promise<T>): Promise<T> {
  const service = await open(file, typeof coder === 'function' ? READER : coder, false);
  let result: T;
  try {
    // Chosen before any step runs, so READER never codes.
    if (typeof coder === 'function') service.setCoder(await coder(service.current));
    result = await work(service);
  } catch (e) {
    // A fresh session's undo stack holds exactly this command's steps.
    while (service.history().undo !== null) service.undo();
    await service.close().catch(() => {});
    throw e;
  }
  try {
    await service.close();
  } catch (e) {
    // The write is atomic (temp file + rename), so a failed save leaves the old file intact.
    const reason = ((e as Error).message || String(e)).replace(/\s*Your work is kept in memory.*$/, '');
    throw new CliError(`${reason} ${path.basename(file)} was left as it was.`);
  }
  return result;
}

/** Creates a new, empty project file; refuses to replace an existing one. */
export async function createProject(file: string, name: string): Promise<void> {
  let service: ProjectService;
  try {
    service = await ProjectService.create(file, name, { coder: READER });
  } catch (e) {
    throw openError(e, file);
  }
  await service.close();
}
