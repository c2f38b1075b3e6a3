/** gloss attribute FILE (--doc NAME | --case NAME) --set VARIABLE=VALUE… [--type TYPE], or gloss attribute FILE --import VALUES.csv [--dry-run] */
import { randomUUID } from 'node:crypto';
import type { Variable } from '../../../shared/model/schema';
import type { ProjectState } from '../../../shared/model/state';
import { planOp } from '../../../shared/ops/plan';
import { parseValue } from '../../../shared/model/variable-values';
import { caseNamed } from '../../../shared/ops/cases';
import { variableNamed } from '../../../shared/ops/variables';
import { coderAmong } from '../../service/coder';
import { CliError, UsageError, listNames, quoted } from '../errors';
import { findDocument } from '../lookup';
import { changeProject } from '../project-session';
import { labelOf, noExtraArguments, optionalString, projectArgument, type CliIo, type Command, type OptionValues } from '../command';
import { readFileChecked } from '../../service/read-import-files';
import { fileErrorReason } from '../../service/fs-reasons';
import { previewValuesImport, readValuesFile, valuesRefusalBeforeReading } from '../../../shared/ops/values-import';
import { readProject } from '../project-session';
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
       gloss attribute FILE --import VALUES.csv [--dry-run]

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
  --coder NAME        who makes the change (default: the coder in Gloss's settings)
  --import FILE.csv   set many values from a spreadsheet saved as CSV: the first column
                      "document" (or "case") names the row, each other column is a variable
                      (created as text when new). An empty cell is no value. One cell that
                      does not fit its variable refuses the whole import; rows naming no
                      document (or case) are listed and left out. One step of the undo history.
  --dry-run           with --import: only print what would change; nothing is written`,
  options: {
    doc: { type: 'string' },
    case: { type: 'string' },
    set: { type: 'string', multiple: true },
    type: { type: 'string' },
    coder: { type: 'string' },
    import: { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  async run(positionals, values, io) {
    const file = projectArgument(positionals, 'attribute');
    noExtraArguments(positionals, 1, 'attribute');
    const input = optionalString(values, 'import');
    if (input !== undefined) return importValues(file, input, values, io);
    if (values['dry-run']) throw new UsageError('attribute: --dry-run goes with --import');
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

/** Stands in for the coder of a plan that is only shown (--dry-run); values record no coder anyway. */
const PREVIEW_CODER = { id: 'gloss-preview', name: 'Gloss preview', color: '#777777' };

/** gloss attribute FILE --import VALUES.csv: the preview's lines, then (unless --dry-run) the import, as one step. */
async function importValues(file: string, input: string, values: OptionValues, io: CliIo): Promise<number> {
  for (const option of ['doc', 'case', 'set', 'type']) {
    if (values[option] !== undefined) throw new UsageError(`attribute: --import reads the documents and values from the file; leave out --${option}`);
  }
  let checked: Awaited<ReturnType<typeof readFileChecked>>;
  try {
    checked = await readFileChecked(input, (size, head) => valuesRefusalBeforeReading(labelOf(input), size, head));
  } catch (e) {
    throw new CliError(`${labelOf(input)}: ${fileErrorReason(e, 'reading')}; nothing was imported.`);
  }
  if (!checked.ok) throw new CliError(checked.error);
  const table = readValuesFile(checked.bytes, labelOf(input));
  if (!table.ok) throw new CliError(table.error);
  const label = labelOf(file);
  const report = (preview: ReturnType<typeof previewValuesImport>, done: string) => {
    for (const warning of preview.warnings) io.err(`gloss: warning: ${warning}`);
    const noun = table.value.kind === 'document' ? 'document' : 'case';
    for (const u of preview.unknown) io.err(`gloss: warning: ${labelOf(input)} row ${u.line}: no ${noun} named ${quoted(u.name)}; left out`);
    if (preview.newVariables.length > 0) io.out(`New variables (text): ${preview.newVariables.join(', ')}`);
    io.out(done);
  };
  if (values['dry-run']) {
    await readProject(file, (service) => {
      const preview = previewValuesImport(service.current, table.value);
      // Planned, not run: the same plan the import runs, so a refusal shows here too.
      const planned = planOp(service.current as ProjectState, preview.request, { now: new Date().toISOString(), newId: randomUUID, coder: PREVIEW_CODER });
      if (!planned.ok) throw new CliError(`${label}: ${planned.error}`);
      report(preview, `${planned.value.label} (--dry-run: nothing was written)`);
    });
    return 0;
  }
  await changeProject(file, (project) => coderAmong(project.coders.values(), optionalString(values, 'coder')), (service) => {
    const preview = previewValuesImport(service.current, table.value);
    const response = runOp(service, preview.request, label);
    report(preview, response.label);
  }, { io });
  return 0;
}
