/** What `gloss search` and `gloss autocode` share: the query's options and --doc. */
import path from 'node:path';
import type { GlossDocument, SearchQuery } from '../../shared/model/schema';
import type { ProjectState } from '../../shared/model/state';
import { compileQuery, describeProblem, literalQuery } from '../../shared/analysis/search-query';
import { normalizeNewlines } from '../../shared/import/decode-text';
import type { OptionSpec, OptionValues } from './command';
import { CliError, UsageError, listNames, quoted } from './errors';
import { findCode } from './lookup';
import type { AutocodeRequest } from '../../shared/ops/autocode';

type SearchScope = NonNullable<AutocodeRequest['where']>;

/** The options that say how to read QUERY and where to look. */
export const QUERY_OPTIONS: Record<string, OptionSpec> = {
  regex: { type: 'boolean' },
  'case-sensitive': { type: 'boolean' },
  'whole-word': { type: 'boolean' },
  doc: { type: 'string', multiple: true },
  inside: { type: 'string' },
  uncoded: { type: 'boolean' },
};

export const QUERY_HELP = `  --regex           QUERY is a JavaScript regular expression (u flag; ^ and $ match at
                    line starts and ends); a bad one is refused saying where it is wrong
  --case-sensitive  only text written with the same capitals (default: any case)
  --whole-word      only where the match stands as a whole word (not inside "Retraining")
  --doc NAME        only this document: its name, its source file name or its id
                    (give --doc again for more)
  --inside CODE     only hits lying inside codings of CODE or its sub-codes (a name or a
                    path such as "Barriers > Training")
  --uncoded         only hits that no coding touches`;

/** The query from QUERY and the options; a regular expression is checked here, before the project is read. */
export function queryFrom(text: string | undefined, values: OptionValues, command: string): SearchQuery {
  if (text === undefined) throw new UsageError(`${command}: say what to look for (see gloss ${command} --help)`);
  const query = literalQuery(normalizeNewlines(text), {
    regex: values.regex === true,
    caseSensitive: values['case-sensitive'] === true,
    wholeWord: values['whole-word'] === true,
  });
  if (query.text.length > 10_000) throw new UsageError(`${command}: the query is longer than 10,000 characters`);
  const compiled = compileQuery(query);
  if (!compiled.ok) throw new UsageError(`${command}: ${describeProblem(query, compiled.error)}`);
  return query;
}

/** The --doc names given, in order (none: an empty list). */
export function docNames(values: OptionValues): string[] {
  const raw = values.doc;
  return raw === undefined ? [] : Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * The document `name` names: its id, its name, or its source file's name (with or without
 * the extension); exact spellings before ones that differ only in case.
 */
export function documentNamed(state: Readonly<ProjectState>, name: string, fileLabel: string): GlossDocument {
  const byId = state.documents.get(name);
  if (byId) return byId;
  const documents = [...state.documents.values()];
  const source = (d: GlossDocument) => d.source?.fileName ?? '';
  const tests: ((d: GlossDocument) => boolean)[] = [
    (d) => d.name === name,
    (d) => same(d.name, name),
    (d) => source(d) !== '' && (source(d) === name || path.basename(source(d)) === name),
    (d) => source(d) !== '' && (same(source(d), name) || same(path.basename(source(d)), name)),
  ];
  for (const test of tests) {
    const matches = documents.filter(test);
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) {
      throw new CliError(`${fileLabel}: ${matches.length} documents are named ${quoted(name)}; pass one of their ids to --doc instead (${listNames(matches.map((d) => d.id))})`);
    }
  }
  const names = documents.map((d) => d.name).sort((a, b) => a.localeCompare(b));
  throw new CliError(`${fileLabel}: no document named ${quoted(name)} (documents: ${listNames(names)})`);
}

/** The ids of the documents --doc names, or undefined (every document) when none is given. */
export function documentIdsFrom(state: Readonly<ProjectState>, values: OptionValues, fileLabel: string): string[] | undefined {
  const names = docNames(values);
  return names.length === 0 ? undefined : [...new Set(names.map((n) => documentNamed(state, n, fileLabel).id))];
}

/** Where to look: --doc, --inside and --uncoded as a search scope (empty: the whole project). */
export function scopeFrom(state: Readonly<ProjectState>, values: OptionValues, fileLabel: string, command: string): SearchScope {
  const documentIds = documentIdsFrom(state, values, fileLabel);
  const inside = typeof values.inside === 'string' ? values.inside : undefined;
  if (inside !== undefined && values.uncoded === true) throw new UsageError(`${command}: --inside and --uncoded exclude each other (a hit inside a coding is not uncoded)`);
  let insideCode: SearchScope['insideCode'];
  if (inside !== undefined) {
    const code = findCode(state, inside);
    if (!code.existing || code.missing.length > 0) throw new CliError(`${fileLabel}: no code named ${quoted(inside)} for --inside`);
    insideCode = { codeId: code.existing.id, withSubcodes: true };
  }
  return {
    ...(documentIds ? { documentIds } : {}),
    ...(insideCode ? { insideCode } : {}),
    ...(values.uncoded === true ? { uncodedOnly: true } : {}),
  };
}
