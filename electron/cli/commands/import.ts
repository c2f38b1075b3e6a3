/** gloss import FILE DOC_PATH… [--copies] [--coder NAME] */
import { readFilesToImport } from '../../service/read-import-files';
import { UsageError, succeeded } from '../errors';
import { CODER_HELP, changeProject, chosenCoder } from '../project-session';
import { labelOf, projectArgument, type Command } from '../command';
import { terminalSafe } from '../../../shared/text/safe-names';
import { IMPORT_FORMATS_TEXT } from '../../../shared/import/registry';

export const importCommand: Command = {
  name: 'import',
  summary: 'import text files as documents',
  help: `Usage: gloss import FILE DOC_PATH...

Imports each DOC_PATH (${IMPORT_FORMATS_TEXT})
into the project FILE as a document named after the file without its extension. Plain
text in UTF-8, UTF-16 (with BOM) or Windows-1252 is decoded; line endings become LF.
Prints one line per imported document: its id, a tab, its name. What the import report
says about an imported file (an encoding guessed, a subtitle cue without a readable time,
PDF pages without text) goes to stderr. A file that cannot be imported is reported on
stderr and the others still import; the exit code is then 1.
A file whose content is already in the project is skipped and reported, unless --copies.

Options:
  --copies      import files even when the project already has a document with the same content
  --coder NAME  ${CODER_HELP}`,
  options: { coder: { type: 'string' }, copies: { type: 'boolean' } },
  async run(positionals, values, io) {
    const file = projectArgument(positionals, 'import');
    const paths = positionals.slice(1);
    if (paths.length === 0) throw new UsageError('import: name at least one file to import (see gloss import --help)');
    const failures: string[] = [];
    const notes: string[] = [];
    const imported = await changeProject(file, chosenCoder(values), async (service) => {
      const { files, unreadable } = await readFilesToImport(paths);
      failures.push(...unreadable);
      if (files.length === 0) return [];
      const response = await service.importFiles(files, undefined, { allowDuplicates: values.copies === true });
      notes.push(...response.notes.map((n) => n.note));
      failures.push(...response.failed.map((f) => f.error));
      failures.push(
        ...response.duplicates.map(
          (d) => `${d.name}: the project already has this content (“${d.existing}”); it was not imported (use --copies to import a copy).`,
        ),
      );
      if (response.result) succeeded(response.result, labelOf(file));
      return response.imported;
    }, { io });
    // One line per document, id TAB name: a tab or line break in a name must not add a column or a line.
    for (const doc of imported) io.out(`${doc.id}\t${terminalSafe(doc.name)}`);
    for (const note of notes) io.err(`gloss: ${note}`);
    for (const failure of failures) io.err(`gloss: ${failure}`);
    return failures.length > 0 ? 1 : 0;
  },
};
