/**
 * Migrations from older file versions. Each entry upgrades a raw (already JSON-parsed)
 * file from version N to N + 1; the result is validated against the current schema.
 */
import { CURRENT_VERSION } from './schema';
import { err, ok, type Result } from '../result';

type RawFile = Record<string, unknown>;

/** migrations[n] upgrades a version-n file to version n + 1. None exist yet: version 1 is the first. */
export const migrations: Record<number, (file: RawFile) => RawFile> = {};

/** Brings a raw file up to CURRENT_VERSION, or says why it cannot. */
export function migrate(
  raw: RawFile,
  table: Record<number, (file: RawFile) => RawFile> = migrations,
  target = CURRENT_VERSION,
): Result<RawFile> {
  let version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return err('version: expected a whole number of at least 1');
  }
  if (version > target) {
    return err(
      `it was written by a newer Gloss (file format version ${version}; this Gloss reads up to version ${target}). Update Gloss to open it`,
    );
  }
  let file = raw;
  while (version < target) {
    const step = table[version];
    if (!step) return err(`no migration from file format version ${version}`);
    file = { ...step(file), version: version + 1 };
    version += 1;
  }
  return ok(file);
}
