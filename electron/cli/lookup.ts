/** Finding documents and codes by the names a user types on the command line. */
import type { Code, GlossDocument } from '../../shared/model/schema';
import type { ProjectState } from '../../shared/model/state';
import { CliError, listNames, quoted } from './errors';

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * The document named `name` (its file name without the extension, or its id). An exact
 * name wins over a match that differs only in case.
 */
export function findDocument(state: Readonly<ProjectState>, name: string, fileLabel: string): GlossDocument {
  const documents = [...state.documents.values()];
  const byId = state.documents.get(name);
  if (byId) return byId;
  let matches = documents.filter((d) => d.name === name);
  if (matches.length === 0) matches = documents.filter((d) => same(d.name, name));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new CliError(
      `${fileLabel}: ${matches.length} documents are named ${quoted(name)}; pass one of their ids to --doc instead (${listNames(matches.map((d) => d.id))})`,
    );
  }
  const names = documents.map((d) => d.name).sort((a, b) => a.localeCompare(b));
  throw new CliError(`${fileLabel}: no document named ${quoted(name)} (documents: ${listNames(names)})`);
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
