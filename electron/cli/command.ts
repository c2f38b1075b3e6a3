/** What every CLI command looks like, and the small argument helpers they share. */
import path from 'node:path';
import { UsageError } from './errors';

export interface CliIo {
  /** One line of output for the user (or for a script reading stdout). */
  out(line: string): void;
  /** One line of error output. */
  err(line: string): void;
  /** Everything on standard input, for `-` in place of a file name; absent where there is none. */
  readStdin?(): Promise<Uint8Array>;
  /** stderr is a terminal, so a person reads it rather than a script; absent means not. */
  interactive?: boolean;
}

export type OptionValues = Record<string, string | string[] | boolean | undefined>;

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The option may be given many times; its value is then an array. */
  multiple?: boolean;
}

export interface Command {
  name: string;
  /** One line for the command list in `gloss --help`. */
  summary: string;
  /** The full `gloss NAME --help` text. */
  help: string;
  options: Record<string, OptionSpec>;
  /** Runs the command; resolves to the exit code. Throws CliError for problems the user can fix. */
  run(positionals: string[], values: OptionValues, io: CliIo): Promise<number>;
}

/** The value of a string option, or a usage error when it is required and missing. */
export function stringOption(values: OptionValues, name: string, command: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`${command}: --${name} is required (see gloss ${command} --help)`);
  return value;
}

export function optionalString(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Parses a whole number option (at least `min`). */
export function integerOption(values: OptionValues, name: string, command: string, min: number): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const text = String(raw).trim();
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min) {
    throw new UsageError(`${command}: --${name} must be a whole number of at least ${min}, not ${JSON.stringify(raw)}`);
  }
  return n;
}

/** The project file: the first positional argument. */
export function projectArgument(positionals: string[], command: string): string {
  const file = positionals[0];
  if (!file) throw new UsageError(`${command}: name the project file (see gloss ${command} --help)`);
  return file;
}

/** How a file is named in messages: as the user typed it, relative paths kept short. */
export function labelOf(file: string): string {
  return path.basename(file);
}

/**
 * Says on stderr, in one line, that a command was given its arguments in the order it used
 * to take (`old`) rather than the one every command takes now (`now`); it still runs.
 * Said to a person at a terminal, or anywhere when GLOSS_DEPRECATIONS=1: a script written
 * for the old order keeps the empty stderr it was written against (some treat any line
 * there as a failure), and its author can turn the notice on to find what to update.
 */
export function deprecatedOrder(io: Pick<CliIo, 'err' | 'interactive'>, command: string, old: string, now: string): void {
  if (!io.interactive && process.env.GLOSS_DEPRECATIONS !== '1') return;
  io.err(`gloss: ${command}: the order ${old} is deprecated; write gloss ${command} ${now} (the project first, as every command takes it)`);
}

/** Refuses positional arguments past the `expected` ones. */
export function noExtraArguments(positionals: string[], expected: number, command: string): void {
  if (positionals.length > expected) {
    throw new UsageError(`${command}: unexpected argument ${JSON.stringify(positionals[expected])} (see gloss ${command} --help)`);
  }
}
