/** Finding documents and codes by the names a user types on the command line or in a CSV. */
import type { Code, GlossDocument } from '../../shared/model/schema';
import type { ProjectState } from '../../shared/model/state';
import { err, ok, type Result } from '../../shared/result';
import { CliError, listNames, quoted } from './errors';

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * The document `value` names: its id, its name (the file name without the extension), or
 * the name of the file it was imported from. An exact name wins over one that differs only
 * in case, and a name over a file name. Two documents answering to the value are refused,
 * listing their ids; `via` says where an id goes instead ("to --doc").
 */
export function matchDocument(state: Readonly<ProjectState>, value: string, via = ''): Result<GlossDocument> {
  const byId = state.documents.get(value);
  if (byId) return ok(byId);
  const documents = [...state.documents.values()];
  const tests: ((d: GlossDocument) => boolean)[] = [
    (d) => d.name === value,
    (d) => d.source?.fileName === value,
    (d) => same(d.name, value),
    (d) => d.source !== null && same(d.source.fileName, value),
  ];
  for (const test of tests) {
    const matches = documents.filter(test);
    if (matches.length === 1) return ok(matches[0]!);
    if (matches.length > 1) {
      return err(`${matches.length} documents are named ${quoted(value)}; pass one of their ids${via ? ` ${via}` : ''} instead (${listNames(matches.map((d) => d.id))})`);
    }
  }
  const names = documents.map((d) => d.name).sort((a, b) => a.localeCompare(b));
  return err(`no document named ${quoted(value)} (documents: ${listNames(names)})`);
}

/** matchDocument for the --doc option: a document that is not found is a CliError naming the project. */
export function findDocument(state: Readonly<ProjectState>, name: string, fileLabel: string): GlossDocument {
  const found = matchDocument(state, name, 'to --doc');
  if (!found.ok) throw new CliError(`${fileLabel}: ${found.error}`);
  return found.value;
}

/** Where a code named on the command line is, and what has to be created to get it. */
export interface CodeTarget {
  /** The deepest existing code on the path (null: none). */
  existing: Code | null;
  /** Names still to create below `existing`, outermost first; empty when the code exists. */
  missing: string[];
}

/** Splits "Barriers > Data sharing" (the form the exports write) into its names. */
export function splitCodePath(value: string): string[] {
  return value
    .split(/\s+>\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function childNamed(state: Readonly<ProjectState>, parentId: string | null, name: string): Code | undefined {
  const siblings = [...state.codes.values()].filter((c) => c.parentId === parentId);
  return siblings.find((c) => c.name === name) ?? siblings.find((c) => same(c.name, name));
}

/**
 * Resolves a code name or path. A top-level code whose own name contains " > " is taken
 * as it is; otherwise each name is looked up under the one before it.
 */
export function findCode(state: Readonly<ProjectState>, value: string): CodeTarget {
  const whole = childNamed(state, null, value.trim());
  if (whole) return { existing: whole, missing: [] };
  const names = splitCodePath(value);
  let existing: Code | null = null;
  for (const [i, name] of names.entries()) {
    const child = childNamed(state, existing?.id ?? null, name);
    if (!child) return { existing, missing: names.slice(i) };
    existing = child;
  }
  return { existing, missing: [] };
}
