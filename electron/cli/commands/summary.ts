/** gloss summary FILE (--case NAME | --doc NAME) --code CODE --text TEXT */
import { caseNamed } from '../../../shared/ops/cases';
import { normalizeNewlines } from '../../../shared/import/decode-text';
import { coderAmong } from '../../service/coder';
import { CliError, UsageError, listNames, quoted } from '../errors';
import { findCode, findDocument } from '../lookup';
import { changeProject } from '../project-session';
import { labelOf, noExtraArguments, optionalString, projectArgument, type Command } from '../command';
import { runOp } from './code';

export const summaryCommand: Command = {
  name: 'summary',
  summary: 'write the summary of a framework matrix cell (a case or document, and a code)',
  help: `Usage: gloss summary FILE (--case NAME | --doc NAME) --code CODE --text TEXT

Writes what you make of one case's (or one document's) material on one code: the cell of
the framework matrix. A cell has one summary; writing again replaces it, and --text ""
clears it. Prints the summary's id (nothing when cleared). One step of the undo history.

Options:
  --case NAME     the row: a case
  --doc NAME      the row: a document (its name or id), for a matrix of documents
  --code CODE     the column: a code (its name, or its path such as "Barriers > Data sharing")
  --text TEXT     the summary
  --coder NAME    who writes it (default: the coder in Gloss's settings)`,
  options: {
    case: { type: 'string' },
    doc: { type: 'string' },
    code: { type: 'string' },
    text: { type: 'string' },
    coder: { type: 'string' },
  },
  async run(positionals, values, io) {
    const file = projectArgument(positionals, 'summary');
    noExtraArguments(positionals, 1, 'summary');
    const caseName = optionalString(values, 'case');
    const docName = optionalString(values, 'doc');
    if ((caseName === undefined) === (docName === undefined)) throw new UsageError('summary: name the row with either --case NAME or --doc NAME');
    const codeName = optionalString(values, 'code');
    if (codeName === undefined || codeName.trim() === '') throw new UsageError('summary: --code is required');
    const text = optionalString(values, 'text');
    if (text === undefined) throw new UsageError('summary: --text is required (--text "" clears the summary)');
    const label = labelOf(file);
    const id = await changeProject(file, (project) => coderAmong(project.coders.values(), optionalString(values, 'coder')), (service) => {
      const state = service.current;
      let row: { kind: 'case' | 'document'; id: string };
      if (caseName !== undefined) {
        const c = caseNamed(state, caseName);
        if (!c) throw new CliError(`${label}: no case named ${quoted(caseName)} (cases: ${listNames([...state.cases.values()].map((x) => x.name).sort((a, b) => a.localeCompare(b)))})`);
        row = { kind: 'case', id: c.id };
      } else row = { kind: 'document', id: findDocument(state, docName!, label).id };
      const found = findCode(state, codeName);
      if (!found.existing || found.missing.length > 0) throw new CliError(`${label}: no code named ${quoted(codeName)}; name it as in \`gloss info ${label}\`, with " > " between a parent and its child`);
      return runOp(service, { type: 'setSummary', row, codeId: found.existing.id, text: normalizeNewlines(text) }, label).created.summaryId;
    }, { io });
    if (id !== undefined) io.out(id);
    return 0;
  },
};
