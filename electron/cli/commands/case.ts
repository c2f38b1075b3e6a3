/** gloss case FILE NAME [--doc NAME…] */
import { caseNamed } from '../../../shared/ops/cases';
import { coderAmong } from '../../service/coder';
import { UsageError } from '../errors';
import { findDocument } from '../lookup';
import { changeProject } from '../project-session';
import { labelOf, optionalString, projectArgument, type Command } from '../command';
import { runOp } from './code';

export const caseCommand: Command = {
  name: 'case',
  summary: 'create a case, or add documents to one',
  help: `Usage: gloss case FILE NAME [--doc NAME…]

Groups documents into the case NAME (a person, a site, an organisation) and prints the
case's id. The case is created when the project has none of that name (names compare
without regard to case); documents already in it stay as they are. A case's values of
variables are set with gloss attribute FILE --case NAME --set VARIABLE=VALUE.

Options:
  --doc NAME      a document to add (its name or id); may be given many times
  --coder NAME    who makes the change (default: the coder in Gloss's settings)`,
  options: {
    doc: { type: 'string', multiple: true },
    coder: { type: 'string' },
  },
  async run(positionals, values, io) {
    const file = projectArgument(positionals, 'case');
    const name = positionals[1];
    if (name === undefined || name.trim() === '') throw new UsageError('case: name the case after the project file (see gloss case --help)');
    if (positionals.length > 2) throw new UsageError(`case: unexpected argument ${JSON.stringify(positionals[2])}; put a case name with spaces in quotes, and each document after --doc`);
    const docs = (values.doc as string[] | undefined) ?? [];
    const label = labelOf(file);
    const caseId = await changeProject(file, (project) => coderAmong(project.coders.values(), optionalString(values, 'coder')), (service) => {
      const documentIds = docs.map((d) => findDocument(service.current, d, label).id);
      const existing = caseNamed(service.current, name);
      if (!existing) return runOp(service, { type: 'createCase', name, documentIds }, label).created.caseId!;
      if (documentIds.length > 0) runOp(service, { type: 'addToCase', caseId: existing.id, documentIds }, label);
      return existing.id;
    }, { io });
    io.out(caseId);
    return 0;
  },
};
