/** gloss new FILE --name NAME */
import path from 'node:path';
import { createProject } from '../project-session';
import { noExtraArguments, optionalString, projectArgument, type Command } from '../command';

export const newCommand: Command = {
  name: 'new',
  summary: 'create an empty project file',
  help: `Usage: gloss new FILE [--name NAME]

Creates an empty project in FILE (e.g. study.gloss). An existing file is never replaced.

Options:
  --name NAME   the project's name (default: the file name without .gloss)`,
  options: { name: { type: 'string' } },
  async run(positionals, values, io) {
    const file = projectArgument(positionals, 'new');
    noExtraArguments(positionals, 1, 'new');
    const name = optionalString(values, 'name')?.trim() || path.basename(file).replace(/\.gloss$/i, '');
    await createProject(file, name, io);
    io.out(path.resolve(file));
    return 0;
  },
};
