/** gloss attribute FILE (--doc NAME | --case NAME) --set VARIABLE=VALUE… [--type TYPE] */
import type { Variable } from '../../../shared/model/schema';
import { parseValue } from '../../../shared/model/variable-values';
import { caseNamed } from '../../../shared/ops/cases';
import { variableNamed } from '../../../shared/ops/variables';
import { coderAmong } from '../../service/coder';
import { CliError, UsageError, listNames, quoted } from '../errors';
import { findDocument } from '../lookup';
import { changeProject } from '../project-session';
import { labelOf, noExtraArguments, optionalString, projectArgument, type Command } from '../command';
import { runOp } from './code';

/** What --type accepts, and the variable type each word means. */
const TYPES: Record<string, Variable['type']> = { text: 'text', number: 'number', boolean: 'boolean', 'yes/no': 'boolean', yesno: 'boolean', date: 'date' };

/** VARIABLE=VALUE split at the first =; the value may be empty (no value). */
function assignment(text: string): { name: string; value: string } {
  const eq = text.indexOf('=');
  if (eq <= 0 || text.slice(0, eq).trim() === '') throw new UsageError(`attribute: --set takes VARIABLE=VALUE (such as --set Region=North), not ${quoted(text)}`);
  return { name: text.slice(0, eq).trim(), value: text.slice(eq + 1) };
}

export const attributeCommand: Command = {
  name: 'attribute',
  summary: "set a document's or case's value of a variable",
  help: `Usage: gloss attribute FILE (--doc NAME | --case NAME) --set VARIABLE=VALUE… [--type TYPE]

Sets the value a document (or a case) has for a variable and prints the variable's id, one
line per --set. A variable the project has no variable of that name for is created, as
text unless --type says otherwise. The value is read as the variable's type: a number
such as 42 or 3.5, yes or no, a date such as 2026-03-01; VARIABLE= (nothing after the =)
takes the value away. Each --set is one step of the project's undo history.

Options:
  --doc NAME          the document (its name or id)
  --case NAME         the case, instead of a document
  --set VARIABLE=VALUE  the value to set; may be given many times
  --type TYPE         the type of a variable this command creates: text (default), number,
                      yes/no or date
  --coder NAME        who makes the change (default: the coder in Gloss's settings)`,
  options: {
    doc: { type: 'string' },
    case: { type: 'string' },
    set: { type: 'string', multiple: true },
    type: { type: 'string' },
    coder: { type: 'string' },
  },
  async run(positionals, values, io) {
    const file = projectArgument(positionals, 'attribute');
    noExtraArguments(positionals, 1, 'attribute');
    const docName = optionalString(values, 'doc');
    const caseName = optionalString(values, 'case');
    if ((docName === undefined) === (caseName === undefined)) throw new UsageError('attribute: name either a document with --doc or a case with --case');
    const sets = ((values.set as string[] | undefined) ?? []).map(assignment);
    if (sets.length === 0) throw new UsageError('attribute: say what to set with --set VARIABLE=VALUE (see gloss attribute --help)');
    const typeWord = optionalString(values, 'type');
    const type = typeWord === undefined ? 'text' : TYPES[typeWord.trim().toLowerCase()];
    if (!type) throw new UsageError(`attribute: --type must be text, number, yes/no or date, not ${quoted(typeWord!)}`);
    const label = labelOf(file);
    const ids = await changeProject(file, (project) => coderAmong(project.coders.values(), optionalString(values, 'coder')), (service) => {
      const state = service.current;
      let target: { kind: 'document' | 'case'; id: string };
      if (docName !== undefined) target = { kind: 'document', id: findDocument(state, docName, label).id };
      else {
        const c = caseNamed(state, caseName!);
        if (!c) throw new CliError(`${label}: no case named ${quoted(caseName!)} (cases: ${listNames([...state.cases.values()].map((x) => x.name).sort((a, b) => a.localeCompare(b)))}); create it with gloss case ${label} ${JSON.stringify(caseName)}`);
        target = { kind: 'case', id: c.id };
      }
      return sets.map(({ name, value }) => {
        let variable = variableNamed(service.current, name);
        if (!variable) {
          const id = runOp(service, { type: 'createVariable', name, variableType: type }, label).created.variableId!;
          variable = service.current.variables.get(id)!;
        } else if (typeWord !== undefined && variable.type !== type) {
          throw new CliError(`${label}: the variable ${quoted(variable.name)} already exists and holds ${variable.type === 'boolean' ? 'yes/no' : variable.type} values, not ${typeWord}`);
        }
        const parsed = parseValue(variable.type, value);
        if (!parsed.ok) throw new CliError(`${label}: ${variable.name}: ${parsed.error}`);
        return runOp(service, { type: 'setValue', target, variableId: variable.id, value: parsed.value }, label).created.variableId!;
      });
    }, { io });
    for (const id of ids) io.out(id);
    return 0;
  },
};
