/**
 * Failures the CLI reports to the user as one line on stderr, and the one place where the
 * errors of the service and the file system become them (toCliError): a project that
 * cannot be opened, a file that cannot be read or written, a request a host refuses, a
 * value that does not fit the schema, an operation the project refuses.
 */
import path from 'node:path';
import { ZodError } from 'zod';
import type { OpResponse } from '../../shared/ipc/contract';
import { ProjectOpenError } from '../service/durable-file';
import { fileErrorReason, fileErrorWayOut, isFileSystemError } from '../service/fs-reasons';
import { HandlerError } from '../service/handler-error';

/** A problem the user can act on; `exitCode` 2 means the command line itself was wrong. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A command line that cannot be understood (unknown option, missing argument). */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}

/** What an error was about, for the words and the way out. */
export interface ErrorContext {
  /** The project the command opens, as the user typed it: a missing one can be made with gloss new. */
  project?: string;
  /** The project is being created: it is a new file, whose way out is that of any new file. */
  creating?: boolean;
  /** Put before a refusal that does not name the file itself (usually the project's label). */
  label?: string;
}

/**
 * `e` as the CLI says it, or null when it is not the user's to act on (a bug: the caller
 * reports it as an internal error). A CliError is returned as it is.
 */
export function toCliError(e: unknown, context: ErrorContext = {}): CliError | null {
  const prefix = context.label ? `${context.label}: ` : '';
  if (e instanceof CliError) return e;
  if (e instanceof ProjectOpenError) {
    if (context.project !== undefined && e.kind === 'missing') return new CliError(`${e.message} Create it with: gloss new ${context.project}`);
    if (context.project !== undefined && e.kind === 'unwritable') {
      return new CliError(`${e.message} ${fileErrorWayOut(e.fsError, context.creating ? 'export' : 'cli')}`.trim());
    }
    return new CliError(e.message);
  }
  if (e instanceof HandlerError) return new CliError(`${prefix}${e.message}`);
  if (e instanceof ZodError) {
    const issue = e.issues[0];
    return new CliError(`${prefix}${issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'the value is malformed'}`);
  }
  // A file-system failure no command words itself (a read-only disk, a full one).
  if (isFileSystemError(e)) {
    const where = e.path ? `${path.basename(e.path)}: ` : prefix;
    return new CliError(`${where}${fileErrorReason(e)}`);
  }
  return null;
}

/** A failed save of `file`, as the CLI says it; writes are atomic (temp file + rename), so the file is as it was. */
export function saveFailure(e: unknown, file: string): CliError {
  const cause = (e as Error).cause ?? e;
  return new CliError(`${path.basename(file)} could not be saved: ${fileErrorReason(cause)}; it was left as it was. ${fileErrorWayOut(cause, 'cli')}`.trim());
}

/** The response of an operation that succeeded; a refused one becomes a CliError under `label`. */
export function succeeded(response: OpResponse, label: string): Extract<OpResponse, { ok: true }> {
  if (!response.ok) throw new CliError(`${label}: ${response.error}`);
  return response;
}

/** `text` in double quotes, shortened and with newlines escaped so a message stays on one line. */
export function quoted(text: string, max = 60): string {
  const short = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return JSON.stringify(short);
}

/** Names in a list for a message, at most `max` of them. */
export function listNames(names: readonly string[], max = 10): string {
  if (names.length === 0) return 'none';
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown}, … ${names.length - max} more` : shown;
}
