/**
 * The filter options every `gloss analyse` view takes, turned into the engine's
 * AnalysisFilter (shared/analysis/scope.ts): documents, cases, sets, variable values and
 * coders named as a user types them. Each option may be given many times; any of its
 * values will do, and different options must all hold.
 */
import type { AnalysisFilter } from '../../shared/analysis/scope';
import type { ProjectState } from '../../shared/model/state';
import type { VariableValue } from '../../shared/model/schema';
import { parseValue } from '../../shared/model/variable-values';
import { variableNamed } from '../../shared/ops/variables';
import { caseNamed } from '../../shared/ops/cases';
import type { OptionSpec, OptionValues } from './command';
import { CliError, UsageError, listNames, quoted } from './errors';
import { findDocument } from './lookup';

/** The options, for a command's option table. */
export const FILTER_OPTIONS: Record<string, OptionSpec> = {
  doc: { type: 'string', multiple: true },
  case: { type: 'string', multiple: true },
  set: { type: 'string', multiple: true },
  where: { type: 'string', multiple: true },
  'coded-by': { type: 'string', multiple: true },
};

/** Their lines in a command's --help. */
export const FILTER_HELP = `Filters (each may be given many times; any of one option's values will do, and
different options must all hold):
  --doc NAME            only this document (its name or id)
  --case NAME           only the documents of this case
  --set NAME            only the documents of this document set, or, for a code set, only
                        its codes as rows (their sub-codes still count in "with sub-codes")
  --where VAR=VALUE     only documents with this value of the variable (their own value, else
                        their cases'); VAR= (nothing after =) means documents without a value
  --coded-by NAME       only codings by this coder`;

const list = (values: OptionValues, name: string): string[] => {
  const v = values[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
};

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** The AnalysisFilter the options name; a name the project does not have is an error naming what it has. */
export function analysisFilter(state: Readonly<ProjectState>, values: OptionValues, label: string): AnalysisFilter {
  const filter: AnalysisFilter = {};
  const docs = list(values, 'doc');
  if (docs.length > 0) filter.documentIds = docs.map((name) => findDocument(state, name, label).id);
  const cases = list(values, 'case');
  if (cases.length > 0) {
    filter.caseIds = cases.map((name) => {
      const c = caseNamed(state, name);
      if (!c) throw new CliError(`${label}: no case named ${quoted(name)} (cases: ${listNames([...state.cases.values()].map((x) => x.name).sort((a, b) => a.localeCompare(b)))})`);
      return c.id;
    });
  }
  for (const name of list(values, 'set')) {
    const set = [...state.sets.values()].find((s) => same(s.name, name));
    if (!set) throw new CliError(`${label}: no set named ${quoted(name)} (sets: ${listNames([...state.sets.values()].map((s) => s.name).sort((a, b) => a.localeCompare(b)))})`);
    const key = set.kind === 'documents' ? 'documentSetIds' : 'codeSetIds';
    filter[key] = [...(filter[key] ?? []), set.id];
  }
  const conditions = new Map<string, VariableValue[]>();
  for (const where of list(values, 'where')) {
    const eq = where.indexOf('=');
    if (eq <= 0) throw new UsageError(`analyse: --where takes VARIABLE=VALUE (such as --where Region=North), not ${quoted(where)}`);
    const variable = variableNamed(state, where.slice(0, eq));
    if (!variable) throw new CliError(`${label}: no variable named ${quoted(where.slice(0, eq).trim())} (variables: ${listNames([...state.variables.values()].map((v) => v.name).sort((a, b) => a.localeCompare(b)))})`);
    const value = parseValue(variable.type, where.slice(eq + 1));
    if (!value.ok) throw new CliError(`${label}: --where ${variable.name}: ${value.error}`);
    conditions.set(variable.id, [...(conditions.get(variable.id) ?? []), value.value]);
  }
  if (conditions.size > 0) filter.values = [...conditions].map(([variableId, vs]) => ({ variableId, values: vs }));
  const coders = list(values, 'coded-by');
  if (coders.length > 0) {
    filter.coderIds = coders.map((name) => {
      const all = [...state.coders.values()];
      const coder = all.find((c) => c.name === name) ?? all.find((c) => same(c.name, name));
      if (!coder) throw new CliError(`${label}: no coder named ${quoted(name)} (coders: ${listNames(all.map((c) => c.name).sort((a, b) => a.localeCompare(b)))})`);
      return coder.id;
    });
  }
  return filter;
}
